package io.celerykit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.celerykit.result.TaskState;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TaskState#compareTo} agrees with the comparisons recorded from Celery 5.2.6 for every pair
 * of names: Celery's built-in names and any custom name (which all rank like {@code PROGRESS}, the
 * custom name the vectors record).
 */
class TaskStatePrecedenceProperties {

  private static final JsonNode PAIRS =
      ConformanceVectors.observedByEntry("states.json").get("state_comparisons_all_pairs");

  private static final List<String> CELERY_NAMES =
      List.of(
          "PENDING",
          "RECEIVED",
          "STARTED",
          "SUCCESS",
          "FAILURE",
          "REVOKED",
          "REJECTED",
          "RETRY",
          "IGNORED");

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> custom =
        Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("PROGRESS", "success", "Pending", "RETRY ", "FOO"))
            .filter(s -> !s.isBlank() && !CELERY_NAMES.contains(s));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.of(CELERY_NAMES)), net.jqwik.api.Tuple.of(2, custom));
  }

  /** The recorded name whose comparisons a name shares: itself if built in, else PROGRESS. */
  private static String recordedAs(String name) {
    return CELERY_NAMES.contains(name) ? name : "PROGRESS";
  }

  private static JsonNode recorded(String a, String b) {
    JsonNode results = PAIRS.get(recordedAs(a) + " vs " + recordedAs(b));
    assertThat(results).as("recorded %s vs %s", recordedAs(a), recordedAs(b)).isNotNull();
    return results;
  }

  @Property(tries = 1000)
  void compareToAgreesWithTheRecordedComparisons(
      @ForAll("names") String a, @ForAll("names") String b) {
    TaskState sa = TaskState.of(a);
    TaskState sb = TaskState.of(b);
    JsonNode expected = recorded(a, b);
    int c = sa.compareTo(sb);

    assertThat(c > 0).as("%s > %s", a, b).isEqualTo(expected.get(">").asBoolean());
    assertThat(c >= 0).as("%s >= %s", a, b).isEqualTo(expected.get(">=").asBoolean());
    assertThat(c < 0).as("%s < %s", a, b).isEqualTo(expected.get("<").asBoolean());
    assertThat(c <= 0).as("%s <= %s", a, b).isEqualTo(expected.get("<=").asBoolean());
    assertThat(sa.isAfter(sb)).isEqualTo(c > 0);
    assertThat(sa.isBefore(sb)).isEqualTo(c < 0);
  }

  @Property(tries = 1000)
  void equalityIsNameEquality(@ForAll("names") String a, @ForAll("names") String b) {
    TaskState sa = TaskState.of(a);
    TaskState sb = TaskState.of(b);
    assertThat(sa.equals(sb)).isEqualTo(a.equals(b));
    if (recordedAs(a).equals(a) && recordedAs(b).equals(b)) {
      assertThat(sa.equals(sb)).isEqualTo(recorded(a, b).get("==").asBoolean());
      assertThat(!sa.equals(sb)).isEqualTo(recorded(a, b).get("!=").asBoolean());
    }
    if (sa.equals(sb)) {
      assertThat(sa.hashCode()).isEqualTo(sb.hashCode());
      assertThat(sa.compareTo(sb)).isZero();
    }
  }

  @Property(tries = 500)
  void orderIsAntisymmetricTransitiveAndFollowsPrecedence(
      @ForAll("names") String a, @ForAll("names") String b, @ForAll("names") String c) {
    TaskState sa = TaskState.of(a);
    TaskState sb = TaskState.of(b);
    TaskState sc = TaskState.of(c);

    assertThat(Integer.signum(sa.compareTo(sb))).isEqualTo(-Integer.signum(sb.compareTo(sa)));
    assertThat(Integer.signum(sa.compareTo(sb)))
        .as("lower precedence index ranks higher")
        .isEqualTo(Integer.signum(sb.precedence() - sa.precedence()));
    if (sa.compareTo(sb) >= 0 && sb.compareTo(sc) >= 0) {
      assertThat(sa.compareTo(sc)).isGreaterThanOrEqualTo(0);
    }
    if (sa.compareTo(sb) > 0 && sb.compareTo(sc) > 0) {
      assertThat(sa.compareTo(sc)).isPositive();
    }
  }
}
