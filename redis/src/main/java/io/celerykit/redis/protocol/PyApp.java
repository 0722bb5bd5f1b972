package io.celerykit.redis.protocol;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Celery app of one sending, as the canvas port sees it: {@code uuid()}, {@code app.now()},
 * {@code app.thread_oid}, {@code app.send_task} down to kombu's Redis {@code _put} (through {@code
 * AMQP.as_task_v2}, {@code send_task_message}, {@code Producer.publish} and the virtual channel),
 * and the two writes of the Redis result backend a client makes for a chord. Everything sent is
 * recorded, in order, instead of being sent. One per {@link Publication}: kombu declares each queue
 * once per connection, and a publication stands for a fresh one.
 */
final class PyApp {
  final ProtocolSettings settings;
  final String threadOid;
  private final Clock clock;
  private final Supplier<String> ids;
  private final Supplier<String> deliveryTags;

  final List<RedisCommand> commands = new ArrayList<>();
  final List<TaskMessage> messages = new ArrayList<>();
  final List<Envelope> envelopes = new ArrayList<>();
  private final Set<String> declaredQueues = new HashSet<>();

  PyApp(
      ProtocolSettings settings,
      Clock clock,
      Supplier<String> ids,
      Supplier<String> deliveryTags,
      String threadOid) {
    this.settings = settings;
    this.clock = clock;
    this.ids = ids;
    this.deliveryTags = deliveryTags;
    this.threadOid = threadOid;
  }

  /** {@code kombu.utils.uuid.uuid()}: the next id from the encoder's source. */
  String uuid() {
    String id = ids.get();
    if (id == null || id.isBlank()) {
      throw new IllegalStateException("the id source gave a blank id: " + id);
    }
    return id;
  }

  /** {@code app.now()}: the clock's instant in Celery's timezone. */
  PyDateTime now() {
    Instant now = clock.instant();
    return new PyDateTime(now, settings.timezone().getRules().getOffset(now));
  }

  /** A queue as Celery's router resolves a name ({@code task_create_missing_queues}). */
  record QueueRef(String name) {}

  private static Object pop(Map<String, Object> m, String key) {
    return m.remove(key);
  }

  private static Object pop(Map<String, Object> m, String key, Object absent) {
    return m.containsKey(key) ? m.remove(key) : absent;
  }

  /** Celery's {@code maybe_list}: None stays None, a list stays, anything else becomes [it]. */
  static Object maybeList(Object value) {
    if (value == null || value instanceof List<?>) {
      return value;
    }
    List<Object> one = new ArrayList<>(1);
    one.add(value);
    return one;
  }

  /**
   * Celery's {@code app.send_task(name, args, kwargs, **options)}.
   *
   * @param args a {@link PyTuple} (from a signature) or a {@link List} (as the caller passed it)
   */
  PyResult sendTask(
      String name, Object args, Map<String, Object> kwargs, Map<String, Object> opts) {
    Map<String, Object> options = new LinkedHashMap<>(opts);
    Object countdown = pop(options, "countdown");
    Object eta = pop(options, "eta");
    Object taskId = pop(options, "task_id");
    for (String ignored :
        List.of(
            "producer",
            "connection",
            "router",
            "result_cls",
            "publisher",
            "add_to_parent",
            "route_name",
            "task_type")) {
      pop(options, ignored);
    }
    Object expires = pop(options, "expires");
    Object link = pop(options, "link");
    Object linkError = pop(options, "link_error");
    Object groupId = pop(options, "group_id");
    Object groupIndex = pop(options, "group_index");
    Object retries = pop(options, "retries", 0);
    Object chord = pop(options, "chord");
    Object replyTo = pop(options, "reply_to");
    Object timeLimit = pop(options, "time_limit");
    Object softTimeLimit = pop(options, "soft_time_limit");
    Object rootId = pop(options, "root_id");
    Object parentId = pop(options, "parent_id");
    Object shadow = pop(options, "shadow");
    Object chain = pop(options, "chain");

    String id = PyValues.truthy(taskId) ? (String) taskId : uuid();
    Object ignoreResult = pop(options, "ignore_result", Boolean.FALSE);
    options = route(options);
    if (expires != null) {
      Number expiresS;
      if (expires instanceof PyDateTime at) {
        expiresS = at.secondsSince(now());
      } else {
        expiresS = (Number) expires;
      }
      if (expiresS.doubleValue() < 0) {
        expiresS = 0;
      }
      options.put("expiration", expiresS);
    }
    TaskMessage message =
        asTaskV2(
            id,
            name,
            args,
            kwargs,
            countdown,
            eta,
            (String) groupId,
            (Integer) groupIndex,
            expires,
            retries,
            chord,
            maybeList(link),
            maybeList(linkError),
            PyValues.truthy(replyTo) ? (String) replyTo : threadOid,
            (Number) timeLimit,
            (Number) softTimeLimit,
            (String) rootId,
            (String) parentId,
            (String) shadow,
            chain,
            ignoreResult,
            (String) options.get("argsrepr"),
            (String) options.get("kwargsrepr"));
    sendTaskMessage(message, options);
    PyResult result = PyResult.task(id);
    result.ignored = PyValues.truthy(ignoreResult);
    return result;
  }

