package io.celerykit.wire;

import java.util.List;
import java.util.Map;

/**
 * One list or object being built, by the JSON reader and by the value encoder, and for an object
 * the key whose value is added next.
 */
class OpenValue {
  final List<Object> list;
  final Map<String, Object> map;
  String key;

  OpenValue(List<Object> list, Map<String, Object> map) {
    this.list = list;
    this.map = map;
  }

  /** Adds a value: at the end of the list, or under {@link #key} in the object. */
  final void add(Object value) {
    if (list != null) {
      list.add(value);
    } else {
      map.put(key, value);
    }
  }
}
