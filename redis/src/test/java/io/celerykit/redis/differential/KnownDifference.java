package io.celerykit.redis.differential;

/**
 * The differences between InMemoryCelery and a real Celery that the differential suite found and
 * expects, each named, with what decides it in Celery's source. A scenario marks where one shows
 * ({@link Scenario#expect}); when the double is fixed the scenario's labels stop differing and the
 * scenario fails until its marker is removed.
 */
enum KnownDifference {
  /** The traceback stored with a FAILURE or RETRY (and read by {@code AsyncResult.traceback()}). */
  STORED_TRACEBACK_IS_A_JAVA_STACK_TRACE(
      Kind.DOUBLE_BUG,
      "celery/app/trace.py TraceInfo.handle_failure and handle_retry: einfo = ExceptionInfo();"
          + " backend.mark_as_failure(req.id, exc, einfo.traceback) / mark_as_retry(req.id,"
          + " reason.exc, einfo.traceback); billiard/einfo.py ExceptionInfo.traceback is"
          + " ''.join(traceback.format_exception(...))",
      "InMemoryCelery stores Throwable.printStackTrace() of what the task raised"
          + " (io.celerykit.app.ResultStore.traceback, used by Worker.failed and"
          + " ResultStore.storeRetry): for a RemoteTaskException it ignores the traceback the"
          + " exception carries, for a retry it stores the RetryException's Java stack, and the"
          + " last line is a JVM frame (\"at ...ForkedBooter.main(...)\", \"... 79 more\")."
          + " Celery stores Python's traceback, whose last line is the exception line"
          + " (\"ValueError: bad\", \"celery.exceptions.Retry: Retry in 0.1s:"
          + " OSError('again')\")."),

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

  /** The exception a client gets for a chord whose header failed, read from Redis. */
  CHORD_ERROR_READS_BACK_AS_REMOTE_TASK_EXCEPTION(
      Kind.DOUBLE_BUG,
      "celery/backends/base.py exception_to_python rebuilds celery.exceptions.ChordError, which"
          + " the client raises",
      "The Redis engine's client gets a RemoteTaskException(\"ChordError\","
          + " \"celery.exceptions\") where InMemoryCelery's raises celerykit's ChordException: the"
          + " core's io.celerykit.wire.CeleryJson.decodeException maps back only TaskRevokedError,"
          + " MaxRetriesExceededError and TimeoutError, although encodeException writes"
          + " ChordException as ChordError (and NotRegistered, ImproperlyConfigured,"
          + " IncompleteStream likewise)."),

  /** The FAILURE stored for the body of a chord whose header failed. */
  CHORD_ERROR_META_HAS_REQUEST_FIELDS(
      Kind.DOUBLE_BUG,
      "celery/backends/base.py chord_error_from_stack -> fail_from_current_stack(callback.id,"
          + " exc=ChordError(...)) -> mark_as_failure(task_id, exc, traceback) without a request,"
          + " so _get_result_meta adds no result_extended fields (if request: ...)",
      "With result_extended, InMemoryCelery stores the ChordError of a body that never ran with"
          + " name, args [] and kwargs {} (worker, retries and queue null); Celery stores"
          + " status, result, traceback, children, date_done and task_id only."),

  /** A link_error errback that takes one argument (the failed task's id). */
  ERRBACK_IS_NOT_SENT_AS_A_GROUP(
      Kind.DOUBLE_BUG,
      "celery/backends/base.py Backend._call_task_errbacks: old-style errbacks (one argument) are"
          + " sent as group(old_signature).apply_async((task_id,), parent_id=task_id,"
          + " root_id=root_id)",
      "Celery sends a one-argument errback as a member of a new group, so its meta has a"
          + " group_id; InMemoryCelery sends it alone (Worker.failed:"
          + " errback.withPrepended(m.id).applyAsync()), without group_id. (Its task_id label"
          + " differs too only because the group id is numbered first on the Redis side.)"),

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
