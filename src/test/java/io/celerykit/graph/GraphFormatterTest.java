package io.celerykit.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphFormatterTest {

  private static final String BASE =
      "shape=\"box\", arrowhead=\"vee\", style=\"filled\", fontname=\"HelveticaNeue\"";

  private final GraphFormatter<String> defaults = new GraphFormatter<>();

  @Test
  void defaultsMatchCelery() {
    assertThat(defaults.id()).isEqualTo("dependencies");
    assertThat(defaults.type()).isEqualTo("digraph");
    assertThat(defaults.root()).isNull();
    assertThat(defaults.direction()).isEqualTo("->");
    assertThat(defaults.scheme())
        .containsExactly(
            Map.entry("shape", "box"), Map.entry("arrowhead", "vee"),
            Map.entry("style", "filled"), Map.entry("fontname", "HelveticaNeue"));
  }

  @Test
  void headPrintsGraphLineWithNoneRoot() {
    assertThat(defaults.head())
        .isEqualTo(
            "digraph dependencies {\n    graph ["
                + BASE
                + ", bgcolor=\"mintcream\", root=\"None\"]");
  }

  @Test
  void headAppliesExtraAttributesLast() {
    assertThat(defaults.head(Map.of("bgcolor", "white", "rankdir", "LR")))
        .contains("bgcolor=\"white\", root=\"None\", rankdir=\"LR\"]");
  }

  @Test
  void tailClosesTheGraph() {
    assertThat(defaults.tail()).isEqualTo("}");
  }

  @Test
  void labelIsTheStringForm() {
    GraphFormatter<Object> formatter = new GraphFormatter<>();
    assertThat(formatter.label(42)).isEqualTo("42");
    assertThat(formatter.label("id-1")).isEqualTo("id-1");
  }

  @Test
  void attrQuotesTheValue() {
    assertThat(defaults.attr("arrowsize", 0.7)).isEqualTo("arrowsize=\"0.7\"");
    assertThat(defaults.attr("root", null)).isEqualTo("root=\"None\"");
  }

  @Test
  void attrsKeepFirstPositionAndLastValue() {
    Map<String, Object> scheme = new LinkedHashMap<>();
    scheme.put("color", "red");
    scheme.put("shape", "circle");
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("width", 2);
    extra.put("color", "blue");

    assertThat(defaults.attrs(extra, scheme))
        .isEqualTo(
            "shape=\"circle\", arrowhead=\"vee\","
                + " style=\"filled\", fontname=\"HelveticaNeue\", color=\"blue\", width=\"2\"");
    assertThat(defaults.attrs(null, null)).isEqualTo(BASE);
  }

  @Test
  void nodeAndTerminalNodeUseTheirSchemes() {
    assertThat(defaults.node("n"))
        .isEqualTo("    \"n\" [" + BASE + ", fillcolor=\"palegreen3\", color=\"palegreen4\"]");
    assertThat(defaults.terminalNode("n"))
        .isEqualTo("    \"n\" [" + BASE + ", fillcolor=\"palegreen1\", color=\"palegreen2\"]");
    assertThat(defaults.terminalNode("n", Map.of("color", "grey")))
        .endsWith("fillcolor=\"palegreen1\", color=\"grey\"]");
  }

  @Test
  void edgeUsesDigraphArrow() {
    assertThat(defaults.edge("a", "b"))
        .isEqualTo(
            "    \"a\" -> \"b\" ["
                + BASE
                + ", color=\"darkseagreen4\", arrowcolor=\"black\", arrowsize=\"0.7\"]");
  }

  @Test
  void graphTypeUsesUndirectedEdges() {
    GraphFormatter<String> formatter = GraphFormatter.builder().type("graph").build();

    assertThat(formatter.direction()).isEqualTo("--");
    assertThat(formatter.head()).startsWith("graph dependencies {\n");
    assertThat(formatter.edge("a", "b")).startsWith("    \"a\" -- \"b\" [");
  }

  @Test
  void customSchemeOverridesInPlaceAndAppendsNewKeys() {
    Map<String, Object> scheme = new LinkedHashMap<>();
    scheme.put("color", "red");
    scheme.put("shape", "oval");
    GraphFormatter<String> formatter = GraphFormatter.builder().scheme(scheme).build();

    assertThat(formatter.node("x"))
        .isEqualTo(
            "    \"x\" [shape=\"oval\", arrowhead=\"vee\","
                + " style=\"filled\", fontname=\"HelveticaNeue\", color=\"palegreen4\","
                + " fillcolor=\"palegreen3\"]");
    assertThat(formatter.head()).contains("fontname=\"HelveticaNeue\", color=\"red\", bgcolor=");
  }

  @Test
  void indentPrefixesHeadAndTailAndAddsOneUnitInside() {
    GraphFormatter<String> formatter =
        GraphFormatter.builder().indent(2).indentWith("\t").id("deps").root("r").build();

    assertThat(formatter.head())
        .startsWith("\t\tdigraph deps {\n\t\t\tgraph [")
        .endsWith("root=\"r\"]");
    assertThat(formatter.tail()).isEqualTo("\t\t}");
    assertThat(formatter.node("x")).startsWith("\t\t\t\"x\" [");
    assertThat(formatter.edge("x", "y")).startsWith("\t\t\t\"x\" -> \"y\" [");
  }

  @Test
  void emptyIdAndTypeFallBackToDefaults() {
    GraphFormatter<String> formatter = GraphFormatter.builder().id("").type(null).build();

    assertThat(formatter.id()).isEqualTo("dependencies");
    assertThat(formatter.type()).isEqualTo("digraph");
  }

  @Test
  void unknownTypeIsRejectedNamingAllowedValues() {
    assertThatThrownBy(() -> GraphFormatter.builder().type("tree"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tree")
        .hasMessageContaining("digraph")
        .hasMessageContaining("\"graph\"");
  }

  @Test
  void badBuilderArgumentsAreRejectedNamingTheArgument() {
    assertThatThrownBy(() -> GraphFormatter.builder().indent(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("indent");
    assertThatThrownBy(() -> GraphFormatter.builder().indentWith(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("indentWith");
    assertThatThrownBy(() -> GraphFormatter.builder().scheme(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> GraphFormatter.builder().scheme(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("scheme");
  }

  @Test
  void builderChangesAfterBuildDoNotAffectFormatter() {
    GraphFormatter.Builder builder = GraphFormatter.builder().scheme("shape", "oval");
    GraphFormatter<String> formatter = builder.build();
    builder.scheme("shape", "circle");

    assertThat(formatter.scheme()).containsEntry("shape", "oval");
    assertThatThrownBy(() -> formatter.scheme().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void subclassCanOverrideSchemesAndRootLabel() {
    GraphFormatter<String> formatter =
        new GraphFormatter<>(GraphFormatter.builder().root("r")) {
          @Override
          public Map<String, Object> nodeScheme() {
            return Map.of("fillcolor", "gold");
          }

          @Override
          protected String rootLabel() {
            return "root-" + root();
          }
        };

    assertThat(formatter.node("n")).endsWith("fillcolor=\"gold\"]");
    assertThat(formatter.head()).endsWith("root=\"root-r\"]");
  }
}
