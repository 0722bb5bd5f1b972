package io.celerykit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the readers of Celery's wire format: every input either reads, writes back, and reads
 * again to the very same text, or is refused with a {@link WireFormatException}; no reader ever
 * throws anything else (NullPointerException, ClassCastException, StackOverflowError,
 * ArithmeticException, DateTimeException, EncodeException on writing back what was read). Inputs
 * are the stored values recorded from real Celery 5.2.6 ({@code conformance/wire_format.json},
 * {@code fixtures/celery-5.2.6-results.json}) mutated as text and as structure, random JSON, and
 * random text.
 *
 * <p>Bounded to a few seconds with jqwik's default number of tries (1000). For a longer run, raise
 * it:
 *
 * <pre>
 * mvn -B test -Dtest=WireReaderProperties -Djqwik.tries.default=200000
 * </pre>
 */
class WireReaderProperties {

  private static final ObjectMapper JACKSON = new ObjectMapper();

  /** The stored values recorded from Celery, placeholders filled in. */
  private static final List<String> SEEDS = seeds();

  private static final List<String> KEYS =
      List.of(
          "status",
          "result",
          "traceback",
          "children",
          "date_done",
          "group_id",
          "parent_id",
          "name",
          "args",
          "kwargs",
          "worker",
          "retries",
          "queue",
          "task_id",
          "exc_type",
          "exc_message",
          "exc_module");

  // ---------------------------------------------------------------- the property

  @Property
  void everyInputReadsBackToTheSameTextOrIsRefusedAsAWireFormatError(
      @ForAll("inputs") String input) {
    TaskMeta meta = readOrNull(() -> CeleryJson.readTaskMeta(input, "fuzz"));
    Statistics.label("task meta").collect(meta == null ? "refused" : "read");
    // Not vacuous: many inputs read, many are refused.
    Statistics.label("task meta")
        .coverage(
            c -> {
              c.check("read").percentage(p -> p > 5);
              c.check("refused").percentage(p -> p > 5);
            });
    if (meta != null) {
      String once = CeleryJson.writeTaskMeta(meta);
      assertThat(CeleryJson.writeTaskMeta(CeleryJson.readTaskMeta(once, "written")))
          .isEqualTo(once);
    }

    ResultTuple group = readOrNull(() -> CeleryJson.readGroupMeta(input, "fuzz"));
    if (group != null) {
      String once = CeleryJson.writeGroupMeta(group);
      assertThat(CeleryJson.readGroupMeta(once, "written")).isEqualTo(group);
      assertThat(CeleryJson.writeGroupMeta(CeleryJson.readGroupMeta(once, "written")))
          .isEqualTo(once);
    }

    ResultTuple tuple = readOrNull(() -> CeleryJson.readTuple(input));
    if (tuple != null) {
      String once = CeleryJson.writeTuple(tuple);
      assertThat(CeleryJson.readTuple(once)).isEqualTo(tuple);
    }

    CeleryFixtures.Fixture fixture = readOrNull(() -> CeleryFixtures.parse(input, "fuzz.json"));
    if (fixture != null) {
      for (TaskMeta m : fixture.metas()) {
        String once = CeleryJson.writeTaskMeta(m);
        assertThat(CeleryJson.writeTaskMeta(CeleryJson.readTaskMeta(once, "written")))
            .isEqualTo(once);
      }
    }

    Object json = readOrNull(() -> CeleryJson.parse(input, "fuzz"));
    if (json != null || input.strip().equals("null")) {
      String once = PythonJson.dumps(json);
      assertThat(PythonJson.dumps(CeleryJson.parse(once, "written"))).isEqualTo(once);
    }
  }

  /** What a reader read, or null when it refused the input as Celery's wire format. */
  private static <T> T readOrNull(Supplier<T> reader) {
    try {
      return reader.get();
    } catch (WireFormatException refused) {
      return null;
    }
  }

  // ---------------------------------------------------------------- inputs

