package io.celerykit.result;

import io.celerykit.internal.Checks;
import io.celerykit.internal.TreeWalk;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
    this.id = Checks.requireId(id, "result tuple id");
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
    return ResultTuples.toResult(tuple, app);
  }

  /**
   * Builds the result a tuple describes, given as a {@link ResultTuple} or in its JSON list form
   * ({@code [["id", null], null]}), as Celery's {@code result_from_tuple(r, app)}, which takes
   * either.
   *
   * @param tuple a {@link ResultTuple}, or nested lists as {@link #fromList} reads them
   * @param app the app the results belong to
   * @return the result
   * @throws IllegalArgumentException naming the malformed part of a list form
   */
  public static ResultBase toResult(Object tuple, CeleryApp app) {
    Objects.requireNonNull(tuple, "tuple");
    return toResult(tuple instanceof ResultTuple t ? t : fromList(tuple), app);
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
    return ResultTupleParser.parse(raw);
  }

  /**
   * Returns Celery's tuple as plain nested lists, the form {@code json.dumps} writes: {@code
   * [["c3", [["c2", null], null]], null]}.
   *
   * @return a new mutable list structure
   */
  public List<Object> toList() {
    Map<ResultTuple, List<Object>> out = new IdentityHashMap<>();
    TreeWalk.<ResultTuple>over(ResultTuple::dependencies)
        .postOrder(
            this,
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
}
