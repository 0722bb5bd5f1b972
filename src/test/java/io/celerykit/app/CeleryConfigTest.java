package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CeleryConfigTest {

  @Test
  void defaultsAreCelerysDefaults() {
    CeleryConfig c = CeleryConfig.defaults();

    assertThat(c.taskTrackStarted()).as("task_track_started").isFalse();
    assertThat(c.resultExtended()).as("result_extended").isFalse();
    assertThat(c.taskAlwaysEager()).as("task_always_eager").isFalse();
    assertThat(c.taskEagerPropagates()).as("task_eager_propagates").isFalse();
    assertThat(c.taskStoreEagerResult()).as("task_store_eager_result").isFalse();
    assertThat(c.taskIgnoreResult()).as("task_ignore_result").isFalse();
    assertThat(c.resultExpires()).as("result_expires").isEqualTo(Duration.ofDays(1));
    assertThat(c.defaultRetryDelay())
        .as("Task.default_retry_delay")
        .isEqualTo(Duration.ofSeconds(180));
    assertThat(c.maxRetries()).as("Task.max_retries").isEqualTo(3);
    assertThat(c.defaultQueue()).as("task_default_queue").isEqualTo("celery");
    assertThat(c.workerMode()).isEqualTo(WorkerMode.DETERMINISTIC);
    assertThat(c.concurrency()).isPositive();
    assertThat(c.journalCapacity()).isEqualTo(10_000);
  }

  @Test
  void defaultsAreTheSameObjectEveryTime() {
    assertThat(CeleryConfig.defaults()).isSameAs(CeleryConfig.defaults());
  }

  @Test
  void withersReturnCopiesAndLeaveTheOriginalUnchanged() {
    CeleryConfig defaults = CeleryConfig.defaults();

    CeleryConfig tracked = defaults.taskTrackStarted(true);

    assertThat(tracked).isNotSameAs(defaults);
    assertThat(tracked.taskTrackStarted()).isTrue();
    assertThat(defaults.taskTrackStarted()).isFalse();
    assertThat(CeleryConfig.defaults().taskTrackStarted()).isFalse();
  }

  @Test
  void everyWitherKeepsTheOtherSettings() {
    CeleryConfig c =
        CeleryConfig.defaults()
            .taskTrackStarted(true)
            .resultExtended(true)
            .taskAlwaysEager(true)
            .taskEagerPropagates(true)
            .taskStoreEagerResult(true)
            .taskIgnoreResult(true)
            .resultExpires(Duration.ofHours(2))
            .defaultRetryDelay(Duration.ofSeconds(7))
            .maxRetries(9)
            .workerMode(WorkerMode.THREADED)
            .concurrency(5)
            .hostname("w1@example")
            .defaultQueue("reports")
            .journalCapacity(12);

    assertThat(c.taskTrackStarted()).isTrue();
    assertThat(c.resultExtended()).isTrue();
    assertThat(c.taskAlwaysEager()).isTrue();
    assertThat(c.taskEagerPropagates()).isTrue();
    assertThat(c.taskStoreEagerResult()).isTrue();
    assertThat(c.taskIgnoreResult()).isTrue();
    assertThat(c.resultExpires()).isEqualTo(Duration.ofHours(2));
    assertThat(c.defaultRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(c.maxRetries()).isEqualTo(9);
    assertThat(c.workerMode()).isEqualTo(WorkerMode.THREADED);
    assertThat(c.concurrency()).isEqualTo(5);
    assertThat(c.hostname()).isEqualTo("w1@example");
    assertThat(c.defaultQueue()).isEqualTo("reports");
    assertThat(c.journalCapacity()).isEqualTo(12);
  }

  @Test
  void switchingASettingBackOffOnlyChangesThatSetting() {
    CeleryConfig on = CeleryConfig.defaults().resultExtended(true).taskTrackStarted(true);

    CeleryConfig off = on.resultExtended(false);

    assertThat(off.resultExtended()).isFalse();
    assertThat(off.taskTrackStarted()).isTrue();
    assertThat(on.resultExtended()).isTrue();
  }

  @Test
  void nullResultExpiresKeepsResultsForever() {
    CeleryConfig c = CeleryConfig.defaults().resultExpires(null);

    assertThat(c.resultExpires()).isNull();
  }

  @Test
  void nullMaxRetriesMeansRetryForever() {
    assertThat(CeleryConfig.defaults().maxRetries(null).maxRetries()).isNull();
    assertThat(CeleryConfig.defaults().maxRetries(0).maxRetries()).isZero();
  }

  @Test
  void zeroDefaultRetryDelayIsAllowed() {
    assertThat(CeleryConfig.defaults().defaultRetryDelay(Duration.ZERO).defaultRetryDelay())
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void zeroOrNegativeResultExpiresIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> CeleryConfig.defaults().resultExpires(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("result_expires")
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> CeleryConfig.defaults().resultExpires(Duration.ofSeconds(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-5S");
  }

  @Test
  void negativeRetryDelayIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> CeleryConfig.defaults().defaultRetryDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default_retry_delay")
        .hasMessageContaining("PT-1S");
  }

  @Test
  void negativeMaxRetriesIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> CeleryConfig.defaults().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_retries")
        .hasMessageContaining("-1");
  }

  @Test
  void concurrencyBelowOneIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> CeleryConfig.defaults().concurrency(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concurrency")
        .hasMessageContaining("got 0");
  }

  @Test
  void blankHostnameAndQueueAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> CeleryConfig.defaults().hostname("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hostname");
    assertThatThrownBy(() -> CeleryConfig.defaults().hostname(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> CeleryConfig.defaults().defaultQueue(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("queue");
  }

  @Test
  void negativeJournalCapacityIsRejectedNamingTheValue() {
    assertThatThrownBy(() -> CeleryConfig.defaults().journalCapacity(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("journal capacity")
        .hasMessageContaining("-5");
  }

  @Test
  void nullWorkerModeAndRetryDelayAreRejected() {
    assertThatThrownBy(() -> CeleryConfig.defaults().workerMode(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("mode");
    assertThatThrownBy(() -> CeleryConfig.defaults().defaultRetryDelay(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delay");
  }

  @Test
  void aRejectedValueLeavesTheConfigUsable() {
    CeleryConfig c = CeleryConfig.defaults().maxRetries(5);

    assertThatThrownBy(() -> c.maxRetries(-3)).isInstanceOf(IllegalArgumentException.class);

    assertThat(c.maxRetries()).isEqualTo(5);
  }

  @Test
  void toStringUsesCelerysSettingNames() {
    String text = CeleryConfig.defaults().taskTrackStarted(true).toString();

    assertThat(text)
        .contains("task_track_started=true")
        .contains("result_extended=false")
        .contains("task_always_eager=false")
        .contains("result_expires=PT24H")
        .contains("default_retry_delay=PT3M")
        .contains("max_retries=3");
  }

  @Test
  void taskOptionsRejectBadValuesNamingThem() {
    assertThatThrownBy(() -> TaskOptions.defaults().maxRetries(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-2");
    assertThatThrownBy(() -> TaskOptions.defaults().defaultRetryDelay(Duration.ofMillis(-10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-0.01S");
    assertThatThrownBy(() -> TaskOptions.defaults().defaultRetryDelay((Duration) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
  }

  @Test
  void taskOptionsDefaultToTrailAndFollowTheApp() {
    TaskOptions o = TaskOptions.defaults();
    CeleryConfig c = CeleryConfig.defaults().maxRetries(7).defaultRetryDelay(Duration.ofSeconds(9));

    assertThat(o.trail()).isTrue();
    assertThat(o.maxRetries(c)).isEqualTo(7);
    assertThat(o.defaultRetryDelay(c)).isEqualTo(Duration.ofSeconds(9));
    assertThat(o.ignoreResult(c.taskIgnoreResult(true))).isTrue();
    assertThat(o.trackStarted(c.taskTrackStarted(true))).isTrue();
  }

  @Test
  void taskOptionsOverrideTheApp() {
    TaskOptions o =
        TaskOptions.defaults()
            .trail(false)
            .maxRetries((Integer) null)
            .defaultRetryDelay(Duration.ofSeconds(1))
            .ignoreResult(false)
            .trackStarted(false);
    CeleryConfig c = CeleryConfig.defaults().taskIgnoreResult(true).taskTrackStarted(true);

    assertThat(o.trail()).isFalse();
    assertThat(o.maxRetries(c)).isNull();
    assertThat(o.defaultRetryDelay(c)).isEqualTo(Duration.ofSeconds(1));
    assertThat(o.ignoreResult(c)).isFalse();
    assertThat(o.trackStarted(c)).isFalse();
  }
}
