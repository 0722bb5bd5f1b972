package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  /** The result backend's default is Celery's Backend.retry_policy (celery/backends/base.py). */
  @Test
  void theDefaultIsCelerysBackendRetryPolicy() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.maxRetries()).isEqualTo(20);
    assertThat(p.intervalStart()).isZero();
    assertThat(p.intervalStep()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.intervalMax()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p)
        .hasToString(
            "retry_policy{max_retries=20, interval_start=0, interval_step=1, interval_max=1}");
  }

  /** Publishing defaults to task_publish_retry_policy (celery/app/defaults.py). */
  @Test
  void publishingDefaultsToTaskPublishRetryPolicy() {
    RetryPolicy p = RetryPolicy.publishDefaults();
    assertThat(p.maxRetries()).isEqualTo(3);
    assertThat(p.intervalStart()).isZero();
    assertThat(p.intervalStep()).isEqualTo(ms(200));
    assertThat(p.intervalMax()).isEqualTo(ms(200));
  }

  /**
   * The pauses are kombu's fxrange(interval_start, interval_max + interval_start, interval_step,
   * repeatlast=True) (kombu/utils/functional.py retry_over_time): Celery's default pauses 0 s, then
   * 1 s each time.
   */
  @Test
  void thePausesGrowByTheStepUpToTheMaximumAsKombusFxrange() {
    assertThat(IntStream.range(0, 4).mapToObj(RetryPolicy.defaults()::interval))
        .containsExactly(
            Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    RetryPolicy odd =
        RetryPolicy.defaults().intervalStart(ms(500)).intervalStep(ms(300)).intervalMax(ms(1000));
    // list(itertools.islice(fxrange(0.5, 1.5, 0.3, repeatlast=True), 6))
    assertThat(IntStream.range(0, 6).mapToObj(odd::interval))
        .containsExactly(ms(500), ms(800), ms(1100), ms(1400), ms(1400), ms(1400));
    RetryPolicy flat = RetryPolicy.defaults().intervalStart(ms(50)).intervalStep(Duration.ZERO);
    assertThat(flat.interval(7)).isEqualTo(ms(50));
  }

  /** Bad settings are refused with the Celery name of the setting. */
  @Test
  void badSettingsNameTheSetting() {
    assertThatThrownBy(() -> RetryPolicy.defaults().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_retries");
    assertThatThrownBy(() -> RetryPolicy.defaults().intervalStep(ms(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interval_step");
    assertThatThrownBy(() -> RetryPolicy.defaults().intervalMax(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interval_max");
    assertThatThrownBy(() -> RetryPolicy.defaults().interval(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Withers copy: the defaults never change. */
  @Test
  void withersReturnCopies() {
    RetryPolicy changed = RetryPolicy.defaults().maxRetries(3);
    assertThat(changed.maxRetries()).isEqualTo(3);
    assertThat(RetryPolicy.defaults().maxRetries()).isEqualTo(20);
    assertThat(changed)
        .isEqualTo(RetryPolicy.defaults().maxRetries(3))
        .isNotEqualTo(RetryPolicy.defaults());
  }
}
