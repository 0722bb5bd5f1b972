package io.celerykit.redis.differential;

/**
 * The settings a scenario runs under, matched on both engines: the same {@code result_extended},
 * {@code result_expires} and default queue; on the Redis side each profile has its own worker,
 * consuming its own queue.
 */
enum Profile {
  /** result_extended on, queue {@code celery}, solo pool: the suite's main worker. */
  EXTENDED("diff", "celery", true),
  /** result_extended off (Celery's default), queue {@code diff.plain}, solo pool. */
  PLAIN("diff-plain", "diff.plain", false),
  /**
   * result_extended on, queue {@code diff.prefork}, a prefork pool: to terminate a running task.
   */
  PREFORK("diff-prefork", "diff.prefork", true);

  /** {@code result_expires} of every profile, on both engines. */
  static final java.time.Duration RESULT_EXPIRES = java.time.Duration.ofSeconds(600);

  private final String nodeName;
  private final String queue;
  private final boolean resultExtended;

  Profile(String nodeName, String queue, boolean resultExtended) {
    this.nodeName = nodeName;
    this.queue = queue;
    this.resultExtended = resultExtended;
  }

  /** The worker's node name before {@code @127.0.0.1}. */
  String nodeName() {
    return nodeName;
  }

  /** The worker's full node name ({@code --hostname}), the same on both engines. */
  String hostname() {
    return nodeName + "@127.0.0.1";
  }

  /** The default queue: where the client sends and where the worker's own sends go. */
  String queue() {
    return queue;
  }

  /** {@code result_extended}. */
  boolean resultExtended() {
    return resultExtended;
  }
}
