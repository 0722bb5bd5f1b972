package io.celerykit.redis.protocol;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The parts of a Celery client's configuration that shape the messages it sends: {@code
 * task_default_queue}, the {@code origin} node name, {@code reply_to}, {@code timezone}, {@code
 * result_expires}, {@code control_exchange}, {@code task_default_delivery_mode}, the reprs' maximum
 * sizes and kombu's Redis transport options. Immutable; every wither returns a copy; the defaults
 * are Celery 5.2.6's.
 *
 * <pre>{@code
 * ProtocolSettings s = ProtocolSettings.defaults()
 *     .defaultQueue("jobs")
 *     .transport(KombuRedis.defaults().db(3));
 * }</pre>
 */
public final class ProtocolSettings {
  private static final ProtocolSettings DEFAULTS =
      new ProtocolSettings(
          "celery",
          null,
          null,
          ZoneId.of("UTC"),
          Duration.ofDays(1),
          "celery",
          2,
          1024,
          1024,
          KombuRedis.defaults());

  private final String defaultQueue;
  private final String origin;
  private final String replyTo;
  private final ZoneId timezone;
  private final Duration resultExpires;
  private final String controlExchange;
  private final int deliveryMode;
  private final int argsreprMaxsize;
  private final int kwargsreprMaxsize;
  private final KombuRedis transport;

  private ProtocolSettings(
      String defaultQueue,
      String origin,
      String replyTo,
      ZoneId timezone,
      Duration resultExpires,
      String controlExchange,
      int deliveryMode,
      int argsreprMaxsize,
      int kwargsreprMaxsize,
      KombuRedis transport) {
    this.defaultQueue = defaultQueue;
    this.origin = origin;
    this.replyTo = replyTo;
    this.timezone = timezone;
    this.resultExpires = resultExpires;
    this.controlExchange = controlExchange;
    this.deliveryMode = deliveryMode;
    this.argsreprMaxsize = argsreprMaxsize;
    this.kwargsreprMaxsize = kwargsreprMaxsize;
    this.transport = transport;
  }

  /**
   * Returns Celery 5.2.6's defaults: queue {@code celery}, origin {@code gen<pid>@<hostname>}, a
   * random {@code reply_to} per encoder, UTC, results kept a day, control exchange {@code celery},
   * persistent delivery, reprs cut at 1024 characters, kombu's Redis defaults.
   *
   * @return the defaults
   */
  public static ProtocolSettings defaults() {
    return DEFAULTS;
  }

  private ProtocolSettings copy(
      String defaultQueue,
      String origin,
      String replyTo,
      ZoneId timezone,
      Duration resultExpires,
      String controlExchange,
      int deliveryMode,
      int argsreprMaxsize,
      int kwargsreprMaxsize,
      KombuRedis transport) {
    return new ProtocolSettings(
        defaultQueue,
        origin,
        replyTo,
        timezone,
        resultExpires,
        controlExchange,
        deliveryMode,
        argsreprMaxsize,
        kwargsreprMaxsize,
        transport);
  }

