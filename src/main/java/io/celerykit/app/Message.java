package io.celerykit.app;

import io.celerykit.internal.TimeMath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** One task message as the worker sees it. Internal; immutable but for completion hooks. */
final class Message {
  final String id;
  final String name;
  final List<Object> args;
  final Map<String, Object> kwargs;
  final Instant eta;
  final Instant expires;
  final String queue;
  final Map<String, Object> headers;
  final int retries;
  final Boolean ignoreResult;
  final List<Signature> link;
  final List<Signature> linkError;
  final String parentId;
  final String rootId;
  final String groupId;
  final List<Consumer<Completion>> onComplete;

  Message(
      String id,
      String name,
      List<Object> args,
      Map<String, Object> kwargs,
      Instant eta,
      Instant expires,
      String queue,
      Map<String, Object> headers,
      int retries,
      Boolean ignoreResult,
      List<Signature> link,
      List<Signature> linkError,
      String parentId,
      String rootId,
      String groupId,
      List<Consumer<Completion>> onComplete) {
    this.id = id;
    this.name = name;
    this.args = args;
    this.kwargs = kwargs;
    this.eta = eta;
    this.expires = expires;
    this.queue = queue;
    this.headers = headers;
    this.retries = retries;
    this.ignoreResult = ignoreResult;
    this.link = link;
    this.linkError = linkError;
    this.parentId = parentId;
    this.rootId = rootId;
    this.groupId = groupId;
    this.onComplete = onComplete;
  }

  /**
   * Makes the message of a call sent now, with a new id unless the options give one: the countdown
   * or ETA and the expiry made absolute, the arguments copied, the parent and root ids taken from
   * the task sending it (or null).
   */
  static Message of(
      TaskIds ids,
      Instant now,
      String name,
      List<?> args,
      Map<String, ?> kwargs,
      ApplyOptions options,
      String groupId,
      List<Consumer<Completion>> hooks,
      TaskContext parentTask) {
    Objects.requireNonNull(args, "args (use List.of() for none)");
    Objects.requireNonNull(kwargs, "kwargs (use Map.of() for none)");
    Objects.requireNonNull(options, "options (use ApplyOptions.defaults())");
    String id = options.taskId() != null ? options.taskId() : ids.next();
    Instant eta =
        options.countdown() != null ? TimeMath.plus(now, options.countdown()) : options.eta();
    Instant expires =
        options.expiresIn() != null ? TimeMath.plus(now, options.expiresIn()) : options.expiresAt();
    return new Message(
        id,
        name,
        immutableCopy(args),
        kwargs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kwargs)),
        eta,
        expires,
        options.queue(),
        options.headers(),
        0,
        options.ignoreResult(),
        options.link(),
        options.linkError(),
        parentTask == null ? null : parentTask.id(),
        parentTask == null ? id : parentTask.rootId(),
        groupId,
        hooks(hooks));
  }

  /**
   * Copies a task's positional arguments into an unmodifiable list; an immutable list without nulls
   * (a signature's) is taken as it is.
   */
  private static List<Object> immutableCopy(List<?> args) {
    if (args.isEmpty()) {
      return List.of();
    }
    for (Object arg : args) {
      if (arg == null) {
        return Collections.unmodifiableList(new ArrayList<>(args));
      }
    }
    return List.copyOf(args);
  }

  /** Returns the payload of the {@code task-sent} event. */
  Map<String, Object> sentPayload(String defaultQueue) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("args", args);
    p.put("kwargs", kwargs);
    p.put("retries", 0);
    p.put("eta", eta);
    p.put("expires", expires);
    p.put("queue", queue != null ? queue : defaultQueue);
    return p;
  }

  /** Returns the payload of the {@code task-received} event. */
  Map<String, Object> receivedPayload() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("args", args);
    p.put("kwargs", kwargs);
    p.put("retries", retries);
    if (eta != null) {
      p.put("eta", eta);
    }
    if (expires != null) {
      p.put("expires", expires);
    }
    return p;
  }

  Message retry(Instant newEta) {
    return new Message(
        id,
        name,
        args,
        kwargs,
        newEta,
        expires,
        queue,
        headers,
        retries + 1,
        ignoreResult,
        link,
        linkError,
        id,
        rootId,
        groupId,
        onComplete);
  }

  static List<Consumer<Completion>> hooks(List<Consumer<Completion>> hooks) {
    return hooks == null ? List.of() : List.copyOf(hooks);
  }
}