  /** Celery's {@code Router.route} without {@code task_routes}: the queue, else the default. */
  private Map<String, Object> route(Map<String, Object> options) {
    Object queue = options.remove("queue");
    if (PyValues.truthy(queue)) {
      options.put("queue", queue instanceof QueueRef q ? q : new QueueRef((String) queue));
    }
    if (options.containsKey("queue")) {
      return options;
    }
    // lpmerge({'queue': default}, options): None values of options are dropped
    Map<String, Object> merged = new LinkedHashMap<>();
    merged.put("queue", new QueueRef(settings.defaultQueue()));
    for (Map.Entry<String, Object> e : options.entrySet()) {
      if (e.getValue() != null) {
        merged.put(e.getKey(), e.getValue());
      }
    }
    return merged;
  }

  /** Celery's {@code AMQP.as_task_v2}. */
  private TaskMessage asTaskV2(
      String id,
      String name,
      Object args,
      Map<String, Object> kwargs,
      Object countdown,
      Object eta,
      String groupId,
      Integer groupIndex,
      Object expires,
      Object retries,
      Object chord,
      Object callbacks,
      Object errbacks,
      String replyTo,
      Number timeLimit,
      Number softTimeLimit,
      String rootId,
      String parentId,
      String shadow,
      Object chain,
      Object ignoreResult,
      String argsrepr,
      String kwargsrepr) {
    if (PyValues.truthy(countdown)) {
      eta = now().plusMicros(PyValues.micros((Number) countdown));
    }
    if (expires instanceof Number seconds) {
      expires = now().plusMicros(PyValues.micros(seconds));
    }
    TaskMessage m =
        TaskMessage.of(id, name)
            .reprMaxsize(settings.argsreprMaxsize(), settings.kwargsreprMaxsize());
    if (args instanceof PyTuple t) {
      m = m.args(t);
    } else if (args instanceof List<?> list && !list.isEmpty()) {
      m = m.args(list);
    }
    if (kwargs != null && !kwargs.isEmpty()) {
      m = m.kwargs(kwargs);
    }
    return m.shadow(shadow)
        .eta(eta instanceof PyDateTime t ? t.isoformat() : (String) eta)
        .expires(expires instanceof PyDateTime t ? t.isoformat() : (String) expires)
        .group(groupId)
        .groupIndex(groupIndex)
        .retries(retries == null ? 0 : ((Number) retries).intValue())
        .timeLimit(timeLimit, softTimeLimit)
        .rootId(rootId)
        .parentId(parentId)
        .argsrepr(argsrepr)
        .kwargsrepr(kwargsrepr)
        .origin(settings.origin())
        .ignoreResult(ignoreResult)
        .replyTo(replyTo)
        .callbacks((List<?>) callbacks)
        .errbacks((List<?>) errbacks)
        .chain((List<?>) chain)
        .chord(chord);
  }

