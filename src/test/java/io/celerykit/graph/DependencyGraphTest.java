package io.celerykit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

  /** Celery's {@code graph1}: A and B have no deps, C depends on A, D on C and B. */
  private static DependencyGraph<String> graph1() {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    deps.put("A", List.of());
    deps.put("B", List.of());
    deps.put("C", List.of("A"));
    deps.put("D", List.of("C", "B"));
    return DependencyGraph.of(deps);
  }

  private static List<String> nodes(DependencyGraph<String> graph) {
    List<String> result = new ArrayList<>();
    graph.forEach(result::add);
    return result;
  }

  @Test
  void topsortPutsDependenciesFirstInCeleryOrder() {
    List<String> order = graph1().topsort();

    assertThat(order).containsExactly("A", "C", "B", "D");
    assertThat(order.indexOf("C")).isLessThan(order.indexOf("D"));
    assertThat(order.indexOf("B")).isLessThan(order.indexOf("D"));
    assertThat(order.indexOf("A")).isLessThan(order.indexOf("C"));
  }

  @Test
  void topsortReturnsFirstNodeOfEachCycleOnce() {
    DependencyGraph<String> graph = new DependencyGraph<>();
    for (String node : List.of("x", "a", "b", "c")) {
      graph.addArc(node);
    }
    graph.addEdge("x", "a");
    graph.addEdge("a", "b");
    graph.addEdge("b", "c");
    graph.addEdge("c", "a");

    assertThat(graph.topsort()).containsExactly("a", "x");
  }

  @Test
  void topsortUsesKahnStackOrderForIndependentNodes() {
    DependencyGraph<String> graph = new DependencyGraph<>();
    graph.addArc("p");
    graph.addArc("q");
    graph.addArc("r");

    assertThat(graph.topsort()).containsExactly("p", "q", "r");
  }

  @Test
  void topsortRejectsDependencyThatIsNotANode() {
    DependencyGraph<String> graph = new DependencyGraph<>();
    graph.addEdge("a", "ghost");

    assertThatThrownBy(graph::topsort)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ghost");
  }

  @Test
  void edgesListsNodesWithDependenciesInOrder() {
    assertThat(graph1().edges()).containsExactly("C", "D");
  }

  @Test
  void connectCopiesNodesAndReplacesSharedDependencyLists() {
    DependencyGraph<String> x = graph1();
    DependencyGraph<String> y = new DependencyGraph<>();
    y.addEdge("C", "B");
    y.addArc("E");

    x.connect(y);

    assertThat(nodes(x)).containsExactly("A", "B", "C", "D", "E");
    assertThat(x.adjacent("C")).containsExactly("B");
    y.addEdge("C", "A");
    assertThat(x.adjacent("C")).containsExactly("B");
  }

  @Test
  void connectWithItselfKeepsTheGraph() {
    DependencyGraph<String> x = graph1();
    x.connect(x);

    assertThat(x.toString()).isEqualTo(graph1().toString());
  }

  @Test
  void valencyOfMissingNodeIsZero() {
    assertThat(graph1().valencyOf("foobarbaz")).isZero();
  }

  @Test
  void valencyOfCountsEdgesOncePerPath() {
    DependencyGraph<String> graph = graph1();
    assertThat(graph.valencyOf("A")).isZero();
    assertThat(graph.valencyOf("C")).isEqualTo(1);
    assertThat(graph.valencyOf("D")).isEqualTo(3);

    DependencyGraph<String> diamond = new DependencyGraph<>();
    diamond.addEdge("top", "left");
    diamond.addEdge("top", "right");
    diamond.addEdge("left", "bottom");
    diamond.addEdge("right", "bottom");
    diamond.addEdge("bottom", "leaf");
    diamond.addArc("leaf");
    assertThat(diamond.valencyOf("top")).isEqualTo(2 + 2 * (1 + 1));
  }

  @Test
  void valencyOfStopsAtNodeOnCurrentPath() {
    DependencyGraph<String> graph = new DependencyGraph<>();
    graph.addEdge("a", "b");
    graph.addEdge("b", "a");

    assertThat(graph.valencyOf("a")).isEqualTo(2);
  }

  @Test
  void itemsListsEachNodeWithItsDependencies() {
    assertThat(graph1().items())
        .containsExactly(
            entry("A", List.of()), entry("B", List.of()),
            entry("C", List.of("A")), entry("D", List.of("C", "B")));
  }

  @Test
  void itemsAndAdjacentAreReadOnly() {
    DependencyGraph<String> graph = graph1();

    assertThatThrownBy(() -> graph.items().get(0).getValue().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> graph.adjacent("D").clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(
            () -> {
              var it = graph.iterator();
              it.next();
              it.remove();
            })
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void updateAddsAllObjectsBeforeAnyEdge() {
    DependencyGraph<String> graph = new DependencyGraph<>();
    graph.update(
        List.of(
            Map.entry("late", List.of("dep")),
            Map.entry("dep", List.<String>of()),
            Map.entry("late", List.of("other"))));

    assertThat(nodes(graph)).containsExactly("late", "dep");
    assertThat(graph.adjacent("late")).containsExactly("dep", "other");
    assertThat(graph.contains("other")).isFalse();
  }

  @Test
  void addArcKeepsExistingDependencies() {
    DependencyGraph<String> graph = graph1();
    graph.addArc("D");

    assertThat(graph.adjacent("D")).containsExactly("C", "B");
    assertThat(graph.size()).isEqualTo(4);
  }

  @Test
  void addEdgeAddsMissingSourceNode() {
    DependencyGraph<String> graph = new DependencyGraph<>();
    graph.addEdge("a", "b");

    assertThat(graph.contains("a")).isTrue();
    assertThat(graph.contains("b")).isFalse();
    assertThat(graph.adjacent("a")).containsExactly("b");
  }

  @Test
  void adjacentOfUnknownNodeNamesTheNode() {
    assertThatThrownBy(() -> graph1().adjacent("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void toStringIndentsDependencyTreesFiveSpacesPerLevel() {
    assertThat(graph1().toString())
        .isEqualTo(
            String.join(
                "\n",
                "A(0)",
                "B(0)",
                "C(1)",
                "     A(0)",
                "D(3)",
                "     C(1)",
                "          A(0)",
                "     B(0)"));
  }

  @Test
  void toStringOfEmptyGraphIsEmpty() {
    assertThat(new DependencyGraph<String>().toString()).isEmpty();
  }

  @Test
  void toStringDoesNotExpandNodeOnCurrentPath() {
    DependencyGraph<String> graph = new DependencyGraph<>();
    graph.addEdge("a", "a");

    assertThat(graph.toString()).isEqualTo("a(1)\n     a(1)");
  }

  @Test
  void reprNodeOfUnknownNodeShowsZeroValency() {
    assertThat(graph1().reprNode("fasdswewqewq")).isEqualTo("fasdswewqewq(0)");
  }

  @Test
  void reprNodeRendersOneSubtree() {
    assertThat(graph1().reprNode("C")).isEqualTo("C(1)\n     A(0)");
  }

  @Test
  void toDotPrintsTerminalNodesThenNodesWithEdges() {
    String[] lines = graph1().toDot().split("\n", -1);

    assertThat(lines).hasSize(11);
    assertThat(lines[0]).isEqualTo("digraph dependencies {");
    assertThat(lines[1]).startsWith("    graph [").endsWith("root=\"None\"]");
    assertThat(lines[2]).startsWith("    \"A\" [").contains("fillcolor=\"palegreen1\"");
    assertThat(lines[3]).startsWith("    \"B\" [").contains("fillcolor=\"palegreen1\"");
    assertThat(lines[4]).startsWith("    \"C\" [").contains("fillcolor=\"palegreen3\"");
    assertThat(lines[5]).startsWith("    \"C\" -> \"A\" [");
    assertThat(lines[6]).startsWith("    \"D\" [");
    assertThat(lines[7]).startsWith("    \"D\" -> \"C\" [");
    assertThat(lines[8]).startsWith("    \"D\" -> \"B\" [");
    assertThat(lines[9]).isEqualTo("}");
    assertThat(lines[10]).isEmpty();
  }

  @Test
  void toDotPrintsTerminalNodesOnce() {
    DependencyGraph<TaskResult> graph = new DependencyGraph<>();
    graph.addArc(new TaskResult("t"));
    graph.addEdge(new TaskResult("t"), new TaskResult("u"));
    graph.addArc(new TaskResult("u"));
    graph.addEdge(new TaskResult("x"), new TaskResult("u"));

    String dot = graph.toDot();

    assertThat(dot.lines().filter(l -> l.startsWith("    \"u\" [")).count()).isEqualTo(1);
    assertThat(dot.lines().filter(l -> l.contains("-> \"u\"")).count()).isEqualTo(2);
  }

  @Test
  void toDotSkipsNodeLineWhenLabelWasAlreadyPrinted() {
    GraphFormatter<String> sameLabel =
        new GraphFormatter<>() {
          @Override
          public String label(String obj) {
            return obj.toUpperCase(java.util.Locale.ROOT);
          }
        };
    DependencyGraph<String> graph = new DependencyGraph<>(sameLabel);
    graph.addArc("a");
    graph.addEdge("A", "a");

    List<String> lines = graph.toDot().lines().toList();

    assertThat(lines).hasSize(5);
    assertThat(lines.get(2)).startsWith("    \"A\" [").contains("palegreen1");
    assertThat(lines.get(3)).startsWith("    \"A\" -> \"A\" [");
  }

  @Test
  void toDotWithExplicitFormatterOverridesTheGraphs() throws Exception {
    StringBuilder out = new StringBuilder();
    graph1().toDot(out, GraphFormatter.builder().type("graph").id("g").build());

    assertThat(out.toString()).startsWith("graph g {\n").contains("\"D\" -- \"C\"");
  }

  @Test
  void toDotRendersResultTreeExactly() {
    DependencyGraph<TaskResult> graph =
        new DependencyGraph<>(GraphFormatter.builder().root("r").scheme("shape", "oval").build());
    TaskResult root = new TaskResult("r");
    graph.addArc(root);
    for (String id : List.of("c1", "c2")) {
      graph.addArc(new TaskResult(id));
      graph.addEdge(root, new TaskResult(id));
    }

    assertThat(graph.toDot())
        .isEqualTo(
            String.join(
                "\n",
                "digraph dependencies {",
                "    graph [shape=\"oval\", arrowhead=\"vee\", style=\"filled\", fontname=\"HelveticaNeue\","
                    + " bgcolor=\"mintcream\", root=\"r\"]",
                "    \"r\" [shape=\"oval\", arrowhead=\"vee\", style=\"filled\", fontname=\"HelveticaNeue\","
                    + " fillcolor=\"palegreen3\", color=\"palegreen4\"]",
                "    \"r\" -> \"c1\" [shape=\"oval\", arrowhead=\"vee\", style=\"filled\", fontname=\"HelveticaNeue\","
                    + " color=\"darkseagreen4\", arrowcolor=\"black\", arrowsize=\"0.7\"]",
                "    \"r\" -> \"c2\" [shape=\"oval\", arrowhead=\"vee\", style=\"filled\", fontname=\"HelveticaNeue\","
                    + " color=\"darkseagreen4\", arrowcolor=\"black\", arrowsize=\"0.7\"]",
                "    \"c1\" [shape=\"oval\", arrowhead=\"vee\", style=\"filled\", fontname=\"HelveticaNeue\","
                    + " fillcolor=\"palegreen1\", color=\"palegreen2\"]",
                "    \"c2\" [shape=\"oval\", arrowhead=\"vee\", style=\"filled\", fontname=\"HelveticaNeue\","
                    + " fillcolor=\"palegreen1\", color=\"palegreen2\"]",
                "}",
                ""));
  }

  @Test
  void nullNodesAreRejectedNamingTheArgument() {
    DependencyGraph<String> graph = graph1();

    assertThatThrownBy(() -> graph.addArc(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("obj");
    assertThatThrownBy(() -> graph.addEdge(null, "A"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("a must not be null");
    assertThatThrownBy(() -> graph.addEdge("A", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("b must not be null");
    assertThatThrownBy(() -> graph.adjacent(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("node");
    assertThatThrownBy(() -> graph.valencyOf(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("obj");
    assertThatThrownBy(() -> graph.connect(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("other");
    assertThatThrownBy(() -> graph.toDot(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("out");
  }

  @Test
  void updateRejectsNullDependencyBeforeChangingTheGraph() {
    DependencyGraph<String> graph = new DependencyGraph<>();
    List<String> deps = new ArrayList<>();
    deps.add(null);
    Map<String, List<String>> input = new LinkedHashMap<>();
    input.put("a", List.of());
    input.put("b", deps);

    assertThatThrownBy(() -> graph.update(input))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("dep");
    assertThat(graph.size()).isZero();
  }

  @Test
  void defaultFormatterIsUsedWhenNoneIsGiven() {
    assertThat(new DependencyGraph<String>(null).formatter().id()).isEqualTo("dependencies");
  }

  /** A result-like node: equal by id, printed as its id. */
  private record TaskResult(String id) {
    @Override
    public String toString() {
      return id;
    }
  }
}
