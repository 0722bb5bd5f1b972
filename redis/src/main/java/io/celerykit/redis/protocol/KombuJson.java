package io.celerykit.redis.protocol;

import io.celerykit.internal.PythonJsonText;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * JSON text exactly as kombu's {@code kombu.utils.json.dumps} writes it (Celery's {@code json}
 * serializer, for the task body, the envelope kombu's Redis transport LPUSHes, and the result
 * backend's values): Python's {@code json.dumps} with its default separators, which the core's
 * writer ({@code io.celerykit.internal.PythonJsonText}, shared with the core's result JSON) makes;
 * and kombu's {@code JSONEncoder.default} for what plain JSON lacks: a {@code Decimal} and a {@code
 * UUID} as strings, an aware datetime as its isoformat with {@code +00:00} written {@code Z}. The
 * port's own Python values go as Python sends them: a tuple as a list, a signature as its dict.
 */
final class KombuJson {
  private KombuJson() {}

  /** Writes a value as {@code kombu.utils.json.dumps(value)}. */
  static String dumps(Object value) {
    return PythonJsonText.dumps(value, KombuJson::kombuDefault);
  }

  /** kombu's {@code JSONEncoder.default}, and the port's Python values. */
  private static Object kombuDefault(Object value) {
    if (value instanceof BigDecimal || value instanceof UUID) {
      return value.toString(); // kombu's JSONEncoder: str(Decimal), str(UUID)
    }
    if (value instanceof PyDateTime t) {
      return t.kombuJson();
    }
    if (value instanceof PyTuple t) {
      return t.items();
    }
    if (value instanceof PySignature sig) {
      return sig.asDict();
    }
    throw new IllegalArgumentException(
        "Object of type "
            + value.getClass().getName()
            + " is not JSON serializable (kombu's json serializer): "
            + value
            + "; pass null, Boolean, String, an integer, Double, BigDecimal, UUID, a List or a"
            + " Map with String keys");
  }

  static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
  }
}