  private static String text(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must be a non-blank string, got " + value);
    }
    return value;
  }

  /**
   * Sets {@code task_default_queue}: where a task without a queue goes.
   *
   * @param queue the queue name
   * @return the new settings
   */
  public ProtocolSettings defaultQueue(String queue) {
    return copy(
        text(queue, "task_default_queue"),
        origin,
        replyTo,
        timezone,
        resultExpires,
        controlExchange,
        deliveryMode,
        argsreprMaxsize,
        kwargsreprMaxsize,
        transport);
  }

  /**
   * Sets the {@code origin} header of every task message (Celery's {@code anon_nodename()}).
   *
   * @param nodeName the node name, such as {@code gen4242@billing-1}
   * @return the new settings
   */
  public ProtocolSettings origin(String nodeName) {
    return copy(
        defaultQueue,
        text(nodeName, "origin"),
        replyTo,
        timezone,
        resultExpires,
        controlExchange,
        deliveryMode,
        argsreprMaxsize,
        kwargsreprMaxsize,
        transport);
  }

  /**
   * Sets the {@code reply_to} property and option (Celery's per-thread {@code app.thread_oid}).
   *
   * @param oid the value
   * @return the new settings
   */
  public ProtocolSettings replyTo(String oid) {
    return copy(
        defaultQueue,
        origin,
        text(oid, "reply_to"),
        timezone,
        resultExpires,
        controlExchange,
        deliveryMode,
        argsreprMaxsize,
        kwargsreprMaxsize,
        transport);
  }

  /**
   * Sets Celery's {@code timezone}: the offset in which an {@code eta} or {@code expires} computed
   * from a countdown is written.
   *
   * @param zone the zone
   * @return the new settings
   */
  public ProtocolSettings timezone(ZoneId zone) {
    Objects.requireNonNull(zone, "timezone");
    return copy(
        defaultQueue,
        origin,
        replyTo,
        zone,
        resultExpires,
        controlExchange,
        deliveryMode,
        argsreprMaxsize,
        kwargsreprMaxsize,
        transport);
  }

  /**
   * Sets {@code result_expires}: the time to live of the keys the result backend writes; {@link
   * Duration#ZERO} for none (then {@code SET} instead of {@code SETEX}).
   *
   * @param ttl the time to live, whole seconds count
   * @return the new settings
   */
  public ProtocolSettings resultExpires(Duration ttl) {
    Objects.requireNonNull(ttl, "result_expires (use Duration.ZERO for none)");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("result_expires must not be negative, got " + ttl);
    }
    return copy(
        defaultQueue,
        origin,
        replyTo,
        timezone,
        ttl,
        controlExchange,
        deliveryMode,
        argsreprMaxsize,
        kwargsreprMaxsize,
        transport);
  }

  /**
   * Sets {@code control_exchange}: broadcasts go to the fanout exchange {@code <name>.pidbox}.
   *
   * @param name the name
   * @return the new settings
   */
  public ProtocolSettings controlExchange(String name) {
    return copy(
        defaultQueue,
        origin,
        replyTo,
        timezone,
        resultExpires,
        text(name, "control_exchange"),
        deliveryMode,
        argsreprMaxsize,
        kwargsreprMaxsize,
        transport);
  }

  /**
   * Sets {@code task_default_delivery_mode}: 2 ({@code persistent}) or 1 ({@code transient}).
   *
   * @param mode 1 or 2
   * @return the new settings
   */
  public ProtocolSettings deliveryMode(int mode) {
    if (mode != 1 && mode != 2) {
      throw new IllegalArgumentException(
          "delivery_mode must be 2 (persistent) or 1 (transient), got " + mode);
    }
    return copy(
        defaultQueue,
        origin,
        replyTo,
        timezone,
        resultExpires,
        controlExchange,
        mode,
        argsreprMaxsize,
        kwargsreprMaxsize,
        transport);
  }

  /**
   * Sets the lengths at which {@code argsrepr} and {@code kwargsrepr} are cut ({@code
   * AMQP.argsrepr_maxsize}, {@code kwargsrepr_maxsize}).
   *
   * @param args the maximum for {@code argsrepr}, positive
   * @param kwargs the maximum for {@code kwargsrepr}, positive
   * @return the new settings
   */
  public ProtocolSettings reprMaxsize(int args, int kwargs) {
    if (args <= 0 || kwargs <= 0) {
      throw new IllegalArgumentException(
          "repr sizes must be positive (Celery's default is 1024), got " + args + ", " + kwargs);
    }
    return copy(
        defaultQueue,
        origin,
        replyTo,
        timezone,
        resultExpires,
        controlExchange,
        deliveryMode,
        args,
        kwargs,
        transport);
  }

  /**
   * Sets kombu's Redis transport options ({@code broker_transport_options} and the URL's database).
   *
   * @param kombu the transport settings
   * @return the new settings
   */
  public ProtocolSettings transport(KombuRedis kombu) {
    Objects.requireNonNull(kombu, "transport");
    return copy(
        defaultQueue,
        origin,
        replyTo,
        timezone,
        resultExpires,
        controlExchange,
        deliveryMode,
        argsreprMaxsize,
        kwargsreprMaxsize,
        kombu);
  }

  /**
   * Returns {@code task_default_queue}.
   *
   * @return the queue name
   */
  public String defaultQueue() {
    return defaultQueue;
  }

  /**
   * Returns the {@code origin} node name: the one set, or {@code gen<pid>@<hostname>} as Celery's
   * {@code anon_nodename()} makes it.
   *
   * @return the node name
   */
  public String origin() {
    return origin != null ? origin : AnonNodename.VALUE;
  }

  /**
   * Returns the {@code reply_to} set, or null when each encoder makes its own.
   *
   * @return the value, or null
   */
  public String replyTo() {
    return replyTo;
  }

  /**
   * Returns {@code timezone}.
   *
   * @return the zone
   */
  public ZoneId timezone() {
    return timezone;
  }

  /**
   * Returns {@code result_expires}.
   *
   * @return the time to live, {@link Duration#ZERO} for none
   */
  public Duration resultExpires() {
    return resultExpires;
  }

  /**
   * Returns {@code control_exchange}.
   *
   * @return the name
   */
  public String controlExchange() {
    return controlExchange;
  }

  /**
   * Returns {@code task_default_delivery_mode} as kombu writes it.
   *
   * @return 2 (persistent) or 1 (transient)
   */
  public int deliveryMode() {
    return deliveryMode;
  }

  /**
   * Returns the maximum length of {@code argsrepr}.
   *
   * @return the length
   */
  public int argsreprMaxsize() {
    return argsreprMaxsize;
  }

  /**
   * Returns the maximum length of {@code kwargsrepr}.
   *
   * @return the length
   */
  public int kwargsreprMaxsize() {
    return kwargsreprMaxsize;
  }

  /**
   * Returns kombu's Redis transport settings.
   *
   * @return the settings
   */
  public KombuRedis transport() {
    return transport;
  }

  /** Celery's {@code anon_nodename()}: {@code gen<pid>@<hostname>}, computed once. */
  private static final class AnonNodename {
    static final String VALUE = "gen" + ProcessHandle.current().pid() + "@" + hostname();

    private static String hostname() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "localhost";
      }
    }
  }
}
