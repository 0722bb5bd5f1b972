package io.celerykit.result;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Turns result trees into {@link ResultTuple}s ({@code as_tuple}) iteratively. */
final class ResultTuples {
  private ResultTuples() {}

  static ResultTuple of(ResultBase root) {
    Map<ResultBase, ResultTuple> built = new IdentityHashMap<>();
    PostOrder.walk(
        root,
        ResultTuples::dependencies,
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
}
