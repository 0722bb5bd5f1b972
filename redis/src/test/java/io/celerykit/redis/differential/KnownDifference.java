package io.celerykit.redis.differential;

/**
 * The differences between InMemoryCelery and a real Celery that the differential suite found and
 * expects, each named, with what decides it in Celery's source. A scenario marks where one shows
 * ({@link Scenario#expect}); when the double is fixed the scenario's labels stop differing and the
 * scenario fails until its marker is removed.
 */
enum KnownDifference {
  /** celerykit's own words after Celery's message in a get or join timeout. */
  TIMEOUT_HINT_NAMES_THE_ENGINE(
      Kind.ENGINE_WORDING,
      "celery/backends/base.py SyncBackendMixin.wait_for and celery/backends/asynchronous.py:"
          + " raise TimeoutError('The operation timed out.')",
      "After Celery's \"The operation timed out.\" each engine says why in its own words: the"
          + " in-memory one \"after PT0.3S of virtual time; run the worker, advance the clock, or"
          + " wait longer\", the Redis one \"after PT0.3S (Redis result backend at"
          + " redis://...)\", and for a join's later member the wall time left"
          + " (\"PT0.299968711S\")."),

  /** A task name nobody registered. */
  NOT_REGISTERED_AT_SEND(
      Kind.DELIBERATE,
      "celery/worker/consumer/consumer.py Consumer.on_unknown_task: the worker rejects the"
          + " message and stores FAILURE with NotRegistered(name)",
      "README, \"Where celerykit differs from Celery, on purpose\": \"sendTask of an"
          + " unregistered name throws NotRegisteredException at once (Celery's worker rejects"
          + " it later)\". On Redis the send succeeds and the result fails with"
          + " celery.exceptions.NotRegistered.");

  /** Where a difference comes from. */
  enum Kind {
    /** The double does not do what Celery does: to be fixed in the core. */
    DOUBLE_BUG,
    /** Listed in the README's "Where celerykit differs from Celery, on purpose". */
    DELIBERATE,
    /**
     * The Redis engine does not do what Celery does (the in-memory one does): to be fixed there.
     */
    ENGINE_BUG,
    /**
     * celerykit's own words in a message, which each engine words for itself; not Celery behaviour.
     */
    ENGINE_WORDING
  }

  private final Kind kind;
  private final String celerySource;
  private final String description;

  KnownDifference(Kind kind, String celerySource, String description) {
    this.kind = kind;
    this.celerySource = celerySource;
    this.description = description;
  }

  /** Returns whether the double is wrong or differs on purpose. */
  Kind kind() {
    return kind;
  }

  /** Returns the Celery source that decides the behaviour. */
  String celerySource() {
    return celerySource;
  }

  /** Returns what differs. */
  String description() {
    return description;
  }
}
