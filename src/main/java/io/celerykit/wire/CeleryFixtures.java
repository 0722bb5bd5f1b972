package io.celerykit.wire;

import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replays what a real Celery stored: reads a fixture of Celery's result keys and loads it into a
 * backend. A fixture is a JSON object whose keys are the Redis keys Celery writes and whose values
 * are the stored JSON (as an object, or as the exact stored string):
 *
 * <pre>{@code
 * {
 *   "celery-task-meta-task-a": {"status": "SUCCESS", "result": 5, "traceback": null, "children": [],
 *                               "date_done": "2026-11-24T10:00:00.123456", "task_id": "task-a"},
 *   "celery-taskset-meta-grp": {"result": [["grp", null], [[["task-a", null], null]]]}
 * }
 * }</pre>
 *
 * <pre>{@code
 * CeleryFixtures.loadResource(app.backend(), "fixtures/report-results.json");
 * }</pre>
 *
 * <p>A JSON array of task metas (each with its {@code task_id}) is read too.
 */
public final class CeleryFixtures {

  /** The prefix of task meta keys. */
  public static final String TASK_PREFIX = "celery-task-meta-";

  /** The prefix of group meta keys. */
  public static final String GROUP_PREFIX = "celery-taskset-meta-";

  private CeleryFixtures() {}

  /**
   * What a fixture holds: everything in it was checked when it was made, so loading it stores all
   * of it or, when the backend refuses, stops at the first store it refuses.
   *
   * @param source the file or resource it was read from
   * @param metas the task metas, in file order
   * @param groups the saved groups by id, in file order
   */
  public record Fixture(String source, List<TaskMeta> metas, Map<String, ResultTuple> groups) {
    /**
     * Copies the parts, and checks the groups: non-blank ids, and group tuples.
     *
     * @param source the source
     * @param metas the metas
     * @param groups the groups
     * @throws WireFormatException for a blank group id or a task's tuple saved as a group
     */
    public Fixture {
      metas = List.copyOf(metas);
      groups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(groups));
      for (Map.Entry<String, ResultTuple> group : groups.entrySet()) {
        String where = source + ": key \"" + GROUP_PREFIX + group.getKey() + "\"";
        requireId(group.getKey(), where, "group");
        CeleryJson.requireGroup(group.getValue(), where);
      }
    }

    /**
     * Stores every meta and saves every group into a backend. Everything was read and checked
     * before, so a fixture that could be made loads whole.
     *
     * @param backend the backend
     * @return this fixture
     */
    public Fixture loadInto(ResultBackend backend) {
      Objects.requireNonNull(backend, "backend");
      for (TaskMeta meta : metas) {
        backend.store(meta);
      }
      for (Map.Entry<String, ResultTuple> group : groups.entrySet()) {
        backend.saveGroup(group.getKey(), group.getValue());
      }
      return this;
    }
  }

  /**
   * Reads a fixture file and loads it into a backend.
   *
   * @param backend the backend
   * @param file the fixture file
   * @return what was loaded
   * @throws WireFormatException naming the file and key at fault
   */
  public static Fixture load(ResultBackend backend, Path file) {
    return read(file).loadInto(backend);
  }

  /**
   * Reads a fixture from the class path and loads it into a backend.
   *
   * @param backend the backend
   * @param resource the resource name, e.g. {@code fixtures/results.json}
   * @return what was loaded
   * @throws WireFormatException naming the resource and key at fault
   */
  public static Fixture loadResource(ResultBackend backend, String resource) {
    return readResource(resource).loadInto(backend);
  }

  /**
   * Reads a fixture file.
   *
   * @param file the file
   * @return the fixture
   */
  public static Fixture read(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + file + ": " + e.getMessage(), e);
    }
    return parse(Utf8.decode(bytes, file.toString()), file.toString());
  }

  /**
   * Reads a fixture from the class path (the context class loader's, then this class's).
   *
   * @param resource the resource name
   * @return the fixture
   */
  public static Fixture readResource(String resource) {
    Objects.requireNonNull(resource, "resource");
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    InputStream in = loader == null ? null : loader.getResourceAsStream(name);
    if (in == null) {
      in = CeleryFixtures.class.getClassLoader().getResourceAsStream(name);
    }
    if (in == null) {
      throw new WireFormatException(
          "fixture resource "
              + resource
              + " not found on the class path (put it under"
              + " src/test/resources)");
    }
    byte[] bytes;
    try (InputStream stream = in) {
      bytes = stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + resource + ": " + e.getMessage(), e);
    }
    return parse(Utf8.decode(bytes, resource), resource);
  }

  /**
   * Parses fixture text: every key and value is read and checked before the fixture is made, so one
   * at fault leaves nothing half loaded.
   *
   * @param json the text
   * @param source its name, for error messages
   * @return the fixture
   * @throws WireFormatException naming the source and key at fault
   */
  public static Fixture parse(String json, String source) {
    Object parsed = CeleryJson.parse(json, source);
    List<TaskMeta> metas = new ArrayList<>();
    Map<String, ResultTuple> groups = new LinkedHashMap<>();
    if (parsed instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        metas.add(metaOf(list.get(i), null, source + "[" + i + "]"));
      }
      return new Fixture(source, metas, groups);
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new WireFormatException(
          source + ": a fixture is a JSON object of Celery keys (or a list of task metas)");
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      String where = source + ": key \"" + key + "\"";
      if (key.startsWith(TASK_PREFIX)) {
        String id = requireId(key.substring(TASK_PREFIX.length()), where, "task");
        TaskMeta meta = metaOf(e.getValue(), id, where);
        if (!meta.taskId().equals(id)) {
          throw new WireFormatException(
              where + ": its task_id is \"" + meta.taskId() + "\", not \"" + id + "\"");
        }
        metas.add(meta);
      } else if (key.startsWith(GROUP_PREFIX)) {
        String id = requireId(key.substring(GROUP_PREFIX.length()), where, "group");
        Object value = e.getValue();
        Object result =
            value instanceof String text
                ? asMap(CeleryJson.parse(text, where), where).get("result")
                : asMap(value, where).get("result");
        if (result == null) {
          throw new WireFormatException(where + ": a group meta needs the key \"result\"");
        }
        groups.put(id, CeleryJson.groupTupleOf(result, where));
      } else {
        throw new WireFormatException(
            where + ": unknown key; expected " + TASK_PREFIX + "<id> or " + GROUP_PREFIX + "<id>");
      }
    }
    return new Fixture(source, metas, groups);
  }

  /** The id a key names after its prefix, which must not be blank. */
  private static String requireId(String id, String where, String what) {
    if (id.isBlank()) {
      throw new WireFormatException(
          where
              + ": the key names no "
              + what
              + " id; write it after the prefix, as in "
              + (what.equals("task") ? TASK_PREFIX : GROUP_PREFIX)
              + "<id>");
    }
    return id;
  }

  private static TaskMeta metaOf(Object value, String id, String where) {
    Object json = value instanceof String text ? CeleryJson.parse(text, where) : value;
    return CeleryJson.fromJsonMap(asMap(json, where), id, where);
  }

  private static Map<String, Object> asMap(Object value, String where) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new WireFormatException(
          where + ": expected a JSON object, got " + CeleryJson.shown(value));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.put(String.valueOf(e.getKey()), e.getValue());
    }
    return out;
  }
}
