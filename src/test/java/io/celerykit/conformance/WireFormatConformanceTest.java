package io.celerykit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import io.celerykit.wire.CeleryJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every value real Celery 5.2.6 stored in Redis ({@code conformance/wire_format.json}):
 * celerykit must read each one into the same state, value, exception, children and extended fields,
 * and write it back as exactly the same text.
 */
class WireFormatConformanceTest {

  private static final String RESOURCE = "conformance/wire_format.json";
  private static final String DATE_DONE = "2026-11-24T10:00:00.123456";
  private static final Instant DATE_DONE_INSTANT = Instant.parse(DATE_DONE + "Z");
  private static final int PID = 4242;
  private static final Pattern LAST_LINE = Pattern.compile("last=(['\"])(.*)\\1>$");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Map<String, Object> vectors;
  private static List<Map<String, Object>> entries;

  @BeforeAll
  static void load() {
    vectors = readVectors();
    entries = cast(vectors.get("entries"));
  }

  private static Map<String, Object> readVectors() {
    try (InputStream in =
        WireFormatConformanceTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      assertThat(in).as("test resource %s", RESOURCE).isNotNull();
      return MAPPER.readValue(in, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void vectorsAreCelery526WithATextForEveryEntry() {
    Map<String, Object> versions = cast(vectors.get("versions"));
    assertThat(versions.get("celery")).isEqualTo("5.2.6");
    assertThat(entries).hasSize(31);
    assertThat(entries)
        .allSatisfy(e -> assertThat(observed(e)).containsKeys("text", "json", "key_order"));
  }

  @Test
  void placeholdersAreReplacedByValidJsonThatMatchesTheParsedForm() throws IOException {
    for (Map<String, Object> entry : entries) {
      String text = concreteText(entry);
      assertThat(text).doesNotContain("<DATE_DONE>", "<TRACEBACK>", "<PID>");
      Object parsed = MAPPER.readValue(text, Object.class);
      assertThat(parsed).as(name(entry)).isEqualTo(concreteJson(entry));
    }
  }

  @TestFactory
  Stream<DynamicNode> everyStoredValue() {
    List<DynamicNode> nodes = new ArrayList<>();
    for (Map<String, Object> entry : readEntries()) {
      String name = name(entry);
      if (name.equals("taskset-meta")) {
        nodes.add(
            dynamicContainer(
                name,
                Stream.of(
                    dynamicTest("reads the group tuple", () -> readsGroup(entry)),
                    dynamicTest("writes back the exact stored text", () -> writesGroup(entry)))));
      } else {
        nodes.add(
            dynamicContainer(
                name,
                Stream.of(
                    dynamicTest("reads the stored meta", () -> readsMeta(entry)),
                    dynamicTest("writes back the exact stored text", () -> writesMeta(entry)),
                    dynamicTest(
                        "keeps Celery's key order and values", () -> keysAndValues(entry)))));
      }
    }
    return nodes.stream();
  }

  // ---------------------------------------------------------------- task metas

  private static void readsMeta(Map<String, Object> entry) {
    Map<String, Object> json = concreteJson(entry);
    TaskMeta meta = CeleryJson.readTaskMeta(concreteText(entry));

    String status = (String) json.get("status");
    assertThat(meta.state().name()).isEqualTo(status);
    assertThat(meta.state()).isEqualTo(TaskState.of(status));
    assertThat(meta.taskId()).isEqualTo(json.get("task_id"));
    assertThat(meta.traceback()).isEqualTo(json.get("traceback"));
    assertThat(meta.dateDone()).isEqualTo(json.get("date_done") == null ? null : DATE_DONE_INSTANT);
    assertThat(meta.isReady()).isEqualTo(json.get("date_done") != null);

    Object result = json.get("result");
    if (result instanceof Map<?, ?> exc
        && exc.containsKey("exc_type")
        && TaskState.EXCEPTION_STATES.contains(meta.state())) {
      checkException(entry, meta, cast(exc));
    } else {
      assertThat(meta.result()).isEqualTo(result);
    }

    List<ResultTuple> children = new ArrayList<>();
    for (Object child : (List<?>) json.get("children")) {
      children.add(ResultTuple.fromList(child));
    }
    assertThat(meta.children()).isEqualTo(children);

    assertThat(meta.groupId()).isEqualTo(json.get("group_id"));
    assertThat(meta.parentId()).isEqualTo(json.get("parent_id"));

    if (json.containsKey("name")) {
      assertThat(meta.name()).isEqualTo(json.get("name"));
      assertThat(meta.args()).isEqualTo(json.get("args"));
      assertThat(meta.kwargs()).isEqualTo(json.get("kwargs"));
      assertThat(meta.worker()).isEqualTo(json.get("worker"));
      assertThat(meta.retries()).isEqualTo(json.get("retries"));
      assertThat(meta.queue()).isEqualTo(json.get("queue"));
    } else {
      assertThat(meta.name()).isNull();
      assertThat(meta.args()).isNull();
      assertThat(meta.kwargs()).isNull();
      assertThat(meta.worker()).isNull();
      assertThat(meta.retries()).isNull();
      assertThat(meta.queue()).isNull();
    }
  }

  private static void checkException(
      Map<String, Object> entry, TaskMeta meta, Map<String, Object> exc) {
    String type = (String) exc.get("exc_type");
    String module = (String) exc.get("exc_module");
    List<?> args = (List<?>) exc.get("exc_message");
    Object value = meta.result();
    if ("celery.exceptions".equals(module) && type.equals("TaskRevokedError")) {
      assertThat(value).isExactlyInstanceOf(TaskRevokedException.class);
      assertThat(((Throwable) value).getMessage()).isEqualTo(args.get(0));
    } else if ("celery.exceptions".equals(module) && type.equals("MaxRetriesExceededError")) {
      assertThat(value).isExactlyInstanceOf(MaxRetriesExceededException.class);
      assertThat(((Throwable) value).getMessage()).isEqualTo(args.get(0));
    } else {
      assertThat(value).isExactlyInstanceOf(RemoteTaskException.class);
      RemoteTaskException remote = (RemoteTaskException) value;
      assertThat(remote.excType()).isEqualTo(type);
      assertThat(remote.excModule()).isEqualTo(module);
      assertThat(remote.excMessage()).isEqualTo(args);
      assertThat(remote.traceback()).isEqualTo(meta.traceback());
      if (meta.state().equals(TaskState.FAILURE)) {
        // The message is the last line of the traceback Python printed.
        assertThat(remote.getMessage()).isEqualTo(lastTracebackLine(entry));
      } else {
        assertThat(remote.getMessage()).isEqualTo(type + ": " + args.get(0));
      }
    }
  }

  private static void writesMeta(Map<String, Object> entry) {
    String text = concreteText(entry);
    TaskMeta meta = CeleryJson.readTaskMeta(text);
    assertThat(CeleryJson.writeTaskMeta(meta)).isEqualTo(text);
    // and the meta read back from what was written is the same meta
    assertThat(CeleryJson.readTaskMeta(CeleryJson.writeTaskMeta(meta)).toString())
        .isEqualTo(meta.toString());
  }

  private static void keysAndValues(Map<String, Object> entry) {
    TaskMeta meta = CeleryJson.readTaskMeta(concreteText(entry));
    Map<String, Object> written = CeleryJson.toJsonMap(meta);
    assertThat(new ArrayList<>(written.keySet())).isEqualTo(observed(entry).get("key_order"));
    assertThat(written).isEqualTo(concreteJson(entry));
  }

  // ---------------------------------------------------------------- group metas

  private static void readsGroup(Map<String, Object> entry) {
    Map<String, Object> json = concreteJson(entry);
    ResultTuple group = CeleryJson.readGroupMeta(concreteText(entry), name(entry));
    assertThat(group.isGroup()).isTrue();
    assertThat(group.id()).isEqualTo("grp");
    assertThat(group.parent()).isNull();
    assertThat(group.members())
        .extracting(ResultTuple::id)
        .containsExactly("grp-0", "grp-1", "grp-2", "grp-3", "grp-4");
    assertThat(group.members()).allSatisfy(m -> assertThat(m.isGroup()).isFalse());
    assertThat(group).isEqualTo(ResultTuple.fromList(json.get("result")));
    assertThat(observed(entry).get("key_order")).isEqualTo(List.of("result"));
  }

  private static void writesGroup(Map<String, Object> entry) {
    String text = concreteText(entry);
    ResultTuple group = CeleryJson.readGroupMeta(text, name(entry));
    assertThat(CeleryJson.writeGroupMeta(group)).isEqualTo(text);
  }

  // ---------------------------------------------------------------- placeholders

  /** The stored text with valid values in place of the per-run placeholders. */
  static String concreteText(Map<String, Object> entry) {
    String text = (String) observed(entry).get("text");
    String escapedTraceback;
    try {
      escapedTraceback = MAPPER.writeValueAsString(traceback(entry));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The traceback placeholder sits inside quotes: put the JSON-escaped body there.
    String body = escapedTraceback.substring(1, escapedTraceback.length() - 1);
    return text.replace("<DATE_DONE>", DATE_DONE)
        .replace("<TRACEBACK>", body)
        .replace("\"<PID>\"", Integer.toString(PID));
  }

  /** The parsed form, with the same values in place of the placeholders. */
  static Map<String, Object> concreteJson(Map<String, Object> entry) {
    Map<String, Object> json = new LinkedHashMap<>(cast(observed(entry).get("json")));
    if (json.get("date_done") instanceof String) {
      json.put("date_done", DATE_DONE);
    }
    if (json.get("traceback") instanceof String) {
      json.put("traceback", traceback(entry));
    }
    if (json.get("result") instanceof Map<?, ?> result && result.containsKey("pid")) {
      Map<String, Object> started = new LinkedHashMap<>(cast(result));
      started.put("pid", PID);
      json.put("result", started);
    }
    return json;
  }

  /** A traceback as Python prints it, ending with the recorded last line. */
  private static String traceback(Map<String, Object> entry) {
    return "Traceback (most recent call last):\n"
        + "  File \"/srv/wtasks.py\", line 12, in "
        + name(entry)
        + "\n    raise exc\n"
        + lastTracebackLine(entry)
        + "\n";
  }

  private static String lastTracebackLine(Map<String, Object> entry) {
    Map<String, Object> json = cast(observed(entry).get("json"));
    Object annotation = json.get("traceback");
    if (!(annotation instanceof String text)) {
      return "";
    }
    Matcher m = LAST_LINE.matcher(text);
    assertThat(m.find()).as("traceback annotation %s", text).isTrue();
    return m.group(2);
  }

  // ---------------------------------------------------------------- helpers

  private static List<Map<String, Object>> readEntries() {
    return cast(readVectors().get("entries"));
  }

  private static Map<String, Object> observed(Map<String, Object> entry) {
    return cast(entry.get("observed"));
  }

  private static String name(Map<String, Object> entry) {
    return (String) entry.get("name");
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }
}
