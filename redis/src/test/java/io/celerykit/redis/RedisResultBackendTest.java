package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.celerykit.redis.testing.RealCelery;
import io.celerykit.redis.testing.RedisProbe;
import io.celerykit.result.GetOptions;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import io.celerykit.wire.CeleryJson;
import io.celerykit.wire.WireFormatException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link RedisResultBackend} on a real Redis, checked against what Celery's Redis backend does: its
 * keys, values, TTL, PUBLISH and pub/sub waits. A second backend plays the worker.
 */
@Tag("real-celery")
class RedisResultBackendTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Instant DONE = Instant.parse("2026-11-24T10:00:00.123456Z");

  @RegisterExtension static final RealCelery celery = RealCelery.redisOnly();

  private static RedisProbe probe;
  private static RedisResultBackend workerSide;
  private RedisResultBackend backend;
  private ExecutorService threads;

  @BeforeAll
  static void connectProbe() {
    probe = RedisProbe.connect(celery.url());
    workerSide = RedisResultBackend.connect(celery.url());
  }

  @AfterAll
  static void closeProbe() {
    workerSide.close();
    probe.close();
  }

  @BeforeEach
  void connect() {
    backend = RedisResultBackend.connect(celery.url());
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    backend.close();
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  private static TaskMeta success(String id, Object value) {
    return TaskMeta.builder(id, TaskState.SUCCESS).result(value).dateDone(DONE).build();
  }

  // ---------------------------------------------------------------- keys and values

  /** Metas live under celery-task-meta-<id> as Celery's JSON (BaseKeyValueStoreBackend). */
  @Test
  void aMetaIsStoredUnderCelerysKeyAsCelerysJson() {
    String id = newId();
    TaskMeta meta = success(id, Map.of("sum", 5));
    backend.store(meta);
    assertThat(backend.keyForTask(id)).isEqualTo("celery-task-meta-" + id);
    assertThat(probe.commands().get("celery-task-meta-" + id))
        .isEqualTo(CeleryJson.writeTaskMeta(meta))
        .startsWith("{\"status\": \"SUCCESS\", \"result\": {\"sum\": 5}, \"traceback\": null");
  }

  /** result_expires is the key's TTL, in whole seconds, as RedisBackend.set's SETEX. */
  @Test
  void theTtlOfAStoredResultIsResultExpires() {
    String id = newId();
    try (RedisResultBackend expiring =
        RedisResultBackend.create(
            RedisCeleryConfig.defaults()
                .brokerUrl(celery.url())
                .resultExpires(Duration.ofSeconds(600).plusMillis(900)))) {
      expiring.store(success(id, 1));
      assertThat(probe.commands().ttl(expiring.keyForTask(id))).isBetween(598L, 600L);
    }
    backend.store(success(id + "-default", 1));
    assertThat(probe.commands().ttl(backend.keyForTask(id + "-default")))
        .as("Celery's default result_expires, one day")
        .isBetween(86_398L, 86_400L);
  }

  /** Without result_expires a result never expires, as RedisBackend.set's plain SET. */
  @Test
  void noResultExpiresStoresWithoutTtl() {
    String id = newId();
    try (RedisResultBackend forever =
        RedisResultBackend.create(
            RedisCeleryConfig.defaults().brokerUrl(celery.url()).resultExpires(null))) {
      forever.store(success(id, 1));
      assertThat(probe.commands().ttl(forever.keyForTask(id))).isEqualTo(-1L);
    }
  }

  /**
   * A SUCCESS is final: a later FAILURE or STARTED is ignored, but a FAILURE may be replaced
   * (BaseKeyValueStoreBackend._store_result).
   */
  @Test
  void aStoreAfterSuccessIsIgnoredButOneAfterFailureIsNot() {
    String id = newId();
    TaskMeta failure =
        TaskMeta.builder(id, TaskState.FAILURE)
            .result(new RemoteTaskException("ValueError", "builtins", List.of("boom"), null))
            .dateDone(DONE)
            .build();
    backend.store(failure);
    TaskMeta done = success(id, 2);
    workerSide.store(done);
    assertThat(backend.getTaskMeta(id)).isEqualTo(done);
    workerSide.store(failure);
    backend.store(TaskMeta.builder(id, TaskState.STARTED).build());
    assertThat(backend.getTaskMeta(id)).isEqualTo(done);
  }

  /** Every store is published on the key's channel with the stored text (RedisBackend._set). */
  @Test
  void aStoreIsPublishedOnTheKeysChannel() throws InterruptedException {
    String id = newId();
    String key = backend.keyForTask(id);
    BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    StatefulRedisPubSubConnection<String, String> sub = probe.pubsub();
    try {
      sub.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
              heard.add(channel + " " + message);
            }
          });
      sub.sync().subscribe(key);
      backend.store(success(id, "published"));
      assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(key + " " + probe.commands().get(key));
    } finally {
      sub.close();
    }
  }

  /**
   * global_keyprefix comes before Celery's prefixes, with "_" unless it ends with one of ":_-."
   * (BaseKeyValueStoreBackend._add_global_keyprefix, Celery 5.3).
   */
  @Test
  void globalKeyprefixComesBeforeTheKeys() {
    String id = newId();
    try (RedisResultBackend app =
            RedisResultBackend.create(
                RedisCeleryConfig.defaults().brokerUrl(celery.url()).globalKeyprefix("myapp"));
        RedisResultBackend colon =
            RedisResultBackend.create(
                RedisCeleryConfig.defaults().brokerUrl(celery.url()).globalKeyprefix("myapp:"))) {
      app.store(success(id, 1));
      app.saveGroup(id, ResultTuple.group(id, null, List.of()));
      assertThat(probe.commands().exists("myapp_celery-task-meta-" + id)).isEqualTo(1L);
      assertThat(probe.commands().exists("myapp_celery-taskset-meta-" + id)).isEqualTo(1L);
      assertThat(colon.keyForTask(id)).isEqualTo("myapp:celery-task-meta-" + id);
      assertThat(backend.exists(id)).isFalse();
      assertThat(app.waitFor(id, GetOptions.defaults().timeout(WAIT)).result()).isEqualTo(1);
    }
  }

  /** Groups are saved under celery-taskset-meta-<id>, with the TTL, and published (_save_group). */
  @Test
  void aGroupIsSavedUnderCelerysKeyAndDeleted() {
    String groupId = newId();
    ResultTuple tuple =
        ResultTuple.group(groupId, null, List.of(ResultTuple.of("m1-" + groupId, null)));
    backend.saveGroup(groupId, tuple);
    String key = "celery-taskset-meta-" + groupId;
    assertThat(probe.commands().get(key)).isEqualTo(CeleryJson.writeGroupMeta(tuple));
    assertThat(probe.commands().ttl(key)).isBetween(86_398L, 86_400L);
    assertThat(workerSide.restoreGroup(groupId)).contains(tuple);
    backend.deleteGroup(groupId);
    assertThat(probe.commands().exists(key)).isZero();
  }

  // ---------------------------------------------------------------- malformed values

  /**
   * A key that holds something other than Celery's JSON is a WireFormatException naming the key,
   * for reads, stores (which keep the value) and waits.
   */
  @Test
  void aMalformedValueIsAWireFormatExceptionNamingTheKey() {
    String id = newId();
    String key = backend.keyForTask(id);
    probe.commands().set(key, "not json");
    assertThatThrownBy(() -> backend.getTaskMeta(id))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("Redis key " + key);
    assertThatThrownBy(() -> backend.store(success(id, 1)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining(key);
    assertThat(probe.commands().get(key)).isEqualTo("not json");
    assertThatThrownBy(() -> backend.waitFor(id, GetOptions.defaults().timeout(WAIT)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining(key);

    probe.commands().set(key, "{\"result\": 1}");
    assertThatThrownBy(() -> backend.getTaskMeta(id))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining(key)
        .hasMessageContaining("status");
  }

  /** A malformed message published while waiting ends the wait with an error naming the key. */
  @Test
  void aMalformedMessageEndsTheWait() {
    String id = newId();
    String key = backend.keyForTask(id);
    CompletableFuture<TaskMeta> waiting =
        CompletableFuture.supplyAsync(
            () -> backend.waitFor(id, GetOptions.defaults().timeout(WAIT)), threads);
    await().atMost(WAIT).until(() -> probe.subscribers(key) == 1);
    probe.commands().publish(key, "[1, 2");
    assertThat(waiting)
        .failsWithin(WAIT)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(WireFormatException.class)
        .withMessageContaining(key);
  }

  // ---------------------------------------------------------------- waiting

  /**
   * A wait that times out read the key twice (before and after subscribing) and never polled in
   * between (ResultConsumer: subscribe, then drain pub/sub messages).
   */
  @Test
  void aWaitReadsTheKeyOnlyAroundSubscribingAndNeverPolls() {
    String id = newId();
    long before = reads();
    assertThatThrownBy(
            () -> backend.waitFor(id, GetOptions.defaults().timeout(Duration.ofMillis(800))))
        .isInstanceOf(ResultTimeoutException.class)
        .hasMessageContaining(id)
        .hasMessageContaining("PENDING");
    assertThat(reads() - before).isEqualTo(2);
  }

  private static long reads() {
    String stats = probe.commands().info("commandstats");
    long total = 0;
    for (String command : List.of("get", "mget")) {
      Matcher m = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(stats);
      if (m.find()) {
        total += Long.parseLong(m.group(1));
      }
    }
    return total;
  }

  /**
   * Waits that time out one after the other on the same task (subscribe, unsubscribe, subscribe
   * again while Redis still answers the last) each end at their timeout, and the next one is woken
   * by the store (ResultConsumer.consume_from and cancel_for).
   */
  @Test
  void repeatedWaitsOnOneTaskEachEndAtTheirTimeout() {
    String id = newId();
    long start = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      assertThatThrownBy(
              () -> backend.waitFor(id, GetOptions.defaults().timeout(Duration.ofMillis(30))))
          .isInstanceOf(ResultTimeoutException.class);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    CompletableFuture<TaskMeta> last =
        CompletableFuture.supplyAsync(
            () -> backend.waitFor(id, GetOptions.defaults().timeout(WAIT)), threads);
    await().atMost(WAIT).until(() -> probe.subscribers(backend.keyForTask(id)) == 1);
    workerSide.store(success(id, "finally"));
    assertThat(last.join().result()).isEqualTo("finally");
  }

  /** A zero timeout reads once and times out at once without subscribing. */
  @Test
  void aZeroTimeoutChecksOnce() {
    String id = newId();
    assertThatThrownBy(() -> backend.waitFor(id, GetOptions.defaults().timeout(Duration.ZERO)))
        .isInstanceOf(ResultTimeoutException.class);
    backend.store(success(id, 3));
    assertThat(backend.waitFor(id, GetOptions.defaults().timeout(Duration.ZERO)).result())
        .isEqualTo(3);
  }

  /**
   * Many threads wait at once, several on the same task; each is woken by the other process's
   * PUBLISH with its own meta, and every subscription is released after.
   */
  @Test
  void severalThreadsWaitAtOnce() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(newId());
    }
    String shared = ids.get(0);
    CountDownLatch started = new CountDownLatch(10);
    List<CompletableFuture<TaskMeta>> waits = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = i < 5 ? shared : ids.get(i - 4);
      waits.add(
          CompletableFuture.supplyAsync(
              () -> {
                started.countDown();
                return backend.waitFor(id, GetOptions.defaults().timeout(WAIT));
              },
              threads));
    }
    await()
        .atMost(WAIT)
        .until(() -> ids.stream().allMatch(id -> probe.subscribers(backend.keyForTask(id)) == 1));
    for (int i = 0; i < ids.size(); i++) {
      int value = i;
      threads.execute(() -> workerSide.store(success(ids.get(value), value)));
    }
    for (int i = 0; i < 10; i++) {
      TaskMeta meta = waits.get(i).join();
      String expected = i < 5 ? shared : ids.get(i - 4);
      assertThat(meta.taskId()).isEqualTo(expected);
      assertThat(meta.result()).isEqualTo(ids.indexOf(expected));
    }
    await()
        .atMost(WAIT)
        .until(() -> ids.stream().allMatch(id -> probe.subscribers(backend.keyForTask(id)) == 0));
  }

  /**
   * iter_native over thousands of ids: those ready come first in the order given (MGET in batches),
   * the others as their PUBLISH arrives, each once.
   */
  @Test
  void iterNativeYieldsThousandsOfResultsEachOnce() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      ids.add("native-" + i + "-" + UUID.randomUUID());
    }
    List<String> readyFirst = ids.subList(0, 1200);
    for (String id : readyFirst) {
      workerSide.store(success(id, id.hashCode()));
    }
    Iterator<TaskMeta> it = backend.iterNative(ids, GetOptions.defaults().timeout(WAIT));
    List<String> yielded = new ArrayList<>();
    for (int i = 0; i < readyFirst.size(); i++) {
      yielded.add(it.next().taskId());
    }
    assertThat(yielded).containsExactlyElementsOf(readyFirst);
    threads.execute(
        () -> {
          for (String id : ids.subList(1200, 2500)) {
            workerSide.store(success(id, id.hashCode()));
          }
        });
    while (it.hasNext()) {
      TaskMeta meta = it.next();
      assertThat(meta.result()).isEqualTo(meta.taskId().hashCode());
      yielded.add(meta.taskId());
    }
    assertThat(yielded).hasSize(2500).doesNotHaveDuplicates().containsAll(ids);
  }

  /** on_interval runs once per interval while a wait lasts, until its timeout. */
  @Test
  void onIntervalRunsWhileWaiting() {
    AtomicInteger ticks = new AtomicInteger();
    assertThatThrownBy(
            () ->
                backend.waitFor(
                    newId(),
                    GetOptions.defaults()
                        .timeout(Duration.ofMillis(600))
                        .interval(Duration.ofMillis(100))
                        .onInterval(ticks::incrementAndGet)))
        .isInstanceOf(ResultTimeoutException.class);
    assertThat(ticks.get()).isBetween(4, 6);
  }

  /** Closing the backend ends a wait in progress with an error instead of leaving it hanging. */
  @Test
  void closingTheBackendEndsAWait() {
    String id = newId();
    RedisResultBackend closing = RedisResultBackend.connect(celery.url());
    CompletableFuture<TaskMeta> waiting =
        CompletableFuture.supplyAsync(() -> closing.waitFor(id, GetOptions.defaults()), threads);
    await().atMost(WAIT).until(() -> probe.subscribers(closing.keyForTask(id)) == 1);
    closing.close();
    assertThat(waiting)
        .failsWithin(WAIT)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(IllegalStateException.class)
        .withMessageContaining("closed");
  }

  // ---------------------------------------------------------------- listening

  /**
   * A listener gets another process's stores (by PUBLISH) on the backend's listener thread, and
   * this backend's own on the storing thread, each once.
   */
  @Test
  void listenersGetOtherProcessesStoresOnTheListenerThread() {
    String id = newId();
    List<String> heard = new CopyOnWriteArrayList<>();
    List<String> names = new CopyOnWriteArrayList<>();
    ResultBackend.Subscription s =
        backend.subscribe(
            id,
            m -> {
              heard.add(m.state().name());
              names.add(Thread.currentThread().getName());
            });
    workerSide.store(TaskMeta.builder(id, TaskState.STARTED).build());
    await().atMost(WAIT).until(() -> heard.size() == 1);
    backend.store(TaskMeta.builder(id, TaskState.of("PROGRESS")).build());
    assertThat(heard).containsExactly("STARTED", "PROGRESS");
    assertThat(names.get(0)).startsWith("celerykit-redis-listeners");
    assertThat(names.get(1)).isEqualTo(Thread.currentThread().getName());
    workerSide.store(success(id, 1));
    await().atMost(WAIT).until(() -> heard.size() == 3);
    s.close();
    assertThat(heard).containsExactly("STARTED", "PROGRESS", "SUCCESS");
  }
}
