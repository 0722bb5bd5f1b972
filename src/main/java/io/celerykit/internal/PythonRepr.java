package io.celerykit.internal;

import io.celerykit.result.RemoteTaskException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python 3's {@code repr()} (and {@code str()}) of Java values, the one place celerykit renders
 * them: signature reprs, Celery's messages ({@code Can't retry tasks.x[id] args:(5,) kwargs:{}},
 * {@code Dependency id raised ValueError('bad')}), argument errors and the event journal. Not API.
 *
 * <p>A {@code CharSequence} or {@code Character} is a {@code str}: in single quotes unless it holds
 * a {@code '} and no {@code "}; {@code \\}, the quote, {@code \n}, {@code \r} and {@code \t}
 * escaped; other non-printable characters as {@code \xNN}, <code>&#92;uNNNN</code> or {@code
 * \UNNNNNNNN}; printable non-ASCII kept as it is (printable as Python defines it, by the Unicode
 * category in Java's tables). {@code null} is {@code None}, booleans {@code True}/{@code False},
 * doubles, floats and {@code BigDecimal} Python floats ({@link PythonFloat}), other numbers their
 * digits, lists and arrays {@code [1, 2]}, sets {@code {1, 2}} ({@code set()} when empty), maps
 * {@code {'a': 1}}, {@code byte[]} {@code b'..'}, exceptions {@code ValueError('bad')} ({@link
 * RemoteTaskException}: its {@code exc_type} and {@code exc_message}; one of celerykit's standing
 * for Celery's own: Celery's name, {@code TaskRevokedError('revoked')}; any other: its simple class
 * name and message). A container met again inside itself is {@code [...]} or {@code {...}}, as in
 * Python. Anything else is {@link String#valueOf(Object)}. Deep nesting renders without recursion.
 */
public final class PythonRepr {
  private PythonRepr() {}

  /** Text to append as it is, told apart from a value (which may be a string) on the work stack. */
  private record Text(String text) {}

  /** Marks the end of a container: it leaves the path of containers being rendered. */
  private record Leave(Object container) {}

  /** Stands in for null on the work stack, which holds no nulls. */
  private static final Text NONE = new Text("None");

  private static final Text COMMA = new Text(", ");
  private static final Text COLON = new Text(": ");

  /**
   * Returns Python's {@code repr(value)}.
   *
   * @param value the value
   * @return the text
   */
  public static String repr(Object value) {
    if (value instanceof String s) {
      StringBuilder sb = new StringBuilder(s.length() + 2);
      str(sb, s);
      return sb.toString();
    }
    StringBuilder sb = new StringBuilder();
    new Writer(sb).write(value);
    return sb.toString();
  }

  /**
   * Returns Python's {@code str(value)}: a string as it is, anything else as {@link #repr}.
   *
   * @param value the value
   * @return the text
   */
  public static String str(Object value) {
    return value instanceof CharSequence s ? s.toString() : repr(value);
  }

  /**
   * Returns Python's {@code repr} of a tuple of the items: {@code ()}, {@code (5,)}, {@code (1,
   * 'x')}.
   *
   * @param items the items
   * @return the text
   */
  public static String tuple(List<?> items) {
    StringBuilder sb = new StringBuilder();
    new Writer(sb).sequence("(", items.iterator(), items.size() == 1 ? ",)" : ")");
    return sb.toString();
  }

  /** Renders values into one builder from an explicit stack, guarding against cycles. */
  private static final class Writer {
    private final StringBuilder sb;
    private final Deque<Object> work = new ArrayDeque<>();
    private Set<Object> path;

    Writer(StringBuilder sb) {
      this.sb = sb;
    }

    void write(Object value) {
      work.push(value == null ? NONE : value);
      drain();
    }

    void sequence(String open, Iterator<?> items, String close) {
      push(open, items, close);
      drain();
    }

    private void drain() {
      while (!work.isEmpty()) {
        Object item = work.pop();
        if (item instanceof Text t) {
          sb.append(t.text());
        } else if (item instanceof Leave l) {
          path.remove(l.container());
        } else {
          one(item);
        }
      }
    }

    private void one(Object value) {
      if (value instanceof Boolean b) {
        sb.append(b ? "True" : "False");
      } else if (value instanceof CharSequence s) {
        str(sb, s.toString());
      } else if (value instanceof Character c) {
        str(sb, c.toString());
      } else if (value instanceof Double || value instanceof Float) {
        sb.append(PythonFloat.repr(((Number) value).doubleValue()));
      } else if (value instanceof BigDecimal d) {
        sb.append(PythonFloat.repr(d.doubleValue()));
      } else if (value instanceof Number n) {
        sb.append(n);
      } else if (value instanceof byte[] bytes) {
        bytes(sb, bytes);
      } else if (value instanceof Throwable error) {
        exception(error);
      } else if (value instanceof List<?> list) {
        container(list, "[", list.iterator(), "]", "[...]");
      } else if (value instanceof Set<?> set) {
        if (set.isEmpty()) {
          sb.append("set()");
        } else {
          container(set, "{", set.iterator(), "}", "{...}");
        }
      } else if (value instanceof Map<?, ?> map) {
        if (enter(map, "{...}")) {
          work.push(new Leave(map));
          push("{", entries(map), "}");
        }
      } else if (value instanceof Collection<?> other) {
        container(other, "[", other.iterator(), "]", "[...]");
      } else if (value.getClass().isArray()) {
        if (enter(value, "[...]")) {
          work.push(new Leave(value));
          push("[", arrayItems(value), "]");
        }
      } else {
        sb.append(value);
      }
    }

    private void container(Object c, String open, Iterator<?> items, String close, String again) {
      if (enter(c, again)) {
        work.push(new Leave(c));
        push(open, items, close);
      }
    }

    /** Puts a container on the path; false (and its cycle mark written) when already on it. */
    private boolean enter(Object container, String again) {
      if (path == null) {
        path = Collections.newSetFromMap(new IdentityHashMap<>());
      }
      if (!path.add(container)) {
        sb.append(again);
        return false;
      }
      return true;
    }

    /** Writes the opening at once and pushes the items, separated, then the closing. */
    private void push(String open, Iterator<?> items, String close) {
      sb.append(open);
      Deque<Object> reversed = new ArrayDeque<>();
      boolean first = true;
      while (items.hasNext()) {
        if (!first) {
          reversed.push(COMMA);
        }
        Object item = items.next();
        if (item instanceof Pair pair) {
          reversed.push(pair.key() == null ? NONE : pair.key());
          reversed.push(COLON);
          reversed.push(pair.value() == null ? NONE : pair.value());
        } else {
          reversed.push(item == null ? NONE : item);
        }
        first = false;
      }
      work.push(new Text(close));
      for (Object item : reversed) {
        work.push(item);
      }
    }

    private void exception(Throwable error) {
      String name;
      List<?> args;
      if (error instanceof RemoteTaskException remote) {
        name = remote.excType();
        args = remote.excMessage();
      } else {
        String celeryName = CeleryExceptionNames.celeryName(error.getClass());
        name = celeryName != null ? celeryName : error.getClass().getSimpleName();
        args = error.getMessage() == null ? List.of() : List.of(error.getMessage());
      }
      sb.append(name);
      push("(", args.iterator(), ")");
    }
  }

  /** A map entry to render as {@code key: value}. */
  private record Pair(Object key, Object value) {}

  private static Iterator<Object> entries(Map<?, ?> map) {
    return MappedIterator.map(map.entrySet().iterator(), e -> new Pair(e.getKey(), e.getValue()));
  }

  private static Iterator<Object> arrayItems(Object array) {
    int length = Array.getLength(array);
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < length;
      }

      @Override
      public Object next() {
        return Array.get(array, next++);
      }
    };
  }

  /** Python's {@code unicode_repr}: the quote choice and the escapes of CPython. */
  private static void str(StringBuilder sb, String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    sb.append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (escapedAscii(sb, cp, quote)) {
        continue;
      }
      if (cp < 0x7f || printable(cp)) {
        sb.appendCodePoint(cp);
      } else if (cp <= 0xff) {
        hex(sb, "\\x", cp, 2);
      } else if (cp <= 0xffff) {
        hex(sb, "\\u", cp, 4);
      } else {
        hex(sb, "\\U", cp, 8);
      }
    }
    sb.append(quote);
  }

  /** Python's {@code str.isprintable()} of one non-ASCII code point. */
  private static boolean printable(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL,
      Character.FORMAT,
      Character.SURROGATE,
      Character.PRIVATE_USE,
      Character.UNASSIGNED,
      Character.LINE_SEPARATOR,
      Character.PARAGRAPH_SEPARATOR,
      Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  /** Python's {@code bytes.__repr__}: {@code b'..'}, non-ASCII and controls as {@code \xNN}. */
  private static void bytes(StringBuilder sb, byte[] bytes) {
    boolean single = false;
    boolean dbl = false;
    for (byte b : bytes) {
      single |= b == '\'';
      dbl |= b == '"';
    }
    char quote = single && !dbl ? '"' : '\'';
    sb.append('b').append(quote);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (escapedAscii(sb, c, quote)) {
        continue;
      }
      if (c > 0x7f) {
        hex(sb, "\\x", c, 2);
      } else {
        sb.append((char) c);
      }
    }
    sb.append(quote);
  }

  /**
   * Writes the escape that str and bytes reprs share for a quote, a backslash, a tab, a line feed,
   * a carriage return or another ASCII control (and DEL), and tells whether it wrote one.
   */
  private static boolean escapedAscii(StringBuilder sb, int c, char quote) {
    if (c == quote || c == '\\') {
      sb.append('\\').append((char) c);
    } else if (c == '\t') {
      sb.append("\\t");
    } else if (c == '\n') {
      sb.append("\\n");
    } else if (c == '\r') {
      sb.append("\\r");
    } else if (c < ' ' || c == 0x7f) {
      hex(sb, "\\x", c, 2);
    } else {
      return false;
    }
    return true;
  }

  private static void hex(StringBuilder sb, String prefix, int value, int digits) {
    sb.append(prefix);
    String hex = Integer.toHexString(value);
    for (int i = hex.length(); i < digits; i++) {
      sb.append('0');
    }
    sb.append(hex);
  }
}
