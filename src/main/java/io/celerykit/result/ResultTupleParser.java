package io.celerykit.result;

import io.celerykit.internal.Checks;
import io.celerykit.internal.Preview;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** Parses raw nested lists with Celery's {@code result_from_tuple} rules, iteratively. */
final class ResultTupleParser {
  private ResultTupleParser() {}

  /** One unit of work: parse {@code raw}, then hand the tuple to {@code sink}. */
  private record Job(Object raw, Where where, Slot sink) {}

  /**
   * Where a part sits in the raw tuple ({@code tuple[0][1][1][2]}), as a linked path: the text is
   * built only for an error message, so deep tuples parse in linear time.
   */
  private static final class Where {
    static final Where ROOT = new Where(null, "tuple");

    private final Where up;
    private final String step;

    private Where(Where up, String step) {
      this.up = up;
      this.step = step;
    }

    Where then(String next) {
      return new Where(this, next);
    }

    @Override
    public String toString() {
      Deque<String> steps = new ArrayDeque<>();
      for (Where w = this; w != null; w = w.up) {
        steps.push(w.step);
      }
      return String.join("", steps);
    }
  }

  /** Where a parsed tuple goes. */
  private static final class Slot {
    ResultTuple value;
  }

  /** A node whose parts are parsed; assembled once they are all filled. */
  private record Pending(String id, Slot parent, List<Slot> members, Slot sink) {}

  static ResultTuple parse(Object raw) {
    ResultTuple chain = parsePlainChain(raw);
    if (chain != null) {
      return chain;
    }
    Slot root = new Slot();
    Deque<Object> work = new ArrayDeque<>();
    work.push(new Job(raw, Where.ROOT, root));
    while (!work.isEmpty()) {
      Object item = work.pop();
      if (item instanceof Pending p) {
        ResultTuple parent = p.parent == null ? null : p.parent.value;
        if (p.members == null) {
          p.sink.value = ResultTuple.of(p.id, parent);
        } else {
          List<ResultTuple> members = new ArrayList<>(p.members.size());
          for (Slot s : p.members) {
            members.add(s.value);
          }
          p.sink.value = ResultTuple.group(p.id, parent, members);
        }
        continue;
      }
      Job job = (Job) item;
      List<?> pair = pairOf(job.raw, job.where);
      Object head = pair.get(0);
      Object nodes = pair.get(1);
      Object id;
      Object parentRaw;
      if (isSequence(head)) {
        List<?> headPair = pairOf(head, job.where.then("[0]"));
        id = headPair.get(0);
        // Celery: `if parent:`, so a falsy parent ([], '', 0, False) is no parent.
        parentRaw = isFalsy(headPair.get(1)) ? null : headPair.get(1);
      } else {
        id = head;
        parentRaw = null;
      }
      String idText = idOf(id, job.where);
      // Celery's `if parent:` treats any falsy parent (None, [], "", 0) as no parent.
      Slot parentSlot = isFalsy(parentRaw) ? null : new Slot();
      List<Slot> memberSlots = null;
      List<?> memberList = null;
      if (nodes != null) {
        if (!isSequence(nodes)) {
          throw new IllegalArgumentException(
              "malformed result tuple at "
                  + job.where
                  + "[1]: expected null or a list of member tuples, got "
                  + describe(nodes));
        }
        memberList = asList(nodes);
        memberSlots = new ArrayList<>(memberList.size());
        for (int i = 0; i < memberList.size(); i++) {
          memberSlots.add(new Slot());
        }
      }
      work.push(new Pending(idText, parentSlot, memberSlots, job.sink));
      if (memberList != null) {
        for (int i = memberList.size() - 1; i >= 0; i--) {
          work.push(
              new Job(memberList.get(i), job.where.then("[1][" + i + "]"), memberSlots.get(i)));
        }
      }
      if (parentSlot != null) {
        work.push(new Job(parentRaw, job.where.then("[0][1]"), parentSlot));
      }
    }
    return root.value;
  }

  /**
   * Parses a well-formed chain of task tuples (no group anywhere) in one pass down its parents,
   * then builds it from its first step; null for anything else (a group, or a malformed part, which
   * {@link #parse} then reports with its location). The general parse keeps a pending node per
   * level until the first step is reached, a million-deep linked structure the collector must copy;
   * this keeps only the ids.
   */
  private static ResultTuple parsePlainChain(Object raw) {
    List<String> ids = new ArrayList<>();
    for (Object node = raw; node != null; ) {
      if (!isSequence(node)) {
        return null;
      }
      List<?> pair = asList(node);
      if (pair.size() != 2 || pair.get(1) != null) {
        return null;
      }
      Object head = pair.get(0);
      Object id = head;
      node = null;
      if (isSequence(head)) {
        List<?> headPair = asList(head);
        if (headPair.size() != 2) {
          return null;
        }
        id = headPair.get(0);
        node = headPair.get(1);
      }
      if (id instanceof String s && !s.isBlank()) {
        ids.add(s);
      } else if (id instanceof Number n) {
        ids.add(n.toString());
      } else {
        return null;
      }
    }
    ResultTuple tuple = null;
    for (int i = ids.size() - 1; i >= 0; i--) {
      tuple = ResultTuple.of(ids.get(i), tuple);
    }
    return tuple;
  }

  private static String idOf(Object id, Where where) {
    if (id instanceof String s) {
      return s.isBlank() ? Checks.requireId(s, "result tuple id at " + where + "[0][0]") : s;
    }
    if (id instanceof Number n) {
      return n.toString();
    }
    throw new IllegalArgumentException(
        "malformed result tuple at "
            + where
            + "[0][0]: expected a task id string, got "
            + describe(id)
            + " (AsyncResult requires valid id)");
  }

  private static List<?> pairOf(Object raw, Where where) {
    if (!isSequence(raw)) {
      throw new IllegalArgumentException(
          "malformed result tuple at "
              + where
              + ": expected a 2-element list [[id, parent], members-or-null], got "
              + describe(raw));
    }
    List<?> list = asList(raw);
    if (list.size() != 2) {
      throw new IllegalArgumentException(
          "malformed result tuple at "
              + where
              + ": expected 2 elements [[id, parent], members-or-null], got "
              + list.size()
              + " in "
              + describe(raw)
              + (list.size() < 2
                  ? " (Celery: not enough values to unpack (expected 2, got " + list.size() + "))"
                  : " (Celery: too many values to unpack (expected 2))"));
    }
    return list;
  }

  private static boolean isFalsy(Object o) {
    if (o == null || Boolean.FALSE.equals(o)) {
      return true;
    }
    if (o instanceof Number n) {
      return n.doubleValue() == 0;
    }
    if (o instanceof CharSequence text) {
      return text.length() == 0;
    }
    if (o instanceof java.util.Map<?, ?> map) {
      return map.isEmpty();
    }
    return isSequence(o) && asList(o).isEmpty();
  }

  private static boolean isSequence(Object o) {
    return o instanceof List<?> || o instanceof Object[];
  }

  private static List<?> asList(Object o) {
    return o instanceof Object[] array ? Arrays.asList(array) : (List<?>) o;
  }

  private static String describe(Object o) {
    if (o == null) {
      return "null";
    }
    if (o instanceof String s) {
      return "\"" + s + "\" (a string)";
    }
    if (o instanceof Object[] array) {
      return Preview.of(array, 200);
    }
    // Iterative and bounded: String.valueOf of a list nested 10^5 deep overflows the stack.
    return Preview.of(o, 200) + " (" + o.getClass().getSimpleName() + ")";
  }
}
