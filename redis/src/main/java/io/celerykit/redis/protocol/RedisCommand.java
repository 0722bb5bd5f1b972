package io.celerykit.redis.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Redis command to send, as a plain value: its name, its arguments as the strings redis-py
 * would encode (UTF-8), and what it is for. The encoder builds these; the engine executes them in
 * order.
 *
 * <pre>{@code
 * for (RedisCommand c : publication.commands()) {
 *   redis.dispatch(c.name(), c.args());   // LPUSH celery {"body": ...}
 * }
 * }</pre>
 */
public final class RedisCommand {

  /** What a command is for, so that an engine can treat kinds differently. */
  public enum Purpose {
    /**
     * kombu's queue declaration on a new connection ({@code SADD _kombu.binding.<exchange>}): the
     * binding table that exchange routing reads; idempotent, needed once per queue.
     */
    QUEUE_BINDING,
    /** A task message pushed on its queue's list ({@code LPUSH}), as kombu's {@code _put}. */
    TASK_MESSAGE,
    /** A remote-control message on the pidbox fanout ({@code PUBLISH}), as kombu's fanout. */
    CONTROL_BROADCAST,
    /**
     * The Redis result backend's write of a chord's size ({@code set_chord_size}: {@code SETEX}
     * then {@code PUBLISH} of {@code celery-taskset-meta-<group id>.s}, one MULTI/EXEC in Celery).
     */
    CHORD_SIZE,
    /**
     * The Redis result backend's save of a chord header whose results nest a group ({@code
     * GroupResult.save}: {@code SETEX} then {@code PUBLISH} of {@code celery-taskset-meta-<id>}).
     */
    GROUP_META
  }

  private final Purpose purpose;
  private final String name;
  private final List<String> args;

  private RedisCommand(Purpose purpose, String name, List<String> args) {
    this.purpose = Objects.requireNonNull(purpose, "purpose");
    this.name = Objects.requireNonNull(name, "name");
    this.args = List.copyOf(args);
  }

  /**
   * Makes a command.
   *
   * @param purpose what it is for
   * @param name the command name, such as {@code "LPUSH"}
   * @param args its arguments
   * @return the command
   */
  public static RedisCommand of(Purpose purpose, String name, List<String> args) {
    return new RedisCommand(purpose, name, args);
  }

  static RedisCommand of(Purpose purpose, String name, String... args) {
    return new RedisCommand(purpose, name, List.of(args));
  }

  /**
   * Returns what the command is for.
   *
   * @return the purpose
   */
  public Purpose purpose() {
    return purpose;
  }

  /**
   * Returns the command name, upper case: {@code LPUSH}, {@code PUBLISH}, {@code SADD}, {@code
   * SETEX}, {@code SET}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the arguments (the key or channel first).
   *
   * @return an unmodifiable list
   */
  public List<String> args() {
    return args;
  }

  /**
   * Returns the first argument: the key, or the channel of a {@code PUBLISH}.
   *
   * @return the key
   */
  public String key() {
    return args.get(0);
  }

  /**
   * Returns the last argument: the value pushed, published or set.
   *
   * @return the value
   */
  public String value() {
    return args.get(args.size() - 1);
  }

  /**
   * Returns the name followed by the arguments, as one would type them.
   *
   * @return an unmodifiable list
   */
  public List<String> toList() {
    List<String> all = new ArrayList<>(args.size() + 1);
    all.add(name);
    all.addAll(args);
    return List.copyOf(all);
  }

  /**
   * Compares purpose, name and arguments by value.
   *
   * @param o the other object
   * @return true when equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof RedisCommand c
        && c.purpose == purpose
        && c.name.equals(name)
        && c.args.equals(args);
  }

  /**
   * Hashes purpose, name and arguments by value.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(purpose, name, args);
  }

  /**
   * Describes the command with control characters escaped: {@code LPUSH "celery\x06\x163" ...}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name);
    for (String a : args) {
      sb.append(" \"");
      for (int i = 0; i < a.length(); i++) {
        char c = a.charAt(i);
        if (c < 0x20 || c == 0x7f) {
          sb.append(String.format("\\x%02x", (int) c));
        } else if (c == '"' || c == '\\') {
          sb.append('\\').append(c);
        } else {
          sb.append(c);
        }
      }
      sb.append('"');
    }
    return sb.append(" (").append(purpose).append(')').toString();
  }
}
