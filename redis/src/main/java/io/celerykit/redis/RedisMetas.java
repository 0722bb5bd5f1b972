package io.celerykit.redis;

import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.wire.CeleryJson;
import io.celerykit.wire.WireFormatException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the values of result keys with Celery's JSON ({@link CeleryJson}), naming the key in every
 * {@link WireFormatException}, as Celery's {@code decode_result}.
 */
final class RedisMetas {
  private static final int SHOWN = 200;

  private final RedisKeys keys;

  RedisMetas(RedisKeys keys) {
    this.keys = keys;
  }

  /** A task meta; a value without {@code task_id} takes the id in its key. */
  TaskMeta decodeTask(String text, String key) {
    String source = source(key);
    Object parsed = CeleryJson.parse(text, source);
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new WireFormatException(
          source + ": expected a JSON object (a task meta), got " + shorten(text));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      json.put(String.valueOf(e.getKey()), e.getValue());
    }
    try {
      return CeleryJson.fromJsonMap(json, keys.taskIdOf(key), source);
    } catch (WireFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new WireFormatException(source + ": " + e.getMessage(), e);
    }
  }

  /** A saved group's tuple. */
  ResultTuple decodeGroup(String text, String key) {
    return CeleryJson.readGroupMeta(text, source(key));
  }

  private static String source(String key) {
    return "Redis key " + key;
  }

  private static String shorten(String text) {
    return text.length() <= SHOWN
        ? text
        : text.substring(0, SHOWN) + "... (" + text.length() + " chars)";
  }
}
