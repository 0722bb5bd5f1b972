package io.celerykit.redis;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.CanvasElement;
import io.celerykit.app.Celery;
import io.celerykit.app.Signature;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.Control;
import io.celerykit.result.ResultBase;
import io.celerykit.wire.CeleryJson;
import io.lettuce.core.resource.ClientResources;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * celerykit's Redis engine: the {@link Celery} API against a real Celery whose broker and result
 * backend are Redis. Tasks are sent as Celery's protocol-2 messages over kombu's Redis transport;
 * results are read from Celery's Redis result backend ({@link RedisResultBackend}).
 *
 * <pre>{@code
 * try (RedisCelery celery = RedisCelery.connect("redis://127.0.0.1:6379/0")) {
 *   AsyncResult<Integer> sum = celery.sendTask("tasks.add", 2, 3);
 *   int five = sum.get(Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * <p>Not there yet (they need the message encoders of {@code io.celerykit.redis.protocol}): the
 * canvas ({@link #applyCanvas} sends plain signatures only), {@code link}/{@code link_error}
 * callbacks, and {@link #control()}'s revoke; each throws {@link UnsupportedOperationException}
 * saying so.
 *
 * <p>Thread-safe; {@link #close()} closes its connections.
 */
public final class RedisCelery implements Celery {
  private final RedisCeleryConfig config;
  private final ClientResources resources;
  private final RedisResultBackend backend;
  private final TaskPublisher publisher;
  private final Control control = new RedisControl();
  private final Clock clock = Clock.systemUTC();
  private final String origin = anonNodename();

  /** As Celery's {@code app.thread_oid}: the reply_to of this app's messages. */
  private final String oid = UUID.randomUUID().toString();

  private RedisCelery(RedisCeleryConfig config, TaskPublisher publisher) {
    this.config = config;
    this.resources = LettuceResources.create();
    try {
      this.backend = RedisResultBackend.create(config, resources);
      this.publisher = publisher != null ? publisher : new RedisTaskPublisher(config, resources);
    } catch (RuntimeException e) {
      LettuceResources.shutdown(resources);
      throw e;
    }
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
   * Creates the engine with its own publisher of task messages (to look at what is sent, or to send
   * it elsewhere); results are still read from the config's result backend. The engine closes the
   * publisher.
   *
   * @param config the settings
   * @param publisher executes the broker commands of each message
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
   * Returns {@code app.control}; its revoke is not supported yet (see the class comment).
   *
   * @return the control
   */
  @Override
  public Control control() {
    return control;
  }

  /**
   * Sends a task by name, as Celery's {@code app.send_task}: one protocol-2 message pushed onto the
   * queue's list ({@code queue}, else {@code task_default_queue}), with {@code countdown} or {@code
   * eta}, {@code expires}, {@code headers} and {@code ignore_result}. The task need not be known
   * here: the worker that consumes the queue runs it.
   *
   * @throws UnsupportedOperationException for {@code link}/{@code link_error} (not yet)
   * @throws io.celerykit.wire.EncodeException when an argument is not JSON-serializable
   * @throws RedisBackendException when the broker stays unreachable
   */
  @Override
  public <T> AsyncResult<T> sendTask(
      String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    Args.requireNonBlank(name, "task name");
    Objects.requireNonNull(args, "args (List.of() for none)");
    Objects.requireNonNull(kwargs, "kwargs (Map.of() for none)");
    Objects.requireNonNull(options, "options (ApplyOptions.defaults() for none)");
    if (!options.link().isEmpty() || !options.linkError().isEmpty()) {
      throw new UnsupportedOperationException(
          "link and link_error callbacks of "
              + name
              + " need the message encoders of io.celerykit.redis.protocol; not supported yet");
    }
    String id = options.taskId() != null ? options.taskId() : UUID.randomUUID().toString();
    Instant now = clock.instant();
    Instant eta = options.eta();
    if (eta == null && options.countdown() != null && !options.countdown().isZero()) {
      eta = now.plus(options.countdown());
    }
    Instant expires =
        options.expiresAt() != null
            ? options.expiresAt()
            : options.expiresIn() == null ? null : now.plus(options.expiresIn());
    Map<String, Object> extraHeaders = new LinkedHashMap<>();
    for (Map.Entry<String, Object> h : options.headers().entrySet()) {
      extraHeaders.put(h.getKey(), CeleryJson.encodeValue(h.getValue()));
    }
    PlainTaskMessage.Request request =
        new PlainTaskMessage.Request(
            id,
            name,
            new ArrayList<>(args),
            new LinkedHashMap<>(kwargs),
            eta,
            expires,
            options.queue() != null ? options.queue() : config.taskDefaultQueue(),
            extraHeaders,
            Boolean.TRUE.equals(options.ignoreResult()),
            origin,
            oid);
    publisher.execute(List.of(PlainTaskMessage.encode(request)));
    return new AsyncResult<>(id, null, name, this, null);
  }

  /**
   * Sends a plain task signature ({@code sig.apply_async(partial)}): the partial arguments go
   * before the signature's own unless it is immutable. Groups, chains and chords need the message
   * encoders of {@code io.celerykit.redis.protocol} and throw {@link UnsupportedOperationException}
   * until then.
   */
  @Override
  public ResultBase applyCanvas(CanvasElement element, List<?> partialArgs) {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(partialArgs, "partialArgs");
    if (!(element instanceof Signature sig)) {
      throw new UnsupportedOperationException(
          "sending a "
              + element.getClass().getSimpleName()
              + " (group, chain, chord) needs the message encoders of io.celerykit.redis.protocol;"
              + " not supported yet: send its tasks one by one with sendTask");
    }
    List<Object> args = new ArrayList<>();
    if (!sig.immutable()) {
      args.addAll(partialArgs);
    }
    args.addAll(sig.args());
    return sendTask(sig.taskName(), args, sig.kwargs(), sig.options());
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

  /** As Celery's {@code anon_nodename()}: {@code gen<pid>@<host>}, the origin of its messages. */
  private static String anonNodename() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return "gen" + ProcessHandle.current().pid() + "@" + host;
  }
}
