package io.celerykit.app;

/** Ends a run with a failure to store as it is (a retry past max_retries). Internal. */
final class FailNow extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Throwable failure;

  FailNow(Throwable failure) {
    super(failure.toString(), null, false, false);
    this.failure = failure;
  }

  Throwable failure() {
    return failure;
  }
}
