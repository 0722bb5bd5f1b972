package io.celerykit.redis.differential;

import io.celerykit.app.Celery;
import io.celerykit.app.CeleryConfig;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.TaskState;
import io.celerykit.wire.CeleryJson;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The in-memory engine of the comparison: a fresh {@link InMemoryCelery} per run, with the {@link
 * DifferentialTwins} and the profile's settings; what it stores read through {@code CeleryJson}.
 */
final class InMemorySide {

  /** Returns the app's settings for a profile, matched to the real worker's. */
  static CeleryConfig config(Profile profile) {
    return CeleryConfig.defaults()
        .resultExtended(profile.resultExtended())
        .taskTrackStarted(false)
        .resultExpires(Profile.RESULT_EXPIRES)
        .hostname(profile.hostname())
        .defaultQueue(profile.queue());
  }

  /** Opens a session on a new app. */
  Session open(Profile profile) {
    InMemoryCelery app = InMemoryCelery.create(config(profile));
    DifferentialTwins.register(app);
    return new InMemorySession(app);
  }

  private static final class InMemorySession implements Session {
    private final InMemoryCelery app;

    InMemorySession(InMemoryCelery app) {
      this.app = app;
    }

    @Override
    public Celery app() {
      return app;
    }

    @Override
    public String taskMetaJson(String taskId) {
      return app.backend().exists(taskId)
          ? CeleryJson.writeTaskMeta(app.backend().getTaskMeta(taskId))
          : null;
    }

    @Override
    public String groupMetaJson(String groupId) {
      return app.backend().restoreGroup(groupId).map(CeleryJson::writeGroupMeta).orElse(null);
    }

    @Override
    public String taskTimeToLive(String taskId) {
      return timeToLive(id -> app.backend().exists(id), taskId);
    }

    @Override
    public String groupTimeToLive(String groupId) {
      return timeToLive(id -> app.backend().restoreGroup(id).isPresent(), groupId);
    }

    /**
     * Probes the expiry on the virtual clock: there {@link Normalizer#TTL_SLACK} before {@code
     * result_expires} from now, gone one second after it, reported as {@link Normalizer#ttl}
     * reports a Redis TTL.
     */
    private String timeToLive(Predicate<String> present, String id) {
      if (!present.test(id)) {
        return Normalizer.ttl(-2, Profile.RESULT_EXPIRES);
      }
      Instant now = app.clock().instant();
      Duration early = Profile.RESULT_EXPIRES.minus(Normalizer.TTL_SLACK);
      app.clock().advanceTo(now.plus(early));
      if (!present.test(id)) {
        return "gone before " + early.toSeconds() + " s (result_expires is 600 s)";
      }
      app.clock().advanceTo(now.plus(Profile.RESULT_EXPIRES).plusSeconds(1));
      if (present.test(id)) {
        return "still there after 601 s (result_expires is 600 s)";
      }
      return Normalizer.ttl(Profile.RESULT_EXPIRES.toSeconds(), Profile.RESULT_EXPIRES);
    }

    @Override
    public void release(String key) {
      // The twin of a blocking task takes virtual time; waiting on it drives the clock.
    }

    @Override
    public void awaitState(AsyncResult<?> result, TaskState state, Duration atMost) {
      Instant deadline = app.clock().instant().plus(atMost);
      while (!result.state().equals(state)) {
        if (app.clock().instant().isAfter(deadline) || !app.worker().step()) {
          throw new AssertionError(
              "in memory, "
                  + result.id()
                  + " did not reach "
                  + state
                  + " within "
                  + atMost
                  + " of virtual time; it is "
                  + result.state());
        }
      }
    }

    @Override
    public void close() {
      app.close();
    }
  }
}
