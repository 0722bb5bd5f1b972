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

  /** {@code ignored} of a result sent by name for a task that has {@code ignore_result}. */
  SEND_TASK_TAKES_IGNORED_FROM_THE_TASK(
      Kind.DOUBLE_BUG,
      "celery/app/base.py Celery.send_task: ignore_result = options.pop('ignore_result', False);"
          + " ... result.ignored = ignore_result (send_task never looks up the task; only"
          + " Task.apply_async does options.setdefault('ignore_result', self.ignore_result))",
      "InMemoryCelery.sendTask(name) of a task registered with ignore_result=True hands out a"
          + " result whose ignored() is true (InMemoryCelery.send -> ResultStore.ignored looks at"
          + " the task), so its get() returns None at once; Celery's app.send_task(name) gives"
          + " ignored False, and get() waits."),

  /** {@code ignored} of a result sent with {@code ignore_result=True} on the Redis engine. */
  REDIS_SEND_TASK_DROPS_IGNORED(
      Kind.ENGINE_BUG,
      "celery/app/base.py Celery.send_task: result.ignored = ignore_result; celery/result.py"
          + " AsyncResult.get: if self.ignored: return",
      "RedisCelery.sendTask with ApplyOptions.ignoreResult(true) sends ignore_result but hands"
          + " out a result whose ignored() is false, so get() waits for a SUCCESS that is never"
          + " stored and times out; Celery's (and InMemoryCelery's) result is ignored and get()"
          + " returns None at once."),

  /** {@code AsyncResult.name()} without {@code result_extended} on the Redis engine. */
  REDIS_RESULT_NAME_WITHOUT_RESULT_EXTENDED(
      Kind.ENGINE_BUG,
      "celery/result.py AsyncResult.name: return self._get_task_meta().get('name');"
          + " celery/app/base.py Celery.send_task builds self.AsyncResult(task_id), without a"
          + " name",
      "Without result_extended RedisCelery's results answer name() with the name they were"
          + " sent under (RedisCelery.sendTask passes it to new AsyncResult(id, null, name, ...)"
          + " and the core's AsyncResult.name() falls back to it); Celery's (and"
          + " InMemoryCelery's) name is None: nothing is stored."),

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

  /** A float that is not finite, as a task's value. */
  NAN_AND_INFINITY_ARE_NOT_JSON_TO_CELERYKIT(
      Kind.DOUBLE_BUG,
      "kombu/utils/json.py dumps and loads: Python's json with allow_nan=True writes and reads"
          + " NaN, Infinity and -Infinity",
      "A task returning [nan, inf, -inf] succeeds on a real worker, which stores"
          + " [NaN, Infinity, -Infinity]; InMemoryCelery fails the task with EncodeException"
          + " (\"could not read back [NaN, Infinity, -Infinity]: Non-standard token 'NaN'\":"
          + " CeleryJson.roundTrip writes the tokens and its reader refuses them), and the Redis"
          + " engine cannot read what Celery stored (WireFormatException, malformed JSON): the"
          + " core's JSON reader (io.celerykit.wire.CeleryJson.parse) lacks"
          + " ALLOW_NON_NUMERIC_NUMBERS. Celery's own client reads float('nan') back."),

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
