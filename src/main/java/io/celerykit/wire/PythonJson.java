package io.celerykit.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.celerykit.internal.PythonFloat;
import io.celerykit.internal.PythonJsonText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it (Celery's and kombu's default): {@code
 * ", "} and {@code ": "} separators, non-ASCII escaped as {@code \\uXXXX}, floats in Python's
 * {@code repr}; and reading JSON into plain Java values (maps keep their key order).
 */
final class PythonJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private PythonJson() {}

  /** Reads JSON text into maps (ordered), lists, strings, numbers, booleans and nulls. */
  static Object loads(String text) throws JsonProcessingException {
    return normalize(MAPPER.readValue(text, Object.class));
  }

  private static Object normalize(Object value) {
    if (value instanceof BigInteger big) {
      if (big.bitLength() < 32) {
        return big.intValue();
      }
      if (big.bitLength() < 64) {
        return big.longValue();
      }
      return big;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new java.util.ArrayList<>(list.size());
      for (Object item : list) {
        out.add(normalize(item));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put((String) e.getKey(), normalize(e.getValue()));
      }
      return out;
    }
    return value;
  }

  /**
   * Writes a JSON-able value as {@code json.dumps} would; a {@code BigDecimal} as the float it
   * stands for.
   */
  static String dumps(Object value) {
    return PythonJsonText.dumps(value, PythonJson::decimalAsFloat);
  }

  private static Object decimalAsFloat(Object value) {
    return value instanceof BigDecimal d ? d.doubleValue() : PythonJsonText.notSerializable(value);
  }

  /** A float as {@code json.dumps} writes it (one place: {@link PythonFloat#json}). */
  static String pythonFloat(double d) {
    return PythonFloat.json(d);
  }
}
