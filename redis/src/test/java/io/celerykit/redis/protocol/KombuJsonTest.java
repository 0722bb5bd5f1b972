package io.celerykit.redis.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** kombu's {@code kombu.utils.json.dumps}: Python's json.dumps defaults and kombu's encoder. */
class KombuJsonTest {

  @Test
  void usesPythonsSeparatorsAndKeepsKeyOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", List.of(1, 2));
    m.put("a", Arrays.asList(null, true));
    assertThat(KombuJson.dumps(m)).isEqualTo("{\"z\": [1, 2], \"a\": [null, true]}");
  }

  @Test
  void escapesEverythingOutsidePrintableAscii() {
    // json.dumps(ensure_ascii=True): lower-case \\uXXXX, surrogate pairs above U+FFFF
    assertThat(KombuJson.dumps("é\u007f\u0001\"\\\n𝄞"))
        .isEqualTo("\"\\u00e9\\u007f\\u0001\\\"\\\\\\n\\ud834\\udd1e\"");
  }

  @Test
  void writesFloatsAsPythonsReprWithNanAndInfinityAllowed() {
    assertThat(KombuJson.dumps(List.of(1e16, 1e-5, 0.0001, 100.0, Double.NaN, -1.0 / 0)))
        .isEqualTo("[1e+16, 1e-05, 0.0001, 100.0, NaN, -Infinity]");
  }

  @Test
  void writesTuplesAsLists() {
    assertThat(KombuJson.dumps(new PyTuple(List.of(1, "a")))).isEqualTo("[1, \"a\"]");
  }

  @Test
  void writesDecimalsUuidsAndDatetimesAsKombusEncoderDoes() {
    // kombu/utils/json.py JSONEncoder.default: str(Decimal), str(UUID), isoformat with Z for UTC
    UUID id = UUID.fromString("5f0e2b4c-7d1a-3e8f-9b6c-0a1b2c3d4e5f");
    PyDateTime utc = PyDateTime.utc(Instant.parse("2024-05-06T08:00:00.250Z"));
    PyDateTime paris = new PyDateTime(Instant.parse("2024-05-06T08:00:00Z"), ZoneOffset.ofHours(2));
    assertThat(KombuJson.dumps(List.of(new BigDecimal("1.50"), id, utc, paris)))
        .isEqualTo(
            "[\"1.50\", \"5f0e2b4c-7d1a-3e8f-9b6c-0a1b2c3d4e5f\", \"2024-05-06T08:00:00.250000Z\","
                + " \"2024-05-06T10:00:00+02:00\"]");
  }

  /**
   * Python's json.dumps writes int, float, bool and None keys as text: {1: 'one'} -> {"1": "one"}.
   */
  @Test
  void writesNumberAndBooleanKeysAsPythonDoes() {
    assertThat(KombuJson.dumps(Map.of(1, "one"))).isEqualTo("{\"1\": \"one\"}");
    assertThat(KombuJson.dumps(Map.of(true, 1))).isEqualTo("{\"true\": 1}");
    assertThat(KombuJson.dumps(Map.of(1.5, 1))).isEqualTo("{\"1.5\": 1}");
  }

  /** Any other key is refused with Python's TypeError words. */
  @Test
  void refusesKeysOfOtherTypesWithPythonsWords() {
    assertThatThrownBy(() -> KombuJson.dumps(Map.of(List.of(1), "one")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keys must be str, int, float, bool or None, not");
  }

  @Test
  void refusesTypesWithoutAJsonFormNamingThem() {
    assertThatThrownBy(() -> KombuJson.dumps(Set.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not JSON serializable");
  }
}
