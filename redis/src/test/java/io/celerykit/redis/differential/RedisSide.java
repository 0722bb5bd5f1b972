package io.celerykit.redis.differential;

import static org.awaitility.Awaitility.await;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.Canvas;
import io.celerykit.app.Celery;
import io.celerykit.redis.RedisCelery;
import io.celerykit.redis.RedisCeleryConfig;
import io.celerykit.redis.testing.CeleryWorkerProcess;
import io.celerykit.redis.testing.RealCelery;
import io.celerykit.redis.testing.RedisProbe;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.RevokeOptions;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Redis engine of the comparison: a {@link RedisCelery} per profile over the suite's one Redis,
 * each profile's own real Celery worker running {@code differential_tasks.py} (the main one from
 * {@link RealCelery}, the others started here: the result_extended-off one at once in the
 * background, the prefork one when a scenario first needs it), and a plain Redis client that reads
 * what the worker stored exactly.
 */
final class RedisSide implements AutoCloseable {
  /** The Python module of the workers. */
  static final String MODULE = "differential_tasks";

  private final RealCelery celery;
  private final RedisProbe probe;
  private final Map<Profile, RedisCelery> apps = new EnumMap<>(Profile.class);
  private final Map<Profile, CompletableFuture<CeleryWorkerProcess>> workers =
      new EnumMap<>(Profile.class);
  private final Map<Capability, Boolean> supported = new ConcurrentHashMap<>();

  RedisSide(RealCelery celery) {
    this.celery = celery;
    this.probe = RedisProbe.connect(celery.url());
    workers.put(Profile.EXTENDED, CompletableFuture.completedFuture(celery.worker()));
    workers.put(Profile.PLAIN, CompletableFuture.supplyAsync(() -> startWorker(Profile.PLAIN)));
  }

  /** The main worker's settings, for {@link RealCelery#withWorker}. */
  static CeleryWorkerProcess.Builder mainWorker(CeleryWorkerProcess.Builder w) {
    return settings(w, Profile.EXTENDED);
  }

  private static CeleryWorkerProcess.Builder settings(CeleryWorkerProcess.Builder w, Profile p) {
    w.module(MODULE)
        .name(p.nodeName())
        .queues(p.queue())
        .resultExtended(p.resultExtended())
        .taskTrackStarted(false)
        .resultExpires(Profile.RESULT_EXPIRES)
        .env("DIFFERENTIAL_DEFAULT_QUEUE", p.queue());
    if (p == Profile.PREFORK) {
      w.pool(CeleryWorkerProcess.Pool.PREFORK, 1);
    }
    return w;
  }

  private CeleryWorkerProcess startWorker(Profile p) {
    return settings(CeleryWorkerProcess.builder(celery.redis()), p).start();
  }

  /** Opens a session: the profile's shared app, its worker started if it is not yet. */
  synchronized Session open(Profile profile) {
    workers.computeIfAbsent(profile, p -> CompletableFuture.completedFuture(startWorker(p))).join();
    RedisCelery app =
        apps.computeIfAbsent(
            profile,
            p ->
                RedisCelery.create(
                    RedisCeleryConfig.defaults()
                        .brokerUrl(celery.url())
                        .resultExpires(Profile.RESULT_EXPIRES)
                        .taskDefaultQueue(p.queue())));
    return new RedisSession(app);
  }

  /** Returns the last lines of every worker's log, for a failure report. */
  synchronized String workerLogs() {
    StringBuilder out = new StringBuilder();
    for (CompletableFuture<CeleryWorkerProcess> w : workers.values()) {
      if (w.isDone() && !w.isCompletedExceptionally()) {
        out.append("==== ").append(w.join()).append('\n').append(w.join().logTail(60));
      }
    }
    return out.toString();
  }

  /**
   * Tells whether the engine supports a capability: asks it once by doing the smallest such thing
   * (an {@link UnsupportedOperationException} means no).
   */
  boolean supports(Capability capability) {
    return supported.computeIfAbsent(capability, this::probe);
  }

  private boolean probe(Capability capability) {
    Celery app = open(Profile.EXTENDED).app();
    try {
      switch (capability) {
        case GROUP -> Canvas.group(app.signature("diff.add", 1, 1)).applyAsync().join(Run.WAIT);
        case CHAIN ->
            waitFor(
                Canvas.chain(app.signature("diff.add", 1, 1), app.signature("diff.add", 1))
                    .applyAsync(List.of()));
        case CHORD ->
            waitFor(
                Canvas.chord(List.of(app.signature("diff.add", 1, 1)), app.signature("diff.xsum"))
                    .applyAsync(List.of()));
        case LINK ->
            app.sendTask(
                    "diff.add",
                    List.of(1, 1),
                    Map.of(),
                    ApplyOptions.defaults().link(app.signature("diff.identity")))
                .get(Run.WAIT);
        case REVOKE ->
            app.control().revoke(List.of(UUID.randomUUID().toString()), RevokeOptions.defaults());
      }
      return true;
    } catch (UnsupportedOperationException notYet) {
      return false;
    }
  }

  private static void waitFor(ResultBase result) {
    ((AsyncResult<?>) result).get(Run.WAIT);
  }

  @Override
  public synchronized void close() {
    for (RedisCelery app : apps.values()) {
      app.close();
    }
    probe.close();
    for (Map.Entry<Profile, CompletableFuture<CeleryWorkerProcess>> w : workers.entrySet()) {
      if (w.getKey() != Profile.EXTENDED) {
        w.getValue().thenAccept(CeleryWorkerProcess::close).join();
      }
    }
  }

  private final class RedisSession implements Session {
    private final RedisCelery app;

    RedisSession(RedisCelery app) {
      this.app = app;
    }

    @Override
    public Celery app() {
      return app;
    }

    @Override
    public String taskMetaJson(String taskId) {
      return probe.commands().get(app.backend().keyForTask(taskId));
    }

    @Override
    public String groupMetaJson(String groupId) {
      return probe.commands().get(app.backend().keyForGroup(groupId));
    }

    @Override
    public String taskTimeToLive(String taskId) {
      return Normalizer.ttl(
          probe.commands().ttl(app.backend().keyForTask(taskId)), Profile.RESULT_EXPIRES);
    }

    @Override
    public String groupTimeToLive(String groupId) {
      return Normalizer.ttl(
          probe.commands().ttl(app.backend().keyForGroup(groupId)), Profile.RESULT_EXPIRES);
    }

    @Override
    public void release(String key) {
      probe.commands().lpush(key, "go");
    }

    @Override
    public void awaitState(AsyncResult<?> result, TaskState state, Duration atMost) {
      await()
          .atMost(atMost)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(10))
          .alias("redis: " + result.id() + " reaches " + state)
          .until(() -> result.state().equals(state));
    }

    @Override
    public void close() {
      // The app and its worker are shared by the suite.
    }
  }
}
