package io.celerykit.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reproduces Celery's {@code topsort}: Tarjan's strongly connected components ({@code _tarjan72},
 * here with an explicit stack but the same visiting and emitting order), then Kahn's algorithm
 * ({@code _khan62}) over the component graph with a LIFO ready list and a final reversal. Nodes are
 * handled by their insertion index.
 */
final class TopologicalSort {

  private TopologicalSort() {}

  static <N> List<N> sort(Map<N, List<N>> adjacent) {
    List<N> nodes = new ArrayList<>(adjacent.keySet());
    int[][] successors = indexSuccessors(nodes, adjacent);
    List<int[]> components = tarjan(successors);
    int[] componentOf = new int[nodes.size()];
    for (int c = 0; c < components.size(); c++) {
      for (int node : components.get(c)) {
        componentOf[node] = c;
      }
    }
    List<N> result = new ArrayList<>(components.size());
    for (int c : kahn(componentGraph(successors, componentOf, components.size()))) {
      result.add(nodes.get(components.get(c)[0]));
    }
    return result;
  }

  private static <N> int[][] indexSuccessors(List<N> nodes, Map<N, List<N>> adjacent) {
    Map<N, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i), i);
    }
    int[][] successors = new int[nodes.size()][];
    for (int i = 0; i < nodes.size(); i++) {
      List<N> deps = adjacent.get(nodes.get(i));
      successors[i] = new int[deps.size()];
      for (int j = 0; j < deps.size(); j++) {
        Integer target = index.get(deps.get(j));
        if (target == null) {
          throw new IllegalStateException(
              "dependency "
                  + deps.get(j)
                  + " of "
                  + nodes.get(i)
                  + " is not a node of the graph; add it with addArc");
        }
        successors[i][j] = target;
      }
    }
    return successors;
  }

  /** Returns the components in the order the recursive version finishes them. */
  private static List<int[]> tarjan(int[][] successors) {
    int n = successors.length;
    int[] low = new int[n];
    Arrays.fill(low, -1);
    int[] sccStack = new int[n];
    int sccSize = 0;
    int[] frameNode = new int[n];
    int[] frameNext = new int[n];
    int[] frameNum = new int[n];
    int[] framePos = new int[n];
    int visited = 0;
    List<int[]> components = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (low[root] != -1) {
        continue;
      }
      int depth = 0;
      int pending = root;
      while (pending != -1 || depth > 0) {
        if (pending != -1) {
          low[pending] = visited++;
          frameNode[depth] = pending;
          frameNext[depth] = 0;
          frameNum[depth] = low[pending];
          framePos[depth] = sccSize;
          sccStack[sccSize++] = pending;
          depth++;
          pending = -1;
          continue;
        }
        int f = depth - 1;
        int node = frameNode[f];
        if (frameNext[f] < successors[node].length) {
          int successor = successors[node][frameNext[f]];
          if (low[successor] == -1) {
            pending = successor;
          } else {
            low[node] = Math.min(low[node], low[successor]);
            frameNext[f]++;
          }
          continue;
        }
        if (frameNum[f] == low[node]) {
          int[] component = Arrays.copyOfRange(sccStack, framePos[f], sccSize);
          sccSize = framePos[f];
          components.add(component);
          for (int item : component) {
            low[item] = n;
          }
        }
        depth--;
        if (depth > 0) {
          int parent = frameNode[depth - 1];
          low[parent] = Math.min(low[parent], low[node]);
          frameNext[depth - 1]++;
        }
      }
    }
    return components;
  }

  private static List<List<Integer>> componentGraph(
      int[][] successors, int[] componentOf, int count) {
    List<List<Integer>> graph = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      graph.add(new ArrayList<>());
    }
    for (int node = 0; node < successors.length; node++) {
      for (int successor : successors[node]) {
        if (componentOf[node] != componentOf[successor]) {
          graph.get(componentOf[node]).add(componentOf[successor]);
        }
      }
    }
    return graph;
  }

  private static int[] kahn(List<List<Integer>> graph) {
    int n = graph.size();
    int[] count = new int[n];
    for (List<Integer> targets : graph) {
      for (int target : targets) {
        count[target]++;
      }
    }
    int[] ready = new int[n];
    int readySize = 0;
    for (int c = 0; c < n; c++) {
      if (count[c] == 0) {
        ready[readySize++] = c;
      }
    }
    int[] result = new int[n];
    int resultSize = 0;
    while (readySize > 0) {
      int c = ready[--readySize];
      result[resultSize++] = c;
      for (int target : graph.get(c)) {
        if (--count[target] == 0) {
          ready[readySize++] = target;
        }
      }
    }
    int[] reversed = new int[resultSize];
    for (int i = 0; i < resultSize; i++) {
      reversed[i] = result[resultSize - 1 - i];
    }
    return reversed;
  }
}
