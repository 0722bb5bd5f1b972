package io.celerykit.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the conformance vectors recorded from real Celery 5.2.6 (see {@code
 * src/test/resources/conformance/README.md}) from the test classpath.
 */
final class ConformanceVectors {

  static final ObjectMapper JSON = new ObjectMapper();

  private ConformanceVectors() {}

  /**
   * Loads {@code /conformance/<file>} from the classpath.
   *
   * @param file the file name, such as {@code states.json}
   * @return the parsed document
   */
  static JsonNode load(String file) {
    String path = "/conformance/" + file;
    try (InputStream in = ConformanceVectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "conformance vector " + path + " is not on the test classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * Returns the {@code observed} object of every entry of a vector file, by entry name, in file
   * order.
   *
   * @param file the file name
   * @return entry name to observed object
   */
  static Map<String, JsonNode> observedByEntry(String file) {
    JsonNode doc = load(file);
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode entry : doc.get("entries")) {
      out.put(entry.get("name").asText(), entry.get("observed"));
    }
    return out;
  }

  /**
   * Returns the field names of an object node, in order.
   *
   * @param node an object node
   * @return the names
   */
  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Converts a JSON value to plain Java: arrays to {@link List}s, objects to {@link Map}s, strings,
   * numbers, booleans and null as they are.
   *
   * @param node the node
   * @return the plain value
   */
  static Object plain(JsonNode node) {
    try {
      return JSON.treeToValue(node, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
