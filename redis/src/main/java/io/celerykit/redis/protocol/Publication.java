package io.celerykit.redis.protocol;

import java.util.List;
import java.util.Objects;

/**
 * What one {@code apply_async} (or {@code send_task}) of a Celery client amounts to: the Redis
 * commands it sends, in order (queue bindings, task messages, the result backend's chord writes),
 * the task messages among them, and the structure of the result it returns.
 *
 * <pre>{@code
 * Publication p = encoder.applyAsync(Canvas.chord(header, tsum.s()), List.of(), ApplyOptions.defaults());
 * p.commands();   // LPUSH (header 1), SETEX/PUBLISH <group>.s, LPUSH (header 2)
 * p.result();     // Task[<tsum id>, parent=Group[<group id>, ...]]
 * }</pre>
 *
 * @param commands the commands, in the order Celery sends them
 * @param messages the task messages, in the order they are pushed
 * @param envelopes the kombu envelopes of those messages, in the same order
 * @param result the structure of the result returned
 */
public record Publication(
    List<RedisCommand> commands,
    List<TaskMessage> messages,
    List<Envelope> envelopes,
    ResultShape result) {

  /**
   * Copies the lists.
   *
   * @param commands the commands
   * @param messages the messages
   * @param envelopes the envelopes
   * @param result the result
   */
  public Publication {
    commands = List.copyOf(commands);
    messages = List.copyOf(messages);
    envelopes = List.copyOf(envelopes);
    Objects.requireNonNull(result, "result");
  }
}
