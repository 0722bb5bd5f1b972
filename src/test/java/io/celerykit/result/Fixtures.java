package io.celerykit.result;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.internal.ResultHooks;

/** Shared test data: exceptions that stand for Python's, and an app that is "inside a task". */
final class Fixtures {
  private Fixtures() {}

  /** Celery's tests use {@code KeyError}; this stands for it. */
  static final class KeyError extends RuntimeException {
    KeyError(String message) {
      super(message);
    }
  }

  /** A checked exception, which Java cannot re-raise unwrapped. */
  static final class CheckedFailure extends Exception {
    CheckedFailure(String message) {
      super(message);
    }
  }

  /** The traceback text Celery's result tests store. */
  static final String PYTRACEBACK =
      "Traceback (most recent call last):\n"
          + "  File \"foo.py\", line 2, in foofunc\n"
          + "    don't matter\n"
          + "  File \"bar.py\", line 3, in barfunc\n"
          + "    don't matter\n"
          + "Doesn't matter: really!";

  static final String E_WOULDBLOCK = "Never call result.get() within a task!";

  /**
   * An app that shares {@code app}'s backend and control but behaves as if called from inside a
   * running task: {@code assertWillNotBlock()} fails, as Celery's {@code task_join_will_block}.
   */
  static CeleryApp insideTask(InMemoryCelery app) {
    return new InsideTask(app);
  }

  private static final class InsideTask implements CeleryApp, ResultHooks {
    private final InMemoryCelery app;

    InsideTask(InMemoryCelery app) {
      this.app = app;
    }

    @Override
    public ResultBackend backend() {
      return app.backend();
    }

    @Override
    public Control control() {
      return app.control();
    }

    @Override
    public void assertWillNotBlock() {
      throw new IllegalStateException(
          E_WOULDBLOCK
              + "\nSee https://docs.celeryq.dev/en/latest/userguide/tasks.html"
              + "#avoid-launching-synchronous-subtasks");
    }

    @Override
    public void resultConsumed(AsyncResult<?> result) {}
  }
}
