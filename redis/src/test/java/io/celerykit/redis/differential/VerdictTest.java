package io.celerykit.redis.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.redis.differential.Observation.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A scenario passes when the engines agree, or differ exactly where its known differences say; a
 * new difference fails it, and so does a known one that stopped showing (the marker must go).
 */
class VerdictTest {
  private static final Scenario PLAIN = Scenario.of("plain", run -> {});
  private static final Scenario MARKED =
      PLAIN.expect(KnownDifference.TIMEOUT_HINT_NAMES_THE_ENGINE, "tb");

  private static Comparison compare(String leftTb, String rightTb) {
    return Comparison.of(
        List.of(new Observation("v", Kind.TEXT, "1"), new Observation("tb", Kind.TEXT, leftTb)),
        List.of(new Observation("v", Kind.TEXT, "1"), new Observation("tb", Kind.TEXT, rightTb)));
  }

  @Test
  void theSameObservationsAreIdentical() {
    assertThat(Verdict.of(PLAIN, compare("x", "x"))).isEqualTo(Verdict.IDENTICAL);
  }

  @Test
  void aDifferenceWhereTheMarkerSaysIsExpected() {
    assertThat(Verdict.of(MARKED, compare("x", "y"))).isEqualTo(Verdict.EXPECTED_DIFFERENCES);
  }

  @Test
  void anUnmarkedDifferenceFailsWithBothSidesPrinted() {
    assertThatThrownBy(() -> Verdict.of(PLAIN, compare("x", "y")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the engines differ at [tb]")
        .hasMessageContaining("in-memory: x")
        .hasMessageContaining("redis:     y");
  }

  @Test
  void aMarkedDifferenceThatNoLongerShowsFailsUntilTheMarkerIsRemoved() {
    assertThatThrownBy(() -> Verdict.of(MARKED, compare("x", "x")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("TIMEOUT_HINT_NAMES_THE_ENGINE no longer shows at [tb]")
        .hasMessageContaining("remove its marker");
  }

  @Test
  void aLabelRecordedOnOneSideOnlyIsADifference() {
    Comparison c =
        Comparison.of(
            List.of(new Observation("v", Kind.TEXT, "1")),
            List.of(new Observation("v", Kind.TEXT, "1"), new Observation("w", Kind.TEXT, "2")));

    assertThat(c.differing()).containsExactly("w");
    assertThat(c.report()).contains("in-memory: (not recorded)");
  }

  @Test
  void aDeclaredPrefixCoversEveryLabelUnderIt() {
    Scenario wide = PLAIN.expect(KnownDifference.NOT_REGISTERED_AT_SEND, "result.*");
    Comparison c =
        Comparison.of(
            List.of(),
            List.of(
                new Observation("result.get", Kind.TEXT, "a"),
                new Observation("result.meta", Kind.TEXT, "b")));

    assertThat(Verdict.of(wide, c)).isEqualTo(Verdict.EXPECTED_DIFFERENCES);
  }
}
