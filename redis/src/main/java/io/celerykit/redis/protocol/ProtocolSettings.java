package io.celerykit.redis.protocol;

import io.celerykit.internal.Checks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Consumer;

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
  private static final ProtocolSettings DEFAULTS = new ProtocolSettings(new Builder());

  /** The settings' values, copied and changed by each wither; Celery 5.2.6's defaults. */
  private static final class Builder implements Cloneable {
    String defaultQueue = "celery";
    String origin;
    String replyTo;
    ZoneId timezone = ZoneId.of("UTC");
    Duration resultExpires = Duration.ofDays(1);
    String controlExchange = "celery";
    int deliveryMode = 2;
    int argsreprMaxsize = 1024;
    int kwargsreprMaxsize = 1024;
    KombuRedis transport = KombuRedis.defaults();

    Builder copy() {
      try {
        return (Builder) clone();
      } catch (CloneNotSupportedException impossible) {
        throw new AssertionError(impossible);
      }
    }
  }

  /** Never changed after construction: each wither changes a copy. */
  private final Builder values;

  private ProtocolSettings(Builder values) {
    this.values = values;
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

  /** A copy with one change: a new keyword is one builder field, one wither and one accessor. */
  private ProtocolSettings with(Consumer<Builder> change) {
    Builder b = values.copy();
    change.accept(b);
    return new ProtocolSettings(b);
  }

  /**
   * Sets {@code task_default_queue}: where a task without a queue goes.
   *
   * @param queue the queue name
   * @return the new settings
   */
  public ProtocolSettings defaultQueue(String queue) {
    return with(b -> b.defaultQueue = Checks.requireNonBlank(queue, "task_default_queue"));
  }

  /**
   * Sets the {@code origin} header of every task message (Celery's {@code anon_nodename()}).
   *
   * @param nodeName the node name, such as {@code gen4242@billing-1}
   * @return the new settings
   */
  public ProtocolSettings origin(String nodeName) {
    return with(b -> b.origin = Checks.requireNonBlank(nodeName, "origin"));
  }

  /**
   * Sets the {@code reply_to} property and option (Celery's per-thread {@code app.thread_oid}).
   *
   * @param oid the value
   * @return the new settings
   */
  public ProtocolSettings replyTo(String oid) {
    return with(b -> b.replyTo = Checks.requireNonBlank(oid, "reply_to"));
  }

  /**
   * Sets Celery's {@code timezone}: the offset in which an {@code eta} or {@code expires} computed
   * from a countdown is written.
   *
   * @param zone the zone
   * @return the new settings
   */
  public ProtocolSettings timezone(ZoneId zone) {
    Checks.requireNonNull(zone, "timezone");
    return with(b -> b.timezone = zone);
  }

  /**
   * Sets {@code result_expires}: the time to live of the keys the result backend writes; {@link
   * Duration#ZERO} for none (then {@code SET} instead of {@code SETEX}).
   *
   * @param ttl the time to live, whole seconds count
   * @return the new settings
   */
  public ProtocolSettings resultExpires(Duration ttl) {
    Checks.requireNonNull(ttl, "result_expires (use Duration.ZERO for none)");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("result_expires must not be negative, got " + ttl);
    }
    return with(b -> b.resultExpires = ttl);
  }

  /**
   * Sets {@code control_exchange}: broadcasts go to the fanout exchange {@code <name>.pidbox}.
   *
   * @param name the name
   * @return the new settings
   */
  public ProtocolSettings controlExchange(String name) {
    return with(b -> b.controlExchange = Checks.requireNonBlank(name, "control_exchange"));
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
    return with(b -> b.deliveryMode = mode);
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
    return with(
        b -> {
          b.argsreprMaxsize = args;
          b.kwargsreprMaxsize = kwargs;
        });
  }

  /**
   * Sets kombu's Redis transport options ({@code broker_transport_options} and the URL's database).
   *
   * @param kombu the transport settings
   * @return the new settings
   */
  public ProtocolSettings transport(KombuRedis kombu) {
    Checks.requireNonNull(kombu, "transport");
    return with(b -> b.transport = kombu);
  }

  /**
   * Returns {@code task_default_queue}.
   *
   * @return the queue name
   */
  public String defaultQueue() {
    return values.defaultQueue;
  }

  /**
   * Returns the {@code origin} node name: the one set, or {@code gen<pid>@<hostname>} as Celery's
   * {@code anon_nodename()} makes it.
   *
   * @return the node name
   */
  public String origin() {
    return values.origin != null ? values.origin : AnonNodename.VALUE;
  }

  /**
   * Returns the {@code reply_to} set, or null when each encoder makes its own.
   *
   * @return the value, or null
   */
  public String replyTo() {
    return values.replyTo;
  }

  /**
   * Returns {@code timezone}.
   *
   * @return the zone
   */
  public ZoneId timezone() {
    return values.timezone;
  }

  /**
   * Returns {@code result_expires}.
   *
   * @return the time to live, {@link Duration#ZERO} for none
   */
  public Duration resultExpires() {
    return values.resultExpires;
  }

  /**
   * Returns {@code control_exchange}.
   *
   * @return the name
   */
  public String controlExchange() {
    return values.controlExchange;
  }

  /**
   * Returns {@code task_default_delivery_mode} as kombu writes it.
   *
   * @return 2 (persistent) or 1 (transient)
   */
  public int deliveryMode() {
    return values.deliveryMode;
  }

  /**
   * Returns the maximum length of {@code argsrepr}.
   *
   * @return the length
   */
  public int argsreprMaxsize() {
    return values.argsreprMaxsize;
  }

  /**
   * Returns the maximum length of {@code kwargsrepr}.
   *
   * @return the length
   */
  public int kwargsreprMaxsize() {
    return values.kwargsreprMaxsize;
  }

  /**
   * Returns kombu's Redis transport settings.
   *
   * @return the settings
   */
  public KombuRedis transport() {
    return values.transport;
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
