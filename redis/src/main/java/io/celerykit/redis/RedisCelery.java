package io.celerykit.redis;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.CanvasElement;
import io.celerykit.app.Celery;
import io.celerykit.internal.Checks;
import io.celerykit.redis.protocol.CeleryEncoder;
import io.celerykit.redis.protocol.KombuRedis;
import io.celerykit.redis.protocol.ProtocolSettings;
import io.celerykit.redis.protocol.Publication;
import io.celerykit.redis.protocol.ResultShape;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.Control;
import io.celerykit.result.ResultBase;
import io.lettuce.core.resource.ClientResources;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * celerykit's Redis engine: the {@link Celery} API against a real Celery 5.2.6 whose broker and
 * result backend are Redis. Everything is sent as Celery 5.2.6 sends it (the encoders of {@link
 * io.celerykit.redis.protocol}, checked byte for byte against Celery's own): tasks as protocol-2
 * messages over kombu's Redis transport, the canvas (signatures, groups with a chosen id, chains,
 * chords, nested) with Celery's freezing of ids and the result backend's chord writes, {@code
 * link}/{@code link_error}, and revokes as pidbox broadcasts; results are read from Celery's Redis
 * result backend ({@link RedisResultBackend}).
 *
 * <pre>{@code
 * try (RedisCelery celery = RedisCelery.connect("redis://127.0.0.1:6379/0")) {
 *   AsyncResult<Integer> sum = celery.sendTask("tasks.add", 2, 3);
 *   int five = sum.get(Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>Results are bound to this app: {@code revoke()} broadcasts through its {@link #control()},
 * {@code GroupResult.save()} writes to its backend. Waiting needs no subscription made at send time
 * (Celery's {@code on_task_call} subscribes then): a wait reads the result, subscribes to its key's
 * channel and reads it again, and the worker stores a state before it publishes it (one
 * MULTI/EXEC), so a state stored before the subscription is read and one stored after is heard.
 * What the wait cannot give is an {@code on_message} call for a state that a newer one replaced
 * before the wait began.
 *
 * <p>Not in Celery 5.2.6, so not here: {@code revoke_by_stamped_headers} (Celery 5.3) and revokes
 * that wait for the workers' replies ({@code reply=True}); both throw {@link
 * UnsupportedOperationException} saying so.
 *
 * <p>Thread-safe; {@link #close()} closes its connections.
 */
public final class RedisCelery implements Celery {
  private final RedisCeleryConfig config;
  private final ClientResources resources;
  private final RedisResultBackend backend;
  private final TaskPublisher publisher;
  private final CeleryEncoder encoder;
  private final Control control;

  private RedisCelery(RedisCeleryConfig config, TaskPublisher publisher) {
    this(config, publisher, settings -> CeleryEncoder.create(settings, Clock.systemUTC()));
  }

  /** With the encoder made from the settings by a test (fixed ids and clock). */
  RedisCelery(
      RedisCeleryConfig config,
      TaskPublisher publisher,
      Function<ProtocolSettings, CeleryEncoder> encoders) {
    this.config = config;
    this.resources = LettuceResources.create();
    try {
      this.backend = RedisResultBackend.create(config, resources);
      this.publisher =
          publisher != null ? publisher : new RedisTaskPublisher(config, resources, backend);
    } catch (RuntimeException e) {
      LettuceResources.shutdown(resources);
      throw e;
    }
    this.encoder = encoders.apply(protocolSettings(config));
    this.control = new RedisControl(encoder, this.publisher);
  }

  /** What the messages need of the settings: the default queue, the TTL, the broker's db. */
  static ProtocolSettings protocolSettings(RedisCeleryConfig config) {
    Duration ttl = config.resultExpires();
    return ProtocolSettings.defaults()
        .defaultQueue(config.taskDefaultQueue())
        .resultExpires(ttl == null ? Duration.ZERO : ttl)
        .transport(KombuRedis.defaults().db(RedisUrls.database(config.brokerUrl())));
  }

  /**
   * Connects to a Redis that is both broker and result backend, the other settings at their
   * defaults. Nothing is sent until the first task or read, so Redis need not be up yet.
   *
   * @param url a {@code redis://} or {@code rediss://} URL, such as {@code
   *     redis://127.0.0.1:6379/0}
   * @return the engine
   * @throws IllegalArgumentException when the URL is not a Redis URL
   */
  public static RedisCelery connect(String url) {
    return create(RedisCeleryConfig.defaults().brokerUrl(url));
  }

  /**
   * Creates the engine with the settings.
   *
   * @param config the settings, with Celery's names
   * @return the engine
   */
  public static RedisCelery create(RedisCeleryConfig config) {
    return new RedisCelery(Objects.requireNonNull(config, "config"), null);
  }

  /**
   * Creates the engine with its own publisher of what is sent (to look at it, or to send it
   * elsewhere): it gets every command, the result backend's chord writes included; results are
   * still read from the config's result backend. The engine closes the publisher.
   *
   * @param config the settings
   * @param publisher executes the commands of each sending
   * @return the engine
   */
  public static RedisCelery create(RedisCeleryConfig config, TaskPublisher publisher) {
    return new RedisCelery(
        Objects.requireNonNull(config, "config"), Objects.requireNonNull(publisher, "publisher"));
  }

  /**
   * Returns the settings.
   *
   * @return the config
   */
  public RedisCeleryConfig config() {
    return config;
  }

  /**
   * Returns the result backend ({@code app.backend}): Celery's Redis result backend.
   *
   * @return the backend
   */
  @Override
  public RedisResultBackend backend() {
    return backend;
  }

  /**
   * Returns {@code app.control}: {@code revoke} broadcasts on the workers' pidbox with {@code
   * reply=False}; {@code revoke_by_stamped_headers} throws (Celery 5.3).
   *
   * @return the control
   */
  @Override
  public Control control() {
    return control;
  }

  /**
   * Sends a task by name, as Celery's {@code app.send_task(name, args=[...], kwargs=...,
   * **options)}: the queue's binding, then one protocol-2 message pushed onto the queue's list
   * ({@code queue}, else {@code task_default_queue}; the list of its priority step with {@code
   * priority}), with every option of {@link ApplyOptions} ({@code countdown}/{@code eta}, {@code
   * expires}, {@code headers}, {@code link}/{@code link_error}, time limits, {@code shadow}, {@code
   * ignore_result}). The task need not be known here: the worker that consumes the queue runs it.
   * With {@code ignore_result} the returned result is {@link AsyncResult#ignored()}, as Celery's.
   *
   * @throws IllegalArgumentException for a blank name or null arguments
   * @throws io.celerykit.wire.EncodeException when a value is not JSON-serializable (kombu's {@code
   *     EncodeError}), naming it
   * @throws RedisBackendException when the broker stays unreachable
   */
  @Override
  public <T> AsyncResult<T> sendTask(
      String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    Checks.requireNonBlank(name, "task name");
    Checks.requireNonNull(args, "args (List.of() for none)");
    Checks.requireNonNull(kwargs, "kwargs (Map.of() for none)");
    Checks.requireNonNull(options, "options (ApplyOptions.defaults() for none)");
    Publication p = encoder.sendTask(name, args, kwargs, options);
    publisher.execute(p.commands());
    // Celery's send_task makes AsyncResult(task_id): its name is what the backend stores (None
    // without result_extended), not the name sent.
    return task((ResultShape.Task) p.result());
  }

  /**
   * Sends a canvas element with partial arguments, as its {@code apply_async(args)} in Celery
   * 5.2.6: a signature as {@code Signature.apply_async}; a group's members, each with the group's
   * id (the chosen one, or a new one), not saved (as {@code group.apply_async}); a chain with its
   * steps frozen and linked; a chord as {@code chord.run} (header members, the result backend's
   * {@code set_chord_size}, and the header's {@code GroupResult.save} when its results nest a
   * group, as the Redis backend's {@code apply_chord}); nested elements as Celery nests them.
   *
   * @return an {@link AsyncResult} whose parents lead back through a chain (a chord's to its
   *     header's {@link io.celerykit.result.GroupResult}), or a {@code GroupResult}, bound to this
   *     app
   * @throws IllegalArgumentException for a {@code link} on a group (Celery: use a chord) or an
   *     empty chain
   * @throws io.celerykit.wire.EncodeException when a value is not JSON-serializable
   * @throws RedisBackendException when Redis stays unreachable
   */
  @Override
  public ResultBase applyCanvas(CanvasElement element, List<?> partialArgs) {
    Checks.requireNonNull(element, "element");
    Checks.requireNonNull(partialArgs, "partialArgs (List.of() for none)");
    Publication p = encoder.applyAsync(element, partialArgs, ApplyOptions.defaults());
    publisher.execute(p.commands());
    return result(p.result());
  }

  /** The result Celery returns, bound to this app. */
  private ResultBase result(ResultShape shape) {
    if (shape instanceof ResultShape.Task task) {
      return task(task);
    }
    ResultShape.Group group = (ResultShape.Group) shape;
    List<ResultBase> members = new ArrayList<>(group.results().size());
    for (ResultShape member : group.results()) {
      members.add(result(member));
    }
    return groupResult(group.id(), members, parentOf(group));
  }

  private <T> AsyncResult<T> task(ResultShape.Task task) {
    AsyncResult<T> r = new AsyncResult<>(task.id(), null, null, this, parentOf(task));
    if (task.ignored()) {
      r.ignored(true);
    }
    return r;
  }

  private ResultBase parentOf(ResultShape shape) {
    return shape.parent() == null ? null : result(shape.parent());
  }

  /** Closes the backend's and the broker's connections and their threads. */
  @Override
  public void close() {
    try {
      publisher.close();
    } finally {
      backend.close();
      LettuceResources.shutdown(resources);
    }
  }

  /**
   * Describes the engine: its broker and backend.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "RedisCelery{broker_url="
        + RedisUrls.sanitize(config.brokerUrl())
        + ", backend="
        + backend
        + "}";
  }
}
