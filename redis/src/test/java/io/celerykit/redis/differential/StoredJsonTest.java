package io.celerykit.redis.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The exact text of a stored meta is split into its skeleton and the exact text of each value. */
class StoredJsonTest {

  @Test
  void splitsAMetaIntoItsSkeletonAndTheExactTextOfEachValue() {
    StoredJson parts =
        StoredJson.split(
            "{\"status\": \"SUCCESS\", \"result\": [1e-07, {\"a\": \"}\\\"]\"}], \"traceback\":"
                + " null, \"task_id\": \"t1\"}");

    assertThat(parts.skeleton())
        .isEqualTo("{\"status\": _, \"result\": _, \"traceback\": _, \"task_id\": _}");
    assertThat(parts.values())
        .containsExactly(
            java.util.Map.entry("status", "\"SUCCESS\""),
            java.util.Map.entry("result", "[1e-07, {\"a\": \"}\\\"]\"}]"),
            java.util.Map.entry("traceback", "null"),
            java.util.Map.entry("task_id", "\"t1\""));
  }

  @Test
  void theSkeletonKeepsSeparatorsSoThatOtherSpacingDiffers() {
    assertThat(StoredJson.split("{\"a\":1,\"b\":2}").skeleton()).isEqualTo("{\"a\":_,\"b\":_}");
    assertThat(StoredJson.split("{\"a\": 1, \"b\": 2}").skeleton())
        .isEqualTo("{\"a\": _, \"b\": _}");
  }

  @Test
  void anEmptyObjectHasNoValues() {
    assertThat(StoredJson.split("{}").values()).isEmpty();
  }

  @Test
  void textThatIsNotAJsonObjectIsRefusedWithWhereItBroke() {
    assertThatThrownBy(() -> StoredJson.split("[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected '{' at offset 0");
    assertThatThrownBy(() -> StoredJson.split("{\"a\": 1} trailing"))
        .hasMessageContaining("the end of the text");
  }
}
