package io.celerykit.redis.protocol;

import io.celerykit.internal.PythonFloat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Celery's {@code celery.utils.saferepr.saferepr(o, maxlen, maxlevels=3)}, which writes the {@code
 * argsrepr} and {@code kwargsrepr} headers; a port of its token stream, so that truncation matches
 * to the character. It is not Python's {@code repr}: strings are quoted with {@code '} and only
 * {@code '} is escaped (backslashes, newlines and non-ASCII text stay as they are), containers
 * nested three levels deep print as {@code [...]}, and past {@code maxlen} characters a string is
 * cut at its last space with {@code ...}, the rest replaced by {@code , ...} and the open brackets
 * closed. Lengths count code points, as Python's {@code len} does.
 */
final class SafeRepr {
  private SafeRepr() {}

  private record Literal(String value, boolean truncate, int direction) {}

  private record Key(Object value) {}

  private record Quoted(String value) {}

  private static final Literal DICT_START = new Literal("{", false, +1);
  private static final Literal DICT_KVSEP = new Literal(": ", true, 0);
  private static final Literal DICT_END = new Literal("}", false, -1);
  private static final Literal LIST_START = new Literal("[", false, +1);
  private static final Literal LIST_END = new Literal("]", false, -1);
  private static final Literal LIST_SEP = new Literal(", ", true, 0);
  private static final Literal TUPLE_START = new Literal("(", false, +1);
  private static final Literal TUPLE_END = new Literal(")", false, -1);
  private static final Literal TUPLE_END_SV = new Literal(",)", false, -1);

  /** Returns {@code saferepr(o, maxlen)} with Celery's default {@code maxlevels=3}. */
  static String saferepr(Object o, Integer maxlen) {
    return saferepr(o, maxlen, 3);
  }

  /** Returns {@code saferepr(o, maxlen, maxlevels)}; a null {@code maxlen} means no limit. */
  static String saferepr(Object o, Integer maxlen, int maxlevels) {
    StringBuilder out = new StringBuilder();
    Deque<Iterator<Object>> stack = new ArrayDeque<>();
    List<Object> start = new ArrayList<>(1);
    start.add(o);
    stack.add(start.iterator());
    int level = 0;
    Integer left = maxlen;
    outer:
    while (!stack.isEmpty()) {
      Iterator<Object> it = stack.pollFirst();
      while (it.hasNext()) {
        Object val = it.next();
        Object token;
        if (val instanceof Literal lit) {
          level += lit.direction();
          token = lit;
        } else if (val instanceof Key) {
          token = val;
        } else if (val instanceof BigDecimal d) {
          token = "Decimal('" + d + "')";
        } else if (val instanceof Boolean b) {
          token = b ? "True" : "False";
        } else if (val instanceof Integer
            || val instanceof Long
            || val instanceof Short
            || val instanceof Byte
            || val instanceof BigInteger) {
          token = val.toString();
        } else if (val instanceof Double || val instanceof Float) {
          token = PythonFloat.repr(((Number) val).doubleValue());
        } else if (val instanceof CharSequence || val instanceof Character) {
          token = new Quoted(val.toString());
        } else if (val instanceof PyTuple
            || val instanceof List
            || val instanceof Map
            || val instanceof PySignature) {
          Container c = container(val);
          if (maxlevels > 0 && level >= maxlevels) {
            token = c.start.value() + "..." + c.end.value();
          } else {
            List<Object> items = new ArrayList<>(c.content.size() + 2);
            items.add(c.start);
            items.addAll(c.content);
            items.add(c.end);
            stack.addLast(concat(items.iterator(), it));
            continue outer;
          }
        } else if (val == null) {
          token = "None";
        } else if (val instanceof UUID u) {
          token = "UUID('" + u + "')";
        } else {
          throw new IllegalArgumentException(
              "no Python repr for " + KombuJson.describe(val) + " (Celery's saferepr)");
        }
        if (left != null && left <= 0) {
          out.append(", ...");
          stack.addLast(it);
          break outer;
        }
        String text = render(token, left, maxlevels);
        out.append(text);
        if (left != null) {
          left -= text.codePointCount(0, text.length());
        }
      }
    }
    for (Iterator<Object> rest : stack) {
      while (rest.hasNext()) {
        if (rest.next() instanceof Literal lit && !lit.truncate()) {
          out.append(lit.value());
        }
      }
    }
    return out.toString();
  }

  private static String render(Object token, Integer left, int maxlevels) {
    if (token instanceof Literal lit) {
      return lit.value();
    }
    if (token instanceof Key key) {
      return saferepr(key.value(), left, maxlevels);
    }
    if (token instanceof Quoted q) {
      return "'" + truncate(q.value(), left).replace("'", "\\'") + "'";
    }
    return truncate((String) token, left);
  }

  /** Celery's {@code celery.utils.text.truncate(s, maxlen)} with its {@code ...} suffix. */
  static String truncate(String s, Integer maxlen) {
    if (maxlen == null || maxlen == 0 || s.codePointCount(0, s.length()) < maxlen) {
      return s;
    }
    String head = s.substring(0, s.offsetByCodePoints(0, maxlen));
    int space = head.lastIndexOf(' ');
    return (space < 0 ? head : head.substring(0, space)) + "...";
  }

  private record Container(Literal start, List<Object> content, Literal end) {}

  private static Container container(Object val) {
    if (val instanceof PyTuple t) {
      return new Container(
          TUPLE_START, chainList(t.items()), t.size() == 1 ? TUPLE_END_SV : TUPLE_END);
    }
    if (val instanceof List<?> list) {
      return new Container(LIST_START, chainList(list), LIST_END);
    }
    Map<?, ?> map = val instanceof PySignature sig ? sig.asDict() : (Map<?, ?>) val;
    List<Object> content = new ArrayList<>(map.size() * 4);
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      content.add(new Key(e.getKey()));
      content.add(DICT_KVSEP);
      content.add(e.getValue());
      if (i++ < map.size() - 1) {
        content.add(LIST_SEP);
      }
    }
    return new Container(DICT_START, content, DICT_END);
  }

  private static List<Object> chainList(List<?> items) {
    List<Object> content = new ArrayList<>(items.size() * 2);
    for (int i = 0; i < items.size(); i++) {
      content.add(items.get(i));
      if (i < items.size() - 1) {
        content.add(LIST_SEP);
      }
    }
    return content;
  }

  private static Iterator<Object> concat(Iterator<Object> first, Iterator<Object> then) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return first.hasNext() || then.hasNext();
      }

      @Override
      public Object next() {
        return first.hasNext() ? first.next() : then.next();
      }
    };
  }
}
