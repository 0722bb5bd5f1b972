package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link RevokeOptions}: the keyword arguments of Celery's {@code revoke}. */
class RevokeOptionsTest {

  private final RevokeOptions defaults = RevokeOptions.defaults();

  @Test
  void defaultsAreCelerys() {
    assertThat(defaults.terminate()).isFalse();
    assertThat(defaults.signal()).isEqualTo("SIGTERM");
    assertThat(defaults.waitForReplies()).isFalse();
    assertThat(defaults.timeout()).isNull();
  }

  @Test
  void withersReturnNewCopiesAndLeaveTheOriginal() {
    RevokeOptions changed =
        defaults
            .terminate(true)
            .signal("SIGKILL")
            .waitForReplies(true)
            .timeout(Duration.ofSeconds(1));
    assertThat(changed.terminate()).isTrue();
    assertThat(changed.signal()).isEqualTo("SIGKILL");
    assertThat(changed.waitForReplies()).isTrue();
    assertThat(changed.timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults).isEqualTo(RevokeOptions.defaults());
    assertThat(defaults.terminate()).isFalse();
    assertThat(defaults.signal()).isEqualTo("SIGTERM");
  }

  @Test
  void equalityComparesEveryField() {
    RevokeOptions a = defaults.terminate(true).signal("SIGKILL");
    RevokeOptions b = defaults.signal("SIGKILL").terminate(true);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(a.waitForReplies(true)).isNotEqualTo(a.timeout(Duration.ZERO));
    assertThat(a.equals("SIGKILL")).isFalse();
  }

  @Test
  void blankSignalIsRejectedNamingIt() {
    assertThatThrownBy(() -> defaults.signal(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got  ");
    assertThatThrownBy(() -> defaults.signal(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got null");
  }

  @Test
  void negativeTimeoutIsRejectedNamingIt() {
    assertThatThrownBy(() -> defaults.timeout(Duration.ofSeconds(-2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-2S");
  }

  @Test
  void toStringShowsTheOptions() {
    assertThat(defaults.terminate(true).toString())
        .isEqualTo("RevokeOptions[terminate=true, signal=SIGTERM, wait=false, timeout=null]");
  }
}