  @Provide
  Arbitrary<String> inputs() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(SEEDS)),
        Tuple.of(5, structurallyMutated()),
        Tuple.of(4, textuallyMutated()),
        Tuple.of(2, json(3).map(PythonJson::dumps)),
        Tuple.of(1, deeplyWrapped()),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(30)));
  }

  /** A recorded value, or a part of one, inside thousands of lists or objects, closed or not. */
  private Arbitrary<String> deeplyWrapped() {
    return Combinators.combine(
            Arbitraries.of(SEEDS),
            Arbitraries.integers().between(1, 30_000),
            Arbitraries.of(
                "[", "{\"result\": ", "[[\"x\", ", "{\"status\": \"SUCCESS\", \"children\": ["),
            Arbitraries.of(true, false))
        .as(
            (seed, depth, opener, closed) -> {
              String close = opener.startsWith("{\"s") ? "]}" : opener.startsWith("{") ? "}" : "]";
              return opener.repeat(depth) + seed + (closed ? close.repeat(depth) : "");
            });
  }

  /** A recorded value with keys replaced by interesting values, removed, or added. */
  private Arbitrary<String> structurallyMutated() {
    Arbitrary<Map.Entry<String, Object>> change =
        Combinators.combine(Arbitraries.of(KEYS), interesting()).as(AbstractMap.SimpleEntry::new);
    return Combinators.combine(
            Arbitraries.of(SEEDS), change.list().ofMinSize(1).ofMaxSize(3), Arbitraries.longs())
        .as(WireReaderProperties::mutate);
  }

  private static String mutate(String seed, List<Map.Entry<String, Object>> changes, long salt) {
    Object parsed = CeleryJson.parse(seed, "seed");
    Random random = new Random(salt);
    for (Map.Entry<String, Object> change : changes) {
      Map<String, Object> target = someMap(parsed, random);
      if (target == null) {
        continue;
      }
      switch (random.nextInt(4)) {
        case 0 -> target.remove(change.getKey());
        case 1 -> {
          // the same keys in another order
          List<Map.Entry<String, Object>> entries = new ArrayList<>(target.entrySet());
          Collections.shuffle(entries, random);
          target.clear();
          entries.forEach(e -> target.put(e.getKey(), e.getValue()));
        }
        default -> target.put(change.getKey(), change.getValue());
      }
      // Read it again, so that every map in it can be changed next.
      parsed = CeleryJson.parse(PythonJson.dumps(parsed), "mutated");
    }
    return PythonJson.dumps(parsed);
  }

  /** The top map, or one of the maps inside it (an exception dict, kwargs). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> someMap(Object root, Random random) {
    List<Map<String, Object>> maps = new ArrayList<>();
    List<Object> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty() && maps.size() < 20) {
      Object o = todo.remove(todo.size() - 1);
      if (o instanceof Map<?, ?> map) {
        maps.add((Map<String, Object>) map);
        todo.addAll(map.values());
      } else if (o instanceof List<?> list) {
        todo.addAll(list);
      }
    }
    return maps.isEmpty() ? null : maps.get(random.nextInt(Math.min(maps.size(), 3)));
  }

  /** Values that probe the readers' checks, key by key. */
  private Arbitrary<Object> interesting() {
    return Arbitraries.oneOf(
        Arbitraries.just(null),
        Arbitraries.of(
            true,
            false,
            0,
            -1,
            1.5,
            Integer.MAX_VALUE,
            2_147_483_648L,
            Long.MIN_VALUE,
            new BigInteger("9".repeat(30)),
            new BigInteger("9".repeat(4300)),
            Double.NaN,
            Double.NEGATIVE_INFINITY,
            "",
            " ",
            "SUCCESS",
            "SUCESS",
            "success",
            "PROGRESS",
            "FAILURE",
            "RETRY",
            "REVOKED",
            "PENDING",
            "TaskRevokedError",
            "celery.exceptions",
            "ValueError",
            "0001-01-01T00:00:00",
            "9999-12-31T23:59:59.999999",
            "0000-01-01T00:00:00",
            "+10000-01-01T00:00:00",
            "9999-12-31T23:00:00-05:00",
            "2026-11-24T10:00:00Z",
            "2026-11-24T10:00:00.123456789",
            "2026-02-30T10:00:00",
            "yesterday",
            List.of(),
            Arrays.asList(Arrays.asList("c", null), null),
            List.of(Arrays.asList(Arrays.asList("c", null), null)),
            List.of(
                Arrays.asList("g", null), List.of(Arrays.asList(Arrays.asList("m", null), null))),
            List.of(List.of("c")),
            Arrays.asList("c", null),
            Map.of(),
            Map.of(
                "exc_type", "ValueError", "exc_message", List.of("boom"), "exc_module", "builtins"),
            Map.of("exc_type", "TaskRevokedError", "exc_module", "celery.exceptions"),
            Map.of("exc_type", List.of(), "exc_message", "x")),
        deep(),
        json(2));
  }

  /** Lists nested around the limit of what Celery's JSON holds (1000 levels). */
  private Arbitrary<Object> deep() {
    return Arbitraries.integers()
        .between(995, 1005)
        .map(
            depth -> {
              Object value = List.of();
              for (int i = 1; i < depth; i++) {
                value = List.of(value);
              }
              return value;
            });
  }

  /** Random JSON values, nested up to {@code depth} levels. */
  private Arbitrary<Object> json(int depth) {
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            Arbitraries.just(null),
            Arbitraries.of(true, false),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300, 5e-324),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40))
                .map(b -> (Object) b),
            Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> inner = json(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(3, scalar),
        Tuple.of(1, inner.list().ofMaxSize(4).map(l -> (Object) l)),
        Tuple.of(
            1,
            Arbitraries.maps(
                    Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(6)),
                    inner)
                .ofMaxSize(4)
                .map(m -> (Object) new LinkedHashMap<>(m))));
  }

  /** A recorded value with a few characters deleted, inserted, replaced or repeated. */
  private Arbitrary<String> textuallyMutated() {
    return Combinators.combine(
            Arbitraries.of(SEEDS), Arbitraries.integers().between(1, 4), Arbitraries.longs())
        .as(WireReaderProperties::mutateText);
  }

  private static final String NOISE = "{}[]\",:\\ 0123456789-+.eEtrufalsnNIy\u00e9\ud83d\u0000\n";

  private static String mutateText(String seed, int count, long salt) {
    Random random = new Random(salt);
    StringBuilder sb = new StringBuilder(seed);
    for (int i = 0; i < count && sb.length() > 0; i++) {
      int at = random.nextInt(sb.length());
      int end = Math.min(sb.length(), at + 1 + random.nextInt(8));
      switch (random.nextInt(5)) {
        case 0 -> sb.delete(at, end);
        case 1 -> sb.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
        case 2 -> sb.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
        case 3 -> sb.insert(at, sb.substring(at, end));
        default -> sb.setLength(at);
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- seeds

  private static List<String> seeds() {
    List<String> out = new ArrayList<>();
    JsonNode vectors = resource("/conformance/wire_format.json");
    collectTexts(vectors, out);
    JsonNode fixture = resource("/fixtures/celery-5.2.6-results.json");
    fixture.fields().forEachRemaining(e -> out.add(e.getValue().toString()));
    out.add(fixture.toString());
    if (out.size() < 10) {
      throw new IllegalStateException("expected the recorded values as seeds, found " + out);
    }
    return List.copyOf(out);
  }

  /** Every {@code text} (an exact stored string) in the vectors, placeholders filled. */
  private static void collectTexts(JsonNode node, List<String> out) {
    if (node.isObject()) {
      JsonNode text = node.get("text");
      if (text != null && text.isTextual()) {
        out.add(
            text.asText()
                .replace("<DATE_DONE>", "2026-11-24T10:00:00.123456")
                .replace(
                    "<TRACEBACK>", "Traceback (most recent call last):\\n  ValueError: boom\\n")
                .replace("\"<PID>\"", "4242")
                .replace("<PID>", "4242"));
      }
      node.elements().forEachRemaining(child -> collectTexts(child, out));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectTexts(child, out));
    }
  }

  private static JsonNode resource(String path) {
    try (InputStream in = WireReaderProperties.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the test class path");
      }
      return JACKSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
