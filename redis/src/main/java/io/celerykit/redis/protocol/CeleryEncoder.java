package io.celerykit.redis.protocol;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.CanvasElement;
import io.celerykit.app.Signature;
import io.celerykit.result.RevokeOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Encodes what a Celery 5.2.6 client sends through Redis, as values: {@code app.send_task} and the
 * {@code apply_async} of signatures, groups, chains and chords become {@link Publication}s (the
 * kombu envelopes LPUSHed on the queues' lists, the result backend's chord writes, the result's
 * structure, with every id frozen as Celery freezes it); {@code app.control.revoke} and other
 * broadcasts become the {@code PUBLISH} on the pidbox fanout. Nothing is sent: the engine executes
 * the commands.
 *
 * <pre>{@code
 * CeleryEncoder encoder = CeleryEncoder.create(ProtocolSettings.defaults(), Clock.systemUTC());
 * Publication p = encoder.sendTask("tasks.add", List.of(2, 3), Map.of(), ApplyOptions.defaults());
 * p.commands();   // [SADD _kombu.binding.celery ..., LPUSH celery {"body": "...", ...}]
 * }</pre>
 *
 * <p>Thread-safe: the only state is the pidbox's Lamport clock (the {@code clock} header), an
 * atomic counter, and the id sources, which must be thread-safe themselves (the default is {@link
 * UUID#randomUUID()}).
 */
public final class CeleryEncoder {
  private final ProtocolSettings settings;
  private final Clock clock;
  private final Supplier<String> ids;
  private final Supplier<String> deliveryTags;
  private final String replyTo;
  private final AtomicLong lamportClock;

  private CeleryEncoder(
      ProtocolSettings settings,
      Clock clock,
      Supplier<String> ids,
      Supplier<String> deliveryTags,
      String replyTo,
      AtomicLong lamportClock) {
    this.settings = settings;
    this.clock = clock;
    this.ids = ids;
    this.deliveryTags = deliveryTags;
    this.replyTo = replyTo;
    this.lamportClock = lamportClock;
  }

  /**
   * Makes an encoder: random uuid4 ids and delivery tags as kombu makes them, a {@code reply_to} of
   * its own unless the settings give one, time from the clock ({@code app.now()}, the pidbox's
   * {@code time()}).
   *
   * @param settings the client's configuration
   * @param clock the clock
   * @return the encoder
   */
  public static CeleryEncoder create(ProtocolSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    Supplier<String> uuid4 = () -> UUID.randomUUID().toString();
    String replyTo = settings.replyTo() != null ? settings.replyTo() : UUID.randomUUID().toString();
    return new CeleryEncoder(settings, clock, uuid4, uuid4, replyTo, new AtomicLong());
  }

  /**
   * Returns an encoder that takes task and group ids from a source ({@code kombu.utils.uuid.uuid},
   * called in the order Celery calls it), for deterministic tests.
   *
   * @param source a thread-safe source of ids
   * @return the new encoder (the same pidbox clock)
   */
  public CeleryEncoder ids(Supplier<String> source) {
    Objects.requireNonNull(source, "ids");
    return new CeleryEncoder(settings, clock, source, deliveryTags, replyTo, lamportClock);
  }

  /**
   * Returns an encoder that takes kombu's {@code delivery_tag}s from a source.
   *
   * @param source a thread-safe source of tags
   * @return the new encoder (the same pidbox clock)
   */
  public CeleryEncoder deliveryTags(Supplier<String> source) {
    Objects.requireNonNull(source, "deliveryTags");
    return new CeleryEncoder(settings, clock, ids, source, replyTo, lamportClock);
  }

  /**
   * Returns the settings.
   *
   * @return the settings
   */
  public ProtocolSettings settings() {
    return settings;
  }

  /**
   * Returns the {@code reply_to} every message carries (Celery's {@code app.thread_oid}).
   *
   * @return the value
   */
  public String replyTo() {
    return replyTo;
  }

  private PyApp app() {
    return new PyApp(settings, clock, ids, deliveryTags, replyTo);
  }

  private static Publication publication(PyApp app, PyResult result) {
    if (result == null) {
      throw new IllegalArgumentException(
          "the canvas holds no task (an empty chain), so Celery would send nothing and return"
              + " None; give it at least one signature");
    }
    return new Publication(app.commands, app.messages, app.envelopes, result.toShape());
  }

  /**
   * Encodes {@code app.send_task(name, args=args, kwargs=kwargs, **options)}.
   *
   * @param name the task name
   * @param args the positional arguments, a Python list ({@code argsrepr} {@code [2, 3]})
   * @param kwargs the keyword arguments
   * @param options {@code apply_async}'s options
   * @return the commands and the result
   * @throws io.celerykit.wire.EncodeException for a value kombu's JSON cannot write (its {@code
   *     EncodeError})
   */
  public Publication sendTask(
      String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    return sendTask(name, args, kwargs, options, SendOptions.defaults());
  }

  /**
   * Encodes {@code app.send_task(...)} with the keywords {@link ApplyOptions} lacks ({@code
   * root_id}, {@code parent_id}, {@code group_id}, ...: what a worker sets when a task sends
   * another).
   *
   * @param name the task name
   * @param args the positional arguments, a Python list
   * @param kwargs the keyword arguments
   * @param options {@code apply_async}'s options
   * @param more the other keywords
   * @return the commands and the result
   * @throws io.celerykit.wire.EncodeException for a value kombu's JSON cannot write (its {@code
   *     EncodeError})
   */
  public Publication sendTask(
      String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options, SendOptions more) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("task name must be a non-blank string, got " + name);
    }
    Objects.requireNonNull(args, "args (use List.of() for none)");
    Objects.requireNonNull(kwargs, "kwargs (use Map.of() for none)");
    Objects.requireNonNull(options, "options (use ApplyOptions.defaults())");
    Objects.requireNonNull(more, "more (use SendOptions.defaults())");
    PyValues.requireSerializable(args, "the arguments of " + name);
    PyValues.requireSerializable(kwargs, "the keyword arguments of " + name);
    PyApp app = app();
    Map<String, Object> keywords = new CanvasImport(app).options(options);
    keywords.putAll(more.keywords());
    PyResult result = app.sendTask(name, new ArrayList<>(args), copy(kwargs), keywords);
    return publication(app, result);
  }

  private static Map<String, Object> copy(Map<String, ?> map) {
    return new LinkedHashMap<>(map);
  }

  /**
   * Encodes the {@code apply_async(args, **options)} of a canvas element: a signature, a group
   * ({@code task_id} is the group id; {@code link} is refused as in Celery), a chain ({@code
   * task_id} is the last step's; {@code link} goes to the last step, {@code link_error} to every
   * step, the other options to the first) or a chord ({@code task_id} is the body's).
   *
   * @param element the element
   * @param partialArgs arguments prepended to those of the tasks the element starts with
   * @param options {@code apply_async}'s options for the call
   * @return the commands and the result
   * @throws IllegalArgumentException for a link on a group
   * @throws io.celerykit.wire.EncodeException for a value kombu's JSON cannot write
   */
  public Publication applyAsync(CanvasElement element, List<?> partialArgs, ApplyOptions options) {
    return applyAsync(element, partialArgs, options, SendOptions.defaults());
  }

  /**
   * Encodes the {@code apply_async(args, **options)} of a canvas element with the keywords {@link
   * ApplyOptions} lacks, such as {@code root_id}; they go where Celery sends the call's options
   * (every member of a group, the first step of a chain, the body and the header of a chord).
   *
   * @param element the element
   * @param partialArgs arguments prepended to those of the tasks the element starts with
   * @param options {@code apply_async}'s options for the call
   * @param more the other keywords
   * @return the commands and the result
   * @throws IllegalArgumentException for a link on a group
   * @throws io.celerykit.wire.EncodeException for a value kombu's JSON cannot write
   */
  public Publication applyAsync(
      CanvasElement element, List<?> partialArgs, ApplyOptions options, SendOptions more) {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(partialArgs, "partialArgs (use List.of() for none)");
    Objects.requireNonNull(options, "options (use ApplyOptions.defaults())");
    Objects.requireNonNull(more, "more (use SendOptions.defaults())");
    PyValues.requireSerializable(partialArgs, "the partial arguments");
    PyApp app = app();
    CanvasImport canvas = new CanvasImport(app);
    PySignature sig = canvas.element(element);
    Map<String, Object> keywords = canvas.options(options);
    keywords.putAll(more.keywords());
    PyResult result = sig.applyAsync(PyTuple.of(partialArgs), new LinkedHashMap<>(), keywords);
    return publication(app, result);
  }

  /**
   * Returns a signature as Celery serializes one inside a message ({@code dict(sig)}), before any
   * freezing: {@code {"task", "args", "kwargs", "options", "subtask_type": null, "immutable"}}. A
   * Celery 5.2.6 signature has no {@code chord_size} key.
   *
   * @param signature the signature
   * @return an unmodifiable map, in Celery's key order
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> signatureDict(Signature signature) {
    Objects.requireNonNull(signature, "signature");
    return (Map<String, Object>) PyValues.snapshot(new CanvasImport(app()).signature(signature));
  }

  /**
   * Encodes {@code app.control.revoke(task_id, terminate=..., signal=...)} for one id: a broadcast
   * of {@code {"method": "revoke", "arguments": {"task_id": id, "terminate": ..., "signal": ...},
   * "destination": null, "pattern": null, "matcher": null}}.
   *
   * @param taskId the id
   * @param options terminate, signal and the broadcast timeout ({@code expires} header)
   * @return the {@code PUBLISH}
   * @throws IllegalArgumentException when the options wait for replies ({@code reply=True})
   */
  public RedisCommand revoke(String taskId, RevokeOptions options) {
    if (taskId == null || taskId.isBlank()) {
      throw new IllegalArgumentException("task id must be a non-blank string, got " + taskId);
    }
    return revokeAny(taskId, options);
  }

  /**
   * Encodes {@code app.control.revoke([id, ...], ...)}: the ids go as a list.
   *
   * @param taskIds the ids
   * @param options terminate, signal and the broadcast timeout
   * @return the {@code PUBLISH}
   * @throws IllegalArgumentException when the options wait for replies ({@code reply=True})
   */
  public RedisCommand revoke(List<String> taskIds, RevokeOptions options) {
    Objects.requireNonNull(taskIds, "taskIds");
    for (String id : taskIds) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("task ids must be non-blank strings, got " + taskIds);
      }
    }
    return revokeAny(List.copyOf(taskIds), options);
  }

  private RedisCommand revokeAny(Object taskId, RevokeOptions options) {
    Objects.requireNonNull(options, "options (use RevokeOptions.defaults())");
    if (options.waitForReplies()) {
      throw new IllegalArgumentException(
          "revoke with waitForReplies (reply=True) needs the pidbox reply queue, which this"
              + " encoder does not build; send it without waiting for replies");
    }
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("task_id", taskId);
    arguments.put("terminate", options.terminate());
    arguments.put("signal", options.signal());
    Duration timeout = options.timeout() == null ? Duration.ofSeconds(1) : options.timeout();
    return pidbox(arguments, "revoke", null, timeout);
  }

  /**
   * Encodes {@code app.control.broadcast(command, arguments, destination, reply=False,
   * timeout=...)}: the {@code PUBLISH} on {@code /<db>.<control_exchange>.pidbox}, whose headers
   * carry the Lamport {@code clock} and {@code expires} ({@code time() + timeout}).
   *
   * @param command the control command, such as {@code "revoke"} or {@code "rate_limit"}
   * @param arguments its keyword arguments
   * @param destination the node names to address, or null for all workers
   * @param timeout the broadcast timeout (Celery's default is one second), zero for none
   * @return the {@code PUBLISH}
   */
  public RedisCommand broadcast(
      String command, Map<String, ?> arguments, List<String> destination, Duration timeout) {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("command must be a non-blank string, got " + command);
    }
    Objects.requireNonNull(arguments, "arguments (use Map.of() for none)");
    Objects.requireNonNull(timeout, "timeout (Celery's default is Duration.ofSeconds(1))");
    PyValues.requireSerializable(arguments, "the arguments of " + command);
    return pidbox(
        new LinkedHashMap<>(arguments),
        command,
        destination == null ? null : List.copyOf(destination),
        timeout);
  }

  /** kombu's {@code Mailbox._publish(type, arguments, destination)} with reply=False. */
  private RedisCommand pidbox(
      Map<String, Object> arguments, String method, List<String> destination, Duration timeout) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("method", method);
    message.put("arguments", arguments);
    message.put("destination", destination);
    message.put("pattern", null);
    message.put("matcher", null);
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("clock", lamportClock.incrementAndGet());
    headers.put("expires", timeout.isZero() ? (Object) 0 : now() + seconds(timeout));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("delivery_mode", 2);
    String exchange = settings.controlExchange() + ".pidbox";
    Envelope envelope =
        Envelope.prepare(
            KombuJson.dumps(message),
            "application/json",
            "utf-8",
            headers,
            properties,
            0,
            exchange,
            "",
            deliveryTags.get());
    return settings.transport().putFanout(exchange, "", envelope.toJson());
  }

  /** Python's {@code time.time()} for the clock's instant. */
  private double now() {
    Instant t = clock.instant();
    long nanos = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    return nanos % 1_000_000_000L == 0 ? (double) (nanos / 1_000_000_000L) : nanos / 1e9;
  }

  private static double seconds(Duration d) {
    return PyValues.seconds(d).doubleValue();
  }
}
