package io.celerykit.result;

import io.celerykit.internal.TreeWalk;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns result trees into {@link ResultTuple}s ({@code as_tuple}) and back ({@code
 * result_from_tuple}), iteratively.
 */
final class ResultTuples {
  private ResultTuples() {}

  static ResultTuple of(ResultBase root) {
    ResultTuple chain = root instanceof GroupResult group ? ofFlatGroup(group) : ofChain(root);
    if (chain != null) {
      return chain;
    }
    Map<ResultBase, ResultTuple> built = new IdentityHashMap<>();
    TreeWalk.<ResultBase>over(ResultTuples::dependencies)
        .postOrder(
            root,
            node -> {
              ResultTuple parent = node.parent() == null ? null : built.get(node.parent());
              if (node instanceof GroupResult group) {
                List<ResultTuple> members = new ArrayList<>(group.size());
                for (ResultBase member : group) {
                  members.add(built.get(member));
                }
                built.put(node, ResultTuple.group(group.id(), parent, members));
              } else if (node instanceof AsyncResult<?> result) {
                built.put(node, ResultTuple.of(result.id(), parent));
              } else {
                throw new IllegalArgumentException(
                    "as_tuple(): "
                        + node
                        + " is a plain ResultSet, which has no id and no as_tuple in Celery; use a"
                        + " GroupResult");
              }
            });
    return built.get(root);
  }

  /**
   * Converts a plain parent chain of task results (no group or set anywhere on it) in one pass from
   * its first step, without the generic walk's frames and identity maps, which for a chain a
   * million deep allocate some 200 MB; returns null when the chain holds a set.
   */
  private static ResultTuple ofChain(ResultBase root) {
    List<AsyncResult<?>> steps = new ArrayList<>();
    for (ResultBase node = root; node != null; node = node.parent()) {
      if (!(node instanceof AsyncResult<?> result)) {
        return null;
      }
      steps.add(result);
    }
    ResultTuple tuple = null;
    for (int i = steps.size() - 1; i >= 0; i--) {
      tuple = ResultTuple.of(steps.get(i).id(), tuple);
    }
    return tuple;
  }

  /**
   * Converts a group of task results without parents of their own (the common case: a group of
   * tasks) member by member, without the generic walk; returns null otherwise.
   */
  private static ResultTuple ofFlatGroup(GroupResult group) {
    ResultTuple parent = null;
    if (group.parent() != null) {
      parent = ofChain(group.parent());
      if (parent == null) {
        return null;
      }
    }
    List<ResultTuple> members = new ArrayList<>(group.size());
    for (ResultBase member : group) {
      if (!(member instanceof AsyncResult<?> result) || member.parent() != null) {
        return null;
      }
      members.add(ResultTuple.of(result.id(), null));
    }
    return ResultTuple.group(group.id(), parent, members);
  }

  private static List<ResultBase> dependencies(ResultBase node) {
    List<ResultBase> deps = new ArrayList<>();
    if (node.parent() != null) {
      deps.add(node.parent());
    }
    if (node instanceof ResultSet set) {
      for (ResultBase member : set) {
        deps.add(member);
      }
    }
    return deps;
  }

  /** {@code result_from_tuple(tuple, app)}, iteratively; direct for chains and flat groups. */
  static ResultBase toResult(ResultTuple tuple, CeleryApp app) {
    ResultBase direct =
        tuple.members() == null ? chainResult(tuple, app) : flatGroupResult(tuple, app);
    if (direct != null) {
      return direct;
    }
    Map<ResultTuple, ResultBase> built = new IdentityHashMap<>();
    TreeWalk.<ResultTuple>over(ResultTuple::dependencies)
        .postOrder(
            tuple,
            node -> {
              ResultBase parentResult = node.parent() == null ? null : built.get(node.parent());
              if (node.members() == null) {
                built.put(node, app.asyncResult(node.id(), parentResult));
              } else {
                List<ResultBase> results = new ArrayList<>(node.members().size());
                for (ResultTuple member : node.members()) {
                  results.add(built.get(member));
                }
                built.put(node, app.groupResult(node.id(), results, parentResult));
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
      result = app.asyncResult(chain.get(i).id(), result);
    }
    return result;
  }

  /**
   * Builds a group of task results without parents of their own (a group of tasks) member by
   * member; null otherwise, so that members sharing a parent share its result object.
   */
  private static ResultBase flatGroupResult(ResultTuple group, CeleryApp app) {
    ResultBase parent = null;
    if (group.parent() != null) {
      parent = chainResult(group.parent(), app);
      if (parent == null) {
        return null;
      }
    }
    List<ResultBase> results = new ArrayList<>(group.members().size());
    for (ResultTuple member : group.members()) {
      if (member.members() != null || member.parent() != null) {
        return null;
      }
      results.add(app.asyncResult(member.id(), null));
    }
    return app.groupResult(group.id(), results, parent);
  }

  /** The tuple and its parents, nearest first, if none is a group's; else null. */
  private static List<ResultTuple> plainChain(ResultTuple tuple) {
    List<ResultTuple> chain = new ArrayList<>();
    for (ResultTuple node = tuple; node != null; node = node.parent()) {
      if (node.members() != null) {
        return null;
      }
      chain.add(node);
    }
    return chain;
  }
}
