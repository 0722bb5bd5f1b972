package io.celerykit.redis.protocol;

import java.util.List;
import java.util.Objects;

/**
 * kombu's Redis transport as a client sees it ({@code kombu.transport.redis.Channel}): how a queue
 * and a priority name the list a message is pushed on, how a fanout exchange names the channel a
 * broadcast is published on, and the binding table a queue declaration writes. Immutable; the
 * defaults are kombu 5.2.4's, which Celery 5.2.6 keeps for Redis.
 *
 * <pre>{@code
 * KombuRedis kombu = KombuRedis.defaults();
 * kombu.queueKey("celery", 5);                    // "celery\x06\x163"
 * kombu.fanoutChannel("celery.pidbox", "");       // "/0.celery.pidbox"
 * }</pre>
 */
public final class KombuRedis {
  private static final KombuRedis DEFAULTS =
      new KombuRedis(0, "", "/{db}.", true, "\u0006\u0016", List.of(0, 3, 6, 9));

  /** kombu's {@code keyprefix_queue}: the set of an exchange's bindings. */
  private static final String BINDING_PREFIX = "_kombu.binding.";

  private final int db;
  private final String globalKeyprefix;
  private final String fanoutPrefix;
  private final boolean fanoutPatterns;
  private final String sep;
  private final List<Integer> prioritySteps;

  private KombuRedis(
      int db,
      String globalKeyprefix,
      String fanoutPrefix,
      boolean fanoutPatterns,
      String sep,
      List<Integer> prioritySteps) {
    this.db = db;
    this.globalKeyprefix = globalKeyprefix;
    this.fanoutPrefix = fanoutPrefix;
    this.fanoutPatterns = fanoutPatterns;
    this.sep = sep;
    this.prioritySteps = prioritySteps;
  }

  /**
   * Returns kombu's defaults: database 0, no global key prefix, {@code fanout_prefix=True} ({@code
   * /{db}.}), {@code fanout_patterns=True}, {@code sep='\x06\x16'}, {@code priority_steps=[0, 3, 6,
   * 9]}.
   *
   * @return the defaults
   */
  public static KombuRedis defaults() {
    return DEFAULTS;
  }

  /**
   * Sets the Redis database of the broker URL ({@code redis://host:6379/3}), which the fanout
   * prefix names.
   *
   * @param db a database number, 0 or more
   * @return the new settings
   */
  public KombuRedis db(int db) {
    if (db < 0) {
      throw new IllegalArgumentException(
          "the Redis database must be 0 or more (redis://host:6379/<db>), got " + db);
    }
    return new KombuRedis(db, globalKeyprefix, fanoutPrefix, fanoutPatterns, sep, prioritySteps);
  }

  /**
   * Sets the {@code global_keyprefix} transport option: a prefix kombu puts before every key and
   * channel it writes.
   *
   * @param prefix the prefix, empty for none
   * @return the new settings
   */
  public KombuRedis globalKeyprefix(String prefix) {
    Objects.requireNonNull(prefix, "global_keyprefix (use \"\" for none)");
    return new KombuRedis(db, prefix, fanoutPrefix, fanoutPatterns, sep, prioritySteps);
  }

  /**
   * Sets the {@code fanout_prefix} transport option: true prefixes fanout channels with {@code
   * /<db>.} (kombu's default since 4.0), false leaves them bare as kombu 3 did.
   *
   * @param enabled whether to prefix
   * @return the new settings
   */
  public KombuRedis fanoutPrefix(boolean enabled) {
    return new KombuRedis(
        db, globalKeyprefix, enabled ? "/{db}." : "", fanoutPatterns, sep, prioritySteps);
  }

  /**
   * Sets the {@code fanout_prefix} transport option to a custom prefix; {@code {db}} in it becomes
   * the database number, as kombu formats it.
   *
   * @param prefix the prefix, such as {@code "/{db}."}
   * @return the new settings
   */
  public KombuRedis fanoutPrefix(String prefix) {
    Objects.requireNonNull(prefix, "fanout_prefix");
    return new KombuRedis(db, globalKeyprefix, prefix, fanoutPatterns, sep, prioritySteps);
  }

  /**
   * Sets the {@code fanout_patterns} transport option: when true a routing key is part of the
   * fanout channel ({@code /0.exchange/routing.key}).
   *
   * @param enabled whether routing keys name channels
   * @return the new settings
   */
  public KombuRedis fanoutPatterns(boolean enabled) {
    return new KombuRedis(db, globalKeyprefix, fanoutPrefix, enabled, sep, prioritySteps);
  }

  /**
   * Sets the {@code sep} transport option, which joins a queue and its priority step and the parts
   * of a binding.
   *
   * @param sep the separator
   * @return the new settings
   */
  public KombuRedis sep(String sep) {
    if (sep == null || sep.isEmpty()) {
      throw new IllegalArgumentException("sep must be a non-empty string, got " + sep);
    }
    return new KombuRedis(db, globalKeyprefix, fanoutPrefix, fanoutPatterns, sep, prioritySteps);
  }

