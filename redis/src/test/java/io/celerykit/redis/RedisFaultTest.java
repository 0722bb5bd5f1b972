package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.celerykit.redis.testing.RedisProbe;
import io.celerykit.redis.testing.RedisServerProcess;
import io.celerykit.result.GetOptions;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import io.celerykit.wire.CeleryJson;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Redis that stops and starts again under a {@link RedisResultBackend}: lost connections are
 * retried with the retry policy (celery/backends/redis.py RedisBackend.ensure and
 * ResultConsumer.reconnect_on_error), then reported naming the URL and the task; a Redis that is
 * back is used again and nothing given to the backend is lost. Each test has its own Redis.
 */
@Tag("real-celery")
class RedisFaultTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private RedisServerProcess redis;
  private ExecutorService threads;

  @BeforeEach
  void startRedis() {
    redis = RedisServerProcess.start();
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stopRedis() {
    threads.shutdownNow();
    redis.close();
  }

  private RedisResultBackend backend(RetryPolicy policy) {
    return RedisResultBackend.create(
        RedisCeleryConfig.defaults().brokerUrl(redis.url()).retryPolicy(policy));
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  private static TaskMeta success(String id, Object value) {
    return TaskMeta.builder(id, TaskState.SUCCESS)
        .result(value)
        .dateDone(Instant.parse("2026-11-24T10:00:00Z"))
        .build();
  }

  private void awaitSubscribed(String channel) {
    try (RedisProbe probe = RedisProbe.connect(redis.url())) {
      await().atMost(WAIT).until(() -> probe.subscribers(channel) == 1);
    }
  }

  /**
   * A Redis stopped mid-wait ends the wait, after max_retries retries, with an error naming the URL
   * and the task id (E_RETRY_LIMIT_EXCEEDED); the Redis started again serves the same backend.
   */
  @Test
  void aRedisStoppedMidWaitEndsTheWaitAfterTheRetries() {
    RetryPolicy policy =
        RetryPolicy.defaults()
            .maxRetries(3)
            .intervalStep(Duration.ofMillis(300))
            .intervalMax(Duration.ofSeconds(1));
    String id = newId();
    try (RedisResultBackend backend = backend(policy)) {
      backend.store(TaskMeta.builder(id, TaskState.STARTED).build());
      CompletableFuture<TaskMeta> waiting =
          CompletableFuture.supplyAsync(() -> backend.waitFor(id, GetOptions.defaults()), threads);
      awaitSubscribed(backend.keyForTask(id));

      long stoppedAt = System.nanoTime();
      redis.stop();

      assertThat(waiting)
          .failsWithin(WAIT)
          .withThrowableThat()
          .havingCause()
          .isInstanceOf(RedisBackendException.class)
          .withMessageContaining(redis.url())
          .withMessageContaining(id)
          .withMessageContaining("after 3 retries")
          .withMessageContaining("max_retries=3");
      Duration took = Duration.ofNanos(System.nanoTime() - stoppedAt);
      assertThat(took)
          .as("four attempts, 0 + 0.3 + 0.6 s apart (kombu's retry_over_time)")
          .isBetween(Duration.ofMillis(850), Duration.ofSeconds(10));

      redis.startAgain();
      backend.store(success(id, "after restart"));
      assertThat(backend.getTaskMeta(id).result()).isEqualTo("after restart");
      assertThat(backend.waitFor(id, GetOptions.defaults().timeout(WAIT)).result())
          .isEqualTo("after restart");
    }
  }

  /**
   * A wait outlives a short outage: once Redis is back it subscribes again and re-reads the key
   * (ResultConsumer._reconnect_pubsub), so a result stored while it was away is not lost.
   */
  @Test
  void aWaitOutlivesAShortOutage() {
    String id = newId();
    try (RedisResultBackend backend = backend(RetryPolicy.defaults())) {
      CompletableFuture<TaskMeta> waiting =
          CompletableFuture.supplyAsync(
              () -> backend.waitFor(id, GetOptions.defaults().timeout(WAIT)), threads);
      awaitSubscribed(backend.keyForTask(id));

      redis.stop();
      redis.startAgain();
      TaskMeta done = success(id, 42);
      try (RedisProbe probe = RedisProbe.connect(redis.url())) {
        // Stored as a worker would, before the backend has subscribed again.
        probe.commands().set(backend.keyForTask(id), CeleryJson.writeTaskMeta(done));
      }

      assertThat(waiting.join()).isEqualTo(done);
    }
  }

  /**
   * A store made while Redis is down is retried until Redis is back and then lands, and a waiter of
   * the same task hears of it: nothing given to the backend is lost.
   */
  @Test
  void aStoreDuringAnOutageLandsOnceRedisIsBack() {
    String id = newId();
    try (RedisResultBackend backend = backend(RetryPolicy.defaults());
        RedisResultBackend other = backend(RetryPolicy.defaults())) {
      CompletableFuture<TaskMeta> waiting =
          CompletableFuture.supplyAsync(
              () -> other.waitFor(id, GetOptions.defaults().timeout(WAIT)), threads);
      awaitSubscribed(other.keyForTask(id));
      redis.stop();

      CompletableFuture<Void> storing =
          CompletableFuture.runAsync(() -> backend.store(success(id, "kept")), threads);
      try (RedisResultBackend impatient = backend(RetryPolicy.defaults().maxRetries(0))) {
        assertThatThrownBy(() -> impatient.getTaskMeta(id))
            .as("Redis is down")
            .isInstanceOf(RedisBackendException.class);
      }
      assertThat(storing).as("the store is being retried").isNotDone();
      redis.startAgain();

      storing.join();
      assertThat(backend.getTaskMeta(id).result()).isEqualTo("kept");
      assertThat(waiting.join().result()).isEqualTo("kept");
    }
  }
}
