package io.celerykit.redis.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The vectors {@code src/test/python/golden_messages.py} recorded from Celery 5.2.6 and kombu 5.2.4
 * ({@code golden/celery-5.2.6-messages.json}), read as plain maps and lists.
 */
public final class GoldenVectors {
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private static final Map<String, Object> FILE = load();

  private GoldenVectors() {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    try (InputStream in =
        GoldenVectors.class.getResourceAsStream("/golden/celery-5.2.6-messages.json")) {
      if (in == null) {
        throw new IllegalStateException(
            "golden/celery-5.2.6-messages.json is not on the classpath");
      }
      return JSON.readValue(in, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Map<String, Object> file() {
    return FILE;
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> cases() {
    return (List<Map<String, Object>>) FILE.get("cases");
  }

  public static Map<String, Object> golden(String name) {
    for (Map<String, Object> c : cases()) {
      if (c.get("name").equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no golden case " + name);
  }

  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> c : cases()) {
      names.add((String) c.get("name"));
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Object parseAny(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
