package io.celerykit.result;

import io.celerykit.internal.Preview;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The serialized form of a result, as Celery's {@code as_tuple()} returns it and {@code
 * result_from_tuple} reads it: {@code ((id, parent), None)} for a task result and {@code ((id,
 * parent), [member, ...])} for a group, where {@code parent} is the parent's own tuple or {@code
 * None}.
 *
 * <p>Immutable and thread-safe. Equality is structural. Every operation is iterative, so a parent
 * chain of a million results converts without {@link StackOverflowError}.
 *
 * <pre>{@code
 * ResultTuple t = result.asTuple();            // (('c3', (('c2', None), None)), None)
 * List<Object> json = t.toList();              // [["c3", [["c2", null], null]], null]
 * AsyncResult<?> back = (AsyncResult<?>) ResultTuple.toResult(ResultTuple.fromList(json), app);
 * }</pre>
 */
public final class ResultTuple {

  private final String id;
  private final ResultTuple parent;
  private final List<ResultTuple> members;
  private final int hash;

  private ResultTuple(String id, ResultTuple parent, List<ResultTuple> members) {
    this.id = Ids.require(id, "result tuple id");
    this.parent = parent;
    this.members = members == null ? null : List.copyOf(members);
    int h = id.hashCode();
    h = 31 * h + (parent == null ? 0 : parent.hash);
    if (this.members != null) {
      int mh = 1;
      for (ResultTuple member : this.members) {
        mh = 31 * mh + member.hash;
      }
      h = 31 * h + mh;
    }
    this.hash = h;
  }

  /**
   * Returns the tuple of a task result, {@code ((id, parent), None)}.
   *
   * @param id the task id
   * @param parent the parent's tuple, or null
   * @return the tuple
   */
  public static ResultTuple of(String id, ResultTuple parent) {
    return new ResultTuple(id, parent, null);
  }

  /**
   * Returns the tuple of a group result, {@code ((id, parent), [members])}.
   *
   * @param id the group id
   * @param parent the parent's tuple, or null
   * @param members the members' tuples, in order
   * @return the tuple
   */
  public static ResultTuple group(String id, ResultTuple parent, List<ResultTuple> members) {
    Objects.requireNonNull(members, "members of a group tuple (use an empty list for none)");
    return new ResultTuple(id, parent, members);
  }

  /**
   * Returns the serialized form of a task or group result, as its {@code as_tuple()}: the one place
   * that turns any result (parents and members included) into a tuple.
   *
   * @param result an {@link AsyncResult} (or {@link EagerResult}) or a {@link GroupResult}
   * @return the tuple
   * @throws IllegalArgumentException for a plain {@link ResultSet}, which has no tuple in Celery
   */
  public static ResultTuple of(ResultBase result) {
    return ResultTuples.of(Objects.requireNonNull(result, "result"));
  }

  /**
   * Returns the task or group id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the parent's tuple, or null.
   *
   * @return the parent
   */
  public ResultTuple parent() {
    return parent;
  }

  /**
   * Returns the members of a group tuple, or null for a task result's tuple (Celery's {@code
   * None}).
   *
   * @return the members or null
   */
  public List<ResultTuple> members() {
    return members;
  }

  /**
   * Tells whether this is a group's tuple (its second element is a list, possibly empty).
   *
   * @return true for a group
   */
  public boolean isGroup() {
    return members != null;
  }

  /**
   * Builds the result this tuple describes, as Celery's {@code result_from_tuple(tuple, app)}: an
   * {@link AsyncResult} for a task's tuple, a {@link GroupResult} for a group's, with parents and
   * members built too.
   *
   * @param tuple the tuple
   * @param app the app the results belong to
   * @return the result
   */
  public static ResultBase toResult(ResultTuple tuple, CeleryApp app) {
    Objects.requireNonNull(tuple, "tuple");
    Objects.requireNonNull(app, "app (results need an app for their backend and control)");
    ResultBase direct =
        tuple.members == null ? chainResult(tuple, app) : flatGroupResult(tuple, app);
    if (direct != null) {
      return direct;
    }
    Map<ResultTuple, ResultBase> built = new IdentityHashMap<>();
    PostOrder.walk(
        tuple,
        ResultTuple::dependencies,
        node -> {
          ResultBase parentResult = node.parent == null ? null : built.get(node.parent);
          if (node.members == null) {
            built.put(node, app.asyncResult(node.id, parentResult));
          } else {
            List<ResultBase> results = new ArrayList<>(node.members.size());
            for (ResultTuple member : node.members) {
              results.add(built.get(member));
            }
            built.put(node, app.groupResult(node.id, results, parentResult));
          }
        });
    return built.get(tuple);
  }

