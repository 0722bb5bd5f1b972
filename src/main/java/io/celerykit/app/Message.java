package io.celerykit.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
