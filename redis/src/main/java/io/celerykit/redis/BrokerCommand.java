package io.celerykit.redis;

/**
 * One Redis command that sends something through kombu's Redis transport: {@code LPUSH} of a
 * message onto a queue's list (kombu's {@code Channel._put}) or {@code PUBLISH} on a fanout
 * exchange's channel ({@code Channel._put_fanout}, used by remote control). The value is the
 * message envelope's JSON text.
 *
 * @param kind the command
 * @param key the list (queue) or the channel
 * @param value the message envelope, as JSON text
 */
public record BrokerCommand(Kind kind, String key, String value) {

  /** The commands kombu's Redis transport sends with. */
  public enum Kind {
    /** {@code LPUSH key value}: a message onto a queue. */
    LPUSH,
    /** {@code PUBLISH key value}: a message to a fanout exchange's subscribers. */
    PUBLISH
  }

  /**
   * Checks the parts.
   *
   * @param kind the command
   * @param key the list or channel
   * @param value the message text
   */
  public BrokerCommand {
    Args.requireNonNull(kind, "kind");
    Args.requireNonBlank(key, "key of a broker command");
    Args.requireNonNull(value, "value of a broker command");
  }

  /**
   * Makes {@code LPUSH list value}.
   *
   * @param list the queue's list, such as {@code celery}
   * @param value the message envelope
   * @return the command
   */
  public static BrokerCommand lpush(String list, String value) {
    return new BrokerCommand(Kind.LPUSH, list, value);
  }

  /**
   * Makes {@code PUBLISH channel value}.
   *
   * @param channel the channel
   * @param value the message envelope
   * @return the command
   */
  public static BrokerCommand publish(String channel, String value) {
    return new BrokerCommand(Kind.PUBLISH, channel, value);
  }
}