  /**
   * Builds a plain chain of task results from its first step in one pass, without the generic
   * walk's frames and identity maps (some 200 MB for a chain a million deep); null when the chain
   * holds a group.
   */
  private static ResultBase chainResult(ResultTuple tuple, CeleryApp app) {
    List<ResultTuple> chain = plainChain(tuple);
    if (chain == null) {
      return null;
    }
    ResultBase result = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      result = app.asyncResult(chain.get(i).id, result);
    }
    return result;
  }

  /**
   * Builds a group of task results without parents of their own (a group of tasks) member by
   * member; null otherwise, so that members sharing a parent share its result object.
   */
  private static ResultBase flatGroupResult(ResultTuple group, CeleryApp app) {
    ResultBase parent = null;
    if (group.parent != null) {
      parent = chainResult(group.parent, app);
      if (parent == null) {
        return null;
      }
    }
    List<ResultBase> results = new ArrayList<>(group.members.size());
    for (ResultTuple member : group.members) {
      if (member.members != null || member.parent != null) {
        return null;
      }
      results.add(app.asyncResult(member.id, null));
    }
    return app.groupResult(group.id, results, parent);
  }

  /** The tuple and its parents, nearest first, if none is a group's; else null. */
  private static List<ResultTuple> plainChain(ResultTuple tuple) {
    List<ResultTuple> chain = new ArrayList<>();
    for (ResultTuple node = tuple; node != null; node = node.parent) {
      if (node.members != null) {
        return null;
      }
      chain.add(node);
    }
    return chain;
  }

  /**
   * Reads Celery's tuple from plain nested lists, as it arrives from JSON ({@code [["a", null],
   * null]}), with the leniency of {@code result_from_tuple}: a bare {@code (id, None)} pair is a
   * result without parent, a parent may be given as a bare {@code (id, None)} pair, a falsy parent
   * ({@code null}, {@code false}, zero, an empty string or list) means none, members may be bare
   * pairs.
   *
   * @param raw nested {@link List}s (or arrays) of strings, numbers and nulls
   * @return the tuple
   * @throws IllegalArgumentException naming the malformed part and the expected shape
   */
  public static ResultTuple fromList(Object raw) {
    return TupleParser.parse(raw);
  }

  /**
   * Returns Celery's tuple as plain nested lists, the form {@code json.dumps} writes: {@code
   * [["c3", [["c2", null], null]], null]}.
   *
   * @return a new mutable list structure
   */
  public List<Object> toList() {
    Map<ResultTuple, List<Object>> out = new IdentityHashMap<>();
    PostOrder.walk(
        this,
        ResultTuple::dependencies,
        node -> {
          List<Object> head = new ArrayList<>(2);
          head.add(node.id);
          head.add(node.parent == null ? null : out.get(node.parent));
          List<Object> pair = new ArrayList<>(2);
          pair.add(head);
          if (node.members == null) {
            pair.add(null);
          } else {
            List<Object> members = new ArrayList<>(node.members.size());
            for (ResultTuple member : node.members) {
              members.add(out.get(member));
            }
            pair.add(members);
          }
          out.put(node, pair);
        });
    return out.get(this);
  }

  List<ResultTuple> dependencies() {
    if (members == null) {
      return parent == null ? List.of() : List.of(parent);
    }
    if (parent == null) {
      return members;
    }
    List<ResultTuple> deps = new ArrayList<>(members.size() + 1);
    deps.add(parent);
    deps.addAll(members);
    return deps;
  }

  /**
   * Compares structure: same ids, parents and members, all the way down (iteratively).
   *
   * @param o the other object
   * @return true when equal
   */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ResultTuple other)) {
      return false;
    }
    Deque<ResultTuple[]> pairs = new ArrayDeque<>();
    pairs.push(new ResultTuple[] {this, other});
    while (!pairs.isEmpty()) {
      ResultTuple[] pair = pairs.pop();
      ResultTuple a = pair[0];
      ResultTuple b = pair[1];
      if (a == b) {
        continue;
      }
      if (a == null || b == null || a.hash != b.hash || !a.id.equals(b.id)) {
        return false;
      }
      if ((a.members == null) != (b.members == null)) {
        return false;
      }
      pairs.push(new ResultTuple[] {a.parent, b.parent});
      if (a.members != null) {
        if (a.members.size() != b.members.size()) {
          return false;
        }
        for (int i = 0; i < a.members.size(); i++) {
          pairs.push(new ResultTuple[] {a.members.get(i), b.members.get(i)});
        }
      }
    }
    return true;
  }

  /**
   * Returns the structural hash (computed once, at construction).
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return hash;
  }

  /**
   * Returns Python's {@code repr} of the tuple: {@code (('c3', (('c2', None), None)), None)}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    // Written into one builder from an explicit stack: linear in the output, no recursion, and no
    // per-node copies of the parent's text (which would be quadratic on deep chains).
    StringBuilder sb = new StringBuilder();
    Deque<Object> work = new ArrayDeque<>();
    work.push(this);
    while (!work.isEmpty()) {
      Object item = work.pop();
      if (item instanceof String text) {
        sb.append(text);
        continue;
      }
      ResultTuple node = (ResultTuple) item;
      sb.append("(('").append(node.id).append("', ");
      // Pushed in reverse: parent, "), ", members or None, ")".
      work.push(")");
      if (node.members == null) {
        work.push("None");
      } else {
        work.push("]");
        for (int i = node.members.size() - 1; i >= 0; i--) {
          work.push(node.members.get(i));
          if (i > 0) {
            work.push(", ");
          }
        }
        work.push("[");
      }
      work.push("), ");
      work.push(node.parent == null ? "None" : node.parent);
    }
    return sb.toString();
  }

  /** Parses raw nested lists with Celery's {@code result_from_tuple} rules, iteratively. */
  private static final class TupleParser {
    private TupleParser() {}

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
     * then builds it from its first step; null for anything else (a group, or a malformed part,
     * which {@link #parse} then reports with its location). The general parse keeps a pending node
     * per level until the first step is reached, a million-deep linked structure the collector must
     * copy; this keeps only the ids.
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
        return s.isBlank() ? Ids.require(s, "result tuple id at " + where + "[0][0]") : s;
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
}
