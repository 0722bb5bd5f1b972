package io.celerykit.redis.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.redis.differential.Observation.Kind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each normalisation of the suite, and that nothing else is normalised. */
class NormalizerTest {
  private static final String A = "0b9c1a3e-1f2d-4e5a-8b6c-7d8e9f0a1b2c";
  private static final String B = "5f4e3d2c-1b0a-4988-8776-655443322110";

  @Test
  void idsAreNumberedInTheOrderTheyFirstAppearAcrossTheRun() {
    List<Observation> out =
        Normalizer.normalize(
            List.of(
                new Observation("x", Kind.TEXT, "[\"" + B + "\", \"" + A + "\"]"),
                new Observation("y", Kind.TEXT, "group-" + A)),
            Set.of());

    assertThat(out)
        .extracting(Observation::text)
        .containsExactly("[\"<id:1>\", \"<id:2>\"]", "group-<id:2>");
  }

  @Test
  void aTracebackKeepsOnlyItsExceptionLine() {
    String python =
        "Traceback (most recent call last):\n  File \"x.py\", line 3\nValueError: bad\n";

    assertThat(
            Normalizer.normalize(List.of(new Observation("t", Kind.TRACEBACK, python)), Set.of()))
        .extracting(Observation::text)
        .containsExactly("ValueError: bad");
  }

  @Test
  void dateDonePidsAndHostnamesAreMaskedAndNothingElse() {
    List<Observation> out =
        Normalizer.normalize(
            List.of(
                new Observation("d", Kind.DATE_DONE, "\"2026-12-04T02:47:25.123456\""),
                new Observation("n", Kind.DATE_DONE, "None"),
                new Observation(
                    "m", Kind.TEXT, "{\"pid\": 5912, \"hostname\": \"diff@127.0.0.1\"}"),
                new Observation("v", Kind.TEXT, "[1e-07, 5:Integer]")),
            Set.of("diff@127.0.0.1"));

    assertThat(out)
        .extracting(Observation::text)
        .containsExactly(
            "<date_done>",
            "None",
            "{\"pid\": <pid>, \"hostname\": \"<hostname>\"}",
            "[1e-07, 5:Integer]");
  }

  @Test
  void aTimeToLiveJustBelowResultExpiresIsResultExpires() {
    java.time.Duration ttl = java.time.Duration.ofSeconds(600);

    assertThat(Normalizer.ttl(598, ttl)).isEqualTo(Normalizer.ttl(600, ttl));
    assertThat(Normalizer.ttl(590, ttl)).contains("590 s");
    assertThat(Normalizer.ttl(-1, ttl)).isEqualTo("never expires");
    assertThat(Normalizer.ttl(-2, ttl)).isEqualTo("no key");
  }
}