  /**
   * Sets the {@code priority_steps} transport option: the priorities that have a list of their own.
   *
   * @param steps ascending priorities, such as {@code List.of(0, 3, 6, 9)}
   * @return the new settings
   */
  public KombuRedis prioritySteps(List<Integer> steps) {
    if (steps == null || steps.isEmpty()) {
      throw new IllegalArgumentException(
          "priority_steps must list at least one priority, such as [0, 3, 6, 9], got " + steps);
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i) == null || steps.get(i - 1) == null || steps.get(i) < steps.get(i - 1)) {
        throw new IllegalArgumentException(
            "priority_steps must be ascending integers, such as [0, 3, 6, 9], got " + steps);
      }
    }
    return new KombuRedis(
        db, globalKeyprefix, fanoutPrefix, fanoutPatterns, sep, List.copyOf(steps));
  }

  /**
   * Returns the database number.
   *
   * @return the db
   */
  public int db() {
    return db;
  }

  /**
   * Returns {@code global_keyprefix}.
   *
   * @return the prefix, empty for none
   */
  public String globalKeyprefix() {
    return globalKeyprefix;
  }

  /**
   * Returns {@code fanout_prefix} as configured, {@code {db}} unexpanded; empty when disabled.
   *
   * @return the prefix
   */
  public String fanoutPrefix() {
    return fanoutPrefix;
  }

  /**
   * Returns {@code fanout_patterns}.
   *
   * @return whether routing keys name channels
   */
  public boolean fanoutPatterns() {
    return fanoutPatterns;
  }

  /**
   * Returns {@code sep}.
   *
   * @return the separator
   */
  public String sep() {
    return sep;
  }

  /**
   * Returns {@code priority_steps}.
   *
   * @return an unmodifiable list
   */
  public List<Integer> prioritySteps() {
    return prioritySteps;
  }

  /**
   * Returns the priority step a message priority lands on, as kombu's {@code priority(n)} after
   * {@code _get_message_priority}: clamped to 0..9, then the highest step not above it.
   *
   * @param priority the message's priority property
   * @return the step, such as 3 for priority 5
   */
  public int priorityStep(int priority) {
    int clamped = Math.max(Math.min(priority, 9), 0);
    int bisect = 0; // bisect.bisect_right(steps, clamped)
    while (bisect < prioritySteps.size() && prioritySteps.get(bisect) <= clamped) {
      bisect++;
    }
    int index = bisect - 1;
    return prioritySteps.get(index < 0 ? prioritySteps.size() + index : index); // Python's [-1]
  }

  /**
   * Returns the list a message of a priority is pushed on, as kombu's {@code _q_for_pri}: the queue
   * name, followed by {@code sep} and the step when the step is not 0; {@code global_keyprefix}
   * included.
   *
   * @param queue the queue name
   * @param priority the message priority
   * @return the Redis key
   */
  public String queueKey(String queue, int priority) {
    int step = priorityStep(priority);
    return globalKeyprefix + (step != 0 ? queue + sep + step : queue);
  }

  /**
   * Returns the channel a fanout exchange publishes on, as kombu's {@code _get_publish_topic}:
   * {@code /<db>.<exchange>}, with {@code /<routing key>} when patterns are on and the key is not
   * empty; {@code global_keyprefix} included.
   *
   * @param exchange the exchange name, such as {@code "celery.pidbox"}
   * @param routingKey the routing key, empty for none
   * @return the channel
   */
  public String fanoutChannel(String exchange, String routingKey) {
    String prefix = fanoutPrefix.replace("{db}", Integer.toString(db));
    String topic =
        routingKey != null && !routingKey.isEmpty() && fanoutPatterns
            ? prefix + exchange + "/" + routingKey
            : prefix + exchange;
    return globalKeyprefix + topic;
  }

  /**
   * Returns the set of an exchange's bindings, as kombu's {@code keyprefix_queue % exchange}.
   *
   * @param exchange the exchange name
   * @return the Redis key, {@code global_keyprefix} included
   */
  public String bindingKey(String exchange) {
    return globalKeyprefix + BINDING_PREFIX + exchange;
  }

  /**
   * Returns the member a binding adds to {@link #bindingKey}: routing key, pattern and queue joined
   * by {@code sep}.
   *
   * @param routingKey the routing key
   * @param pattern the pattern, empty for none
   * @param queue the queue
   * @return the member
   */
  public String bindingMember(String routingKey, String pattern, String queue) {
    return String.join(sep, nz(routingKey), nz(pattern), nz(queue));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** The {@code SADD} of kombu's {@code _queue_bind}. */
  RedisCommand queueBind(String exchange, String routingKey, String queue) {
    return RedisCommand.of(
        RedisCommand.Purpose.QUEUE_BINDING,
        "SADD",
        bindingKey(exchange),
        bindingMember(routingKey, "", queue));
  }

  /** The {@code LPUSH} of kombu's {@code _put}. */
  RedisCommand put(String queue, int priority, String envelopeJson) {
    return RedisCommand.of(
        RedisCommand.Purpose.TASK_MESSAGE, "LPUSH", queueKey(queue, priority), envelopeJson);
  }

  /** The {@code PUBLISH} of kombu's {@code _put_fanout}. */
  RedisCommand putFanout(String exchange, String routingKey, String envelopeJson) {
    return RedisCommand.of(
        RedisCommand.Purpose.CONTROL_BROADCAST,
        "PUBLISH",
        fanoutChannel(exchange, routingKey),
        envelopeJson);
  }
}
