package io.celerykit.redis.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.internal.PythonFloat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compares the formatting primitives with Python's own output, recorded by {@code
 * golden_messages.py}: {@code repr(float)} and {@code json.dumps(float)} of 3000 random doubles and
 * the hard ones (subnormals, powers of two, the 1e16 switch to exponents), {@code json.dumps} of
 * strings that need escaping, and Celery's {@code saferepr} of nested values at several {@code
 * maxlen}s, and the microseconds of {@code timedelta(seconds=x)}. Values come as JSON with tuples
 * as {@code {"tuple": [...]}}, dicts as {@code {"dict": [[k, v], ...]}} (to keep their order) and
 * floats as {@code float.hex()} (to keep them exact).
 */
class PythonFormattingGoldenTest {

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> vectors(String name) {
    return (List<Map<String, Object>>) GoldenVectors.file().get(name);
  }

  private static double fromHex(String hex) {
    return switch (hex) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(hex);
    };
  }

  /** Rebuilds a value encoded by the script's {@code encode_value}. */
  @SuppressWarnings("unchecked")
  static Object decode(Object encoded) {
    if (encoded instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(decode(item));
      }
      return out;
    }
    if (encoded instanceof Map<?, ?> map) {
      if (map.containsKey("tuple")) {
        return new PyTuple((List<Object>) decode(map.get("tuple")));
      }
      if (map.containsKey("float")) {
        return fromHex((String) map.get("float"));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (List<Object> pair : (List<List<Object>>) map.get("dict")) {
        out.put((String) pair.get(0), decode(pair.get(1)));
      }
      return out;
    }
    return encoded;
  }

  @Test
  void floatsPrintAsPythonsReprAndJsonDumps() {
    List<Map<String, Object>> floats = vectors("floats");
    assertThat(floats).hasSizeGreaterThan(3000);
    for (Map<String, Object> v : floats) {
      double d = fromHex((String) v.get("hex"));
      assertThat(PythonFloat.repr(d)).as("repr of %s", v.get("hex")).isEqualTo(v.get("repr"));
      assertThat(KombuJson.dumps(d)).as("json of %s", v.get("hex")).isEqualTo(v.get("json"));
    }
  }

  @Test
  void countdownsBecomeMicrosecondsAndExpirationsAsPythonComputesThem() {
    // datetime.timedelta(seconds=x) for the eta; str(int(x * 1000)) for kombu's expiration
    List<Map<String, Object>> cases = vectors("timedeltas");
    assertThat(cases).hasSizeGreaterThan(500);
    for (Map<String, Object> v : cases) {
      double x = fromHex((String) v.get("hex"));
      assertThat(PyValues.micros(x))
          .as("timedelta(seconds=%s)", v.get("hex"))
          .isEqualTo(((Number) v.get("micros")).longValue());
      assertThat(PyValues.millisProperty(x))
          .as("int(%s * 1000)", v.get("hex"))
          .isEqualTo(v.get("expiration"));
    }
  }

  @Test
  void valuesSerializeAsPythonsJsonDumps() {
    for (Map<String, Object> v : vectors("json")) {
      assertThat(KombuJson.dumps(decode(v.get("value"))))
          .as("json.dumps(%s)", v.get("value"))
          .isEqualTo(v.get("json"));
    }
  }

  @Test
  void safereprMatchesCeleryAtEveryMaxlen() {
    List<Map<String, Object>> cases = vectors("saferepr");
    assertThat(cases).hasSizeGreaterThan(190);
    for (Map<String, Object> v : cases) {
      Integer maxlen = v.get("maxlen") == null ? null : ((Number) v.get("maxlen")).intValue();
      assertThat(SafeRepr.saferepr(decode(v.get("value")), maxlen))
          .as("saferepr(%s, %s)", v.get("value"), maxlen)
          .isEqualTo(v.get("saferepr"));
    }
  }
}
