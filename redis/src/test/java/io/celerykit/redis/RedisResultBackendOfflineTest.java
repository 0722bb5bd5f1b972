package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@link RedisResultBackend} whose Redis cannot be reached (a loopback port nobody listens on):
 * every operation is retried with the retry policy, then fails naming the URL and the id, as
 * Celery's RedisBackend.ensure gives up with E_RETRY_LIMIT_EXCEEDED; nothing hangs.
 */
class RedisResultBackendOfflineTest {
  private static final RetryPolicy QUICK =
      RetryPolicy.defaults().maxRetries(2).intervalStep(Duration.ofMillis(20));

  private String url;
  private RedisResultBackend backend;

  @BeforeEach
  void connectToNothing() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    url = "redis://:hunter2@127.0.0.1:" + port + "/0";
    backend =
        RedisResultBackend.create(
            RedisCeleryConfig.defaults()
                .brokerUrl(url)
                .retryPolicy(QUICK)
                .redisSocketConnectTimeout(Duration.ofSeconds(2)));
  }

  @AfterEach
  void close() {
    backend.close();
  }

  /** Creating the backend connects to nothing yet, as Celery's lazy client. */
  @Test
  void creatingTheBackendDoesNotConnect() {
    assertThat(backend.url()).isEqualTo(RedisUrls.sanitize(url)).doesNotContain("hunter2");
    assertThat(backend.keyForTask("t1")).isEqualTo("celery-task-meta-t1");
    assertThat(backend.keyForGroup("g1")).isEqualTo("celery-taskset-meta-g1");
  }

  /** A read fails after max_retries retries, naming the URL (password masked) and the task. */
  @Test
  void aReadFailsAfterTheRetriesNamingTheUrlAndTheTask() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> backend.getTaskMeta("task-1"))
        .isInstanceOfSatisfying(
            RedisBackendException.class,
            e -> {
              assertThat(e.url()).isEqualTo(backend.url());
              assertThat(e.id()).isEqualTo("task-1");
              assertThat(e.getCause()).isNotNull();
            })
        .hasMessageContaining(backend.url())
        .hasMessageContaining("read the result of task task-1")
        .hasMessageContaining("after 2 retries")
        .hasMessageNotContaining("hunter2");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  /** Stores, waits, subscriptions and groups fail the same way, each naming its id. */
  @Test
  void everyOperationFailsTheSameWay() {
    assertThatThrownBy(() -> backend.store(TaskMeta.success("task-2", 1)))
        .isInstanceOf(RedisBackendException.class)
        .hasMessageContaining("store the result of task task-2");
    assertThatThrownBy(() -> backend.waitFor("task-3", GetOptions.defaults()))
        .isInstanceOf(RedisBackendException.class)
        .hasMessageContaining("task task-3");
    assertThatThrownBy(() -> backend.iterNative(List.of("a", "b"), GetOptions.defaults()))
        .isInstanceOf(RedisBackendException.class)
        .hasMessageContaining("2 tasks (first: a)");
    assertThatThrownBy(() -> backend.subscribe("task-4", m -> {}))
        .isInstanceOf(RedisBackendException.class)
        .hasMessageContaining("task-4");
    assertThatThrownBy(() -> backend.saveGroup("g-1", ResultTuple.group("g-1", null, List.of())))
        .isInstanceOf(RedisBackendException.class)
        .hasMessageContaining("save group g-1");
    assertThatThrownBy(() -> backend.exists("task-5")).isInstanceOf(RedisBackendException.class);
    assertThatThrownBy(() -> backend.forget("task-6")).isInstanceOf(RedisBackendException.class);
  }

  /** Bad ids are refused before anything is sent. */
  @Test
  void badIdsAreRefusedAtOnce() {
    assertThatThrownBy(() -> backend.getTaskMeta(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task id");
    assertThatThrownBy(() -> backend.restoreGroup(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group id");
    assertThatThrownBy(() -> backend.iterNative(List.of("ok", ""), GetOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A closed backend refuses work instead of retrying. */
  @Test
  void aClosedBackendRefusesWork() {
    backend.close();
    assertThatThrownBy(() -> backend.getTaskMeta("task-7"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    backend.close();
  }

  /** A connection URL that is not Redis's is refused, naming result_backend. */
  @Test
  void aUrlThatIsNotRedisIsRefused() {
    assertThatThrownBy(() -> RedisResultBackend.connect("http://127.0.0.1:6379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis://");
  }
}