  /** Celery's {@code send_task_message} (for direct exchanges, the only routing celerykit has). */
  @SuppressWarnings("unchecked")
  private void sendTaskMessage(TaskMessage message, Map<String, Object> options) {
    Object exchange = pop(options, "exchange");
    Object routingKey = pop(options, "routing_key");
    QueueRef queue = (QueueRef) pop(options, "queue");
    Object deliveryMode = pop(options, "delivery_mode");
    Object headers = pop(options, "headers");
    for (String ignored :
        List.of(
            "event_dispatcher",
            "retry",
            "retry_policy",
            "serializer",
            "compression",
            "declare",
            "exchange_type")) {
      pop(options, ignored);
    }
    if (PyValues.truthy(headers)) {
      Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) headers);
      message = message.headers(merged);
    }
    Map<String, Object> properties = new LinkedHashMap<>(message.properties());
    properties.putAll(options);
    if (queue == null) {
      queue = new QueueRef(settings.defaultQueue());
    }
    if (PyValues.truthy(exchange) && PyValues.truthy(routingKey)) {
      throw new IllegalArgumentException(
          "publishing to exchange " + exchange + " is not supported; route tasks by queue");
    }
    // (not exchange or not routing_key) and exchange_type == 'direct': the anonymous exchange
    publish(message, "", queue.name(), deliveryMode, queue, properties);
  }

  /** kombu's {@code Producer.publish}, then the virtual channel's {@code basic_publish}. */
  private void publish(
      TaskMessage message,
      String exchange,
      String routingKey,
      Object deliveryMode,
      QueueRef declare,
      Map<String, Object> properties) {
    Map<String, Object> props = new LinkedHashMap<>(properties);
    Object priority = pop(props, "priority", 0);
    Object expiration = pop(props, "expiration");
    for (String named : List.of("mandatory", "immediate", "timeout")) {
      pop(props, named);
    }
    props.put("delivery_mode", deliveryMode(deliveryMode));
    if (expiration != null) {
      props.put("expiration", PyValues.millisProperty((Number) expiration));
    }
    String payload = message.bodyJson();
    KombuRedis kombu = settings.transport();
    if (declaredQueues.add(declare.name())) {
      // maybe_declare(queue) -> queue_bind(exchange=queue, routing_key=queue): the SADD
      commands.add(kombu.queueBind(declare.name(), declare.name(), declare.name()));
    }
    Envelope envelope =
        Envelope.prepare(
            payload,
            "application/json",
            "utf-8",
            message.headers(),
            props,
            priority,
            exchange,
            routingKey,
            deliveryTags.get());
    Object pri = envelope.properties().get("priority");
    int messagePriority = pri instanceof Number n ? n.intValue() : 0;
    commands.add(kombu.put(routingKey, messagePriority, envelope.toJson()));
    messages.add(message);
    envelopes.add(envelope);
  }

  /** kombu's {@code maybe_delivery_mode}. */
  private Object deliveryMode(Object mode) {
    if (!PyValues.truthy(mode)) {
      return settings.deliveryMode();
    }
    if ("persistent".equals(mode)) {
      return 2;
    }
    if ("transient".equals(mode)) {
      return 1;
    }
    return mode;
  }

  /** The Redis backend's {@code set_chord_size}: {@code set(<group key>.s, chord_size)}. */
  void setChordSize(String groupId, int chordSize) {
    backendSet(
        "celery-taskset-meta-" + groupId + ".s",
        Integer.toString(chordSize),
        RedisCommand.Purpose.CHORD_SIZE);
  }

  /** The Redis backend's {@code GroupResult.save}: {@code set(<group key>, {"result": ...})}. */
  void saveGroup(PyResult group) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("result", group.toShape().asTuple());
    backendSet(
        "celery-taskset-meta-" + group.id, KombuJson.dumps(meta), RedisCommand.Purpose.GROUP_META);
  }

  /** The Redis backend's {@code _set}: SETEX with {@code result_expires} (else SET), PUBLISH. */
  private void backendSet(String key, String value, RedisCommand.Purpose purpose) {
    long ttl = settings.resultExpires().getSeconds();
    if (ttl > 0) {
      commands.add(RedisCommand.of(purpose, "SETEX", key, Long.toString(ttl), value));
    } else {
      commands.add(RedisCommand.of(purpose, "SET", key, value));
    }
    commands.add(RedisCommand.of(purpose, "PUBLISH", key, value));
  }
}
