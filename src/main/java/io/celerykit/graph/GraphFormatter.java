package io.celerykit.graph;

import io.celerykit.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Formats the lines of a DOT document for a {@link DependencyGraph}; mirrors Python's {@code
 * celery.utils.graph.GraphFormatter}.
 *
 * <p>Every line is built from a colour scheme: the base {@link #scheme()} (shape, arrowhead, style,
 * fontname, plus whatever was passed to {@link Builder#scheme(Map)}), overlaid by the scheme of the
 * element being drawn ({@link #graphScheme()}, {@link #nodeScheme()}, {@link #termScheme()} or
 * {@link #edgeScheme()}) and then by per-call attributes. Attribute order is the insertion order of
 * those maps, exactly as in Celery. The class is not final: override {@link #label(Object)} or the
 * scheme methods to change how nodes are drawn. Instances are immutable.
 *
 * @param <N> the node type it formats
 */
public class GraphFormatter<N> {

  static final String DEFAULT_ID = "dependencies";
  static final String DIGRAPH = "digraph";
  static final String GRAPH = "graph";
  private static final String ATTR_SEPARATOR = ", ";

  private final String root;
  private final String type;
  private final String id;
  private final String indent;
  private final String innerIndent;
  private final Map<String, Object> scheme;

  /**
   * Creates a formatter with Celery's defaults (id {@code dependencies}, type {@code digraph}, no
   * root, no indent, four-space inner indent); mirrors {@code GraphFormatter()}.
   */
  public GraphFormatter() {
    this(builder());
  }

  /**
   * Creates a formatter from the options collected by {@code builder}; mirrors {@code
   * GraphFormatter.__init__(root, type, id, indent, inw, **scheme)}. Subclasses call this.
   *
   * @param builder the options; later changes to the builder do not affect this formatter
   */
  protected GraphFormatter(Builder builder) {
    Objects.requireNonNull(builder, "builder must not be null");
    this.root = builder.root;
    this.type = builder.type;
    this.id = builder.id;
    this.indent = builder.indentWith.repeat(builder.indent);
    this.innerIndent = indent + builder.indentWith;
    this.scheme = Collections.unmodifiableMap(new LinkedHashMap<>(builder.scheme));
  }

  /**
   * Starts a builder holding Celery's defaults; mirrors the keyword arguments of {@code
   * GraphFormatter.__init__}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the graph id written in the head line; mirrors the {@code id} attribute.
   *
   * @return the id, {@code dependencies} by default
   */
  public String id() {
    return id;
  }

  /**
   * Returns the graph type, {@code digraph} or {@code graph}; mirrors the {@code type} attribute.
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /**
   * Returns the root id written as the graph's {@code root} attribute; mirrors the {@code root}
   * attribute.
   *
   * @return the root, or {@code null} when none was given
   */
  public String root() {
    return root;
  }

  /**
   * Returns the edge operator, {@code ->} for {@code digraph} and {@code --} for {@code graph};
   * mirrors the {@code direction} attribute.
   *
   * @return the edge operator
   */
  public String direction() {
    return DIGRAPH.equals(type) ? "->" : "--";
  }

  /**
   * Returns the base scheme every line starts from (Celery's defaults with the builder's entries
   * applied); mirrors the instance attribute {@code scheme}.
   *
   * @return an unmodifiable, insertion-ordered map
   */
  public Map<String, Object> scheme() {
    return scheme;
  }

  /**
   * Returns the attributes of the {@code graph [...]} head line; mirrors the instance attribute
   * {@code graph_scheme} ({@code bgcolor}, then {@code root}).
   *
   * @return an insertion-ordered map
   */
  public Map<String, Object> graphScheme() {
    Map<String, Object> graphScheme = new LinkedHashMap<>();
    graphScheme.put("bgcolor", "mintcream");
    graphScheme.put("root", rootLabel());
    return graphScheme;
  }

  /**
   * Returns the attributes of a node that has dependencies; mirrors {@code node_scheme}.
   *
   * @return an insertion-ordered map
   */
  public Map<String, Object> nodeScheme() {
    return orderedMap("fillcolor", "palegreen3", "color", "palegreen4");
  }

  /**
   * Returns the attributes of a node without dependencies; mirrors {@code term_scheme}.
   *
   * @return an insertion-ordered map
   */
  public Map<String, Object> termScheme() {
    return orderedMap("fillcolor", "palegreen1", "color", "palegreen2");
  }

  /**
   * Returns the attributes of an edge; mirrors {@code edge_scheme}.
   *
   * @return an insertion-ordered map
   */
  public Map<String, Object> edgeScheme() {
    Map<String, Object> edgeScheme = orderedMap("color", "darkseagreen4", "arrowcolor", "black");
    edgeScheme.put("arrowsize", 0.7);
    return edgeScheme;
  }

  /**
   * Returns the text used for {@code obj} in node and edge lines; mirrors {@code label(obj)}. Nodes
   * whose labels are equal are drawn once by {@link DependencyGraph#toDot(Appendable)}.
   *
   * @param obj the node
   * @return {@code String.valueOf(obj)} by default
   */
  public String label(N obj) {
    return String.valueOf(obj);
  }

  /**
   * Formats one attribute as {@code name="value"}; mirrors {@code attr(name, value)}. The value is
   * not escaped, as in Celery; {@code null} prints as Python's {@code None}.
   *
   * @param name the attribute name
   * @param value the attribute value
   * @return the formatted attribute
   */
  public String attr(String name, Object value) {
    return name + "=\"" + pythonStr(value) + "\"";
  }

  /**
   * Formats an attribute list; mirrors {@code attrs(d, scheme)}. The result starts from {@link
   * #scheme()}, then applies {@code scheme}, then {@code extra}: a key keeps the position where it
   * first appeared and takes the value written last.
   *
   * @param extra per-call attributes, may be {@code null}
   * @param scheme the element's scheme, may be {@code null}
   * @return the attributes joined by {@code ", "}
   */
  public String attrs(Map<String, ?> extra, Map<String, ?> scheme) {
    Map<String, Object> merged = new LinkedHashMap<>(scheme());
    if (scheme != null) {
      merged.putAll(scheme);
    }
    if (extra != null) {
      merged.putAll(extra);
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Object> entry : merged.entrySet()) {
      if (out.length() > 0) {
        out.append(ATTR_SEPARATOR);
      }
      out.append(attr(entry.getKey(), entry.getValue()));
    }
    return out.toString();
  }

  /**
   * Formats the two head lines (<code>digraph id &#123;</code> and {@code graph [...]}); mirrors
   * {@code head()}.
   *
   * @return the head, with one embedded line break and no trailing one
   */
  public String head() {
    return head(Map.of());
  }

  /**
   * Formats the head with extra graph attributes; mirrors {@code head(**attrs)}.
   *
   * @param extra attributes applied after {@link #graphScheme()}
   * @return the head, with one embedded line break and no trailing one
   */
  public String head(Map<String, ?> extra) {
    return indent
        + type
        + " "
        + id
        + " {\n"
        + innerIndent
        + "graph ["
        + attrs(extra, graphScheme())
        + "]";
  }

  /**
   * Formats the closing brace line; mirrors {@code tail()}.
   *
   * @return the tail
   */
  public String tail() {
    return indent + "}";
  }

  /**
   * Formats the line of a node that has dependencies; mirrors {@code node(obj)}.
   *
   * @param obj the node
   * @return the node line
   */
  public String node(N obj) {
    return node(obj, Map.of());
  }

  /**
   * Formats a node line with extra attributes; mirrors {@code node(obj, **attrs)}.
   *
   * @param obj the node
   * @param extra attributes applied after {@link #nodeScheme()}
   * @return the node line
   */
  public String node(N obj, Map<String, ?> extra) {
    return drawNode(obj, nodeScheme(), extra);
  }

  /**
   * Formats the line of a node without dependencies; mirrors {@code terminal_node(obj)}.
   *
   * @param obj the node
   * @return the node line
   */
  public String terminalNode(N obj) {
    return terminalNode(obj, Map.of());
  }

  /**
   * Formats a terminal node line with extra attributes; mirrors {@code terminal_node(obj,
   * **attrs)}.
   *
   * @param obj the node
   * @param extra attributes applied after {@link #termScheme()}
   * @return the node line
   */
  public String terminalNode(N obj, Map<String, ?> extra) {
    return drawNode(obj, termScheme(), extra);
  }

  /**
   * Formats the line of an edge from {@code a} to {@code b}; mirrors {@code edge(a, b)}.
   *
   * @param a the dependent node
   * @param b the dependency
   * @return the edge line
   */
  public String edge(N a, N b) {
    return edge(a, b, Map.of());
  }

  /**
   * Formats an edge line with extra attributes; mirrors {@code edge(a, b, **attrs)} (which in
   * Celery cannot actually take attributes; here they are applied after {@link #edgeScheme()}).
   *
   * @param a the dependent node
   * @param b the dependency
   * @param extra attributes applied after {@link #edgeScheme()}
   * @return the edge line
   */
  public String edge(N a, N b, Map<String, ?> extra) {
    return innerIndent
        + quote(label(a))
        + " "
        + direction()
        + " "
        + quote(label(b))
        + " ["
        + attrs(extra, edgeScheme())
        + "]";
  }

  /**
   * Returns the text of the graph's {@code root} attribute: the root id, or {@code None} (as Python
   * prints it) when there is none; mirrors {@code label(self.root)} in {@code __init__}. The root
   * is an id string, not a node, so it does not go through {@link #label(Object)}; subclasses
   * override this method instead.
   *
   * @return the root label
   */
  protected String rootLabel() {
    return pythonStr(root);
  }

  private String drawNode(N obj, Map<String, ?> scheme, Map<String, ?> extra) {
    return innerIndent + quote(label(obj)) + " [" + attrs(extra, scheme) + "]";
  }

  private static String quote(String label) {
    return "\"" + label + "\"";
  }

  private static String pythonStr(Object value) {
    return value == null ? "None" : String.valueOf(value);
  }

  private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  /**
   * Collects the options of a {@link GraphFormatter}; mirrors the keyword arguments of {@code
   * GraphFormatter.__init__}. Not thread-safe.
   */
  public static final class Builder {

    private String root;
    private String type = DIGRAPH;
    private String id = DEFAULT_ID;
    private int indent;
    private String indentWith = "    ";
    private final Map<String, Object> scheme = defaultScheme();

    private Builder() {}

    /**
     * Sets the id written as the graph's {@code root} attribute; mirrors {@code root=}.
     *
     * @param root the root id, or {@code null} for none (printed as {@code None})
     * @return this builder
     */
    public Builder root(String root) {
      this.root = root;
      return this;
    }

    /**
     * Sets the graph type; mirrors {@code type=}. As in Celery, {@code null} or an empty string
     * selects the default {@code digraph}.
     *
     * @param type {@code digraph} or {@code graph}
     * @return this builder
     * @throws IllegalArgumentException if {@code type} is any other value
     */
    public Builder type(String type) {
      if (type == null || type.isEmpty()) {
        this.type = DIGRAPH;
      } else if (DIGRAPH.equals(type) || GRAPH.equals(type)) {
        this.type = type;
      } else {
        throw new IllegalArgumentException(
            "type must be \"" + DIGRAPH + "\" or \"" + GRAPH + "\", got \"" + type + "\"");
      }
      return this;
    }

    /**
     * Sets the graph id written in the head line; mirrors {@code id=}. As in Celery, {@code null}
     * or an empty string selects the default {@code dependencies}.
     *
     * @param id the graph id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id == null || id.isEmpty() ? DEFAULT_ID : id;
      return this;
    }

    /**
     * Sets how many indent units precede the head and tail lines; mirrors {@code indent=}. Node and
     * edge lines get one more unit.
     *
     * @param indent the number of units, zero by default
     * @return this builder
     * @throws IllegalArgumentException if {@code indent} is negative
     */
    public Builder indent(int indent) {
      this.indent = Checks.requireNonNegative(indent, "indent");
      return this;
    }

    /**
     * Sets the indent unit; mirrors {@code inw=}.
     *
     * @param indentWith the unit, four spaces by default
     * @return this builder
     * @throws NullPointerException if {@code indentWith} is {@code null}
     */
    public Builder indentWith(String indentWith) {
      this.indentWith = Objects.requireNonNull(indentWith, "indentWith must not be null");
      return this;
    }

    /**
     * Sets one base scheme attribute; mirrors one {@code **scheme} keyword argument. An existing
     * key keeps its position; a new key is appended.
     *
     * @param name the attribute name
     * @param value the attribute value
     * @return this builder
     * @throws NullPointerException if {@code name} is {@code null}
     */
    public Builder scheme(String name, Object value) {
      scheme.put(Objects.requireNonNull(name, "name must not be null"), value);
      return this;
    }

    /**
     * Sets several base scheme attributes in the map's iteration order; mirrors {@code **scheme}.
     * Pass a {@link LinkedHashMap} when the order of new keys matters.
     *
     * @param entries the attributes
     * @return this builder
     * @throws NullPointerException if {@code entries} or one of its keys is {@code null}
     */
    public Builder scheme(Map<String, ?> entries) {
      Objects.requireNonNull(entries, "scheme must not be null");
      entries.forEach(this::scheme);
      return this;
    }

    /**
     * Creates the formatter; mirrors calling {@code GraphFormatter(...)}.
     *
     * @param <N> the node type
     * @return a new formatter
     */
    public <N> GraphFormatter<N> build() {
      return new GraphFormatter<>(this);
    }

    private static Map<String, Object> defaultScheme() {
      Map<String, Object> map = orderedMap("shape", "box", "arrowhead", "vee");
      map.put("style", "filled");
      map.put("fontname", "HelveticaNeue");
      return map;
    }
  }
}
