package io.celerykit.redis.differential;

import io.celerykit.result.RemoteTaskException;
import java.util.List;

/**
 * Python exceptions as the Java twins raise them: {@link RemoteTaskException}s with the type,
 * module and arguments that the Python task raises, and a traceback whose last line is Python's.
 */
final class PythonErrors {
  /** The module of the Python tasks, the {@code exc_module} of their own exception classes. */
  static final String MODULE = "differential_tasks";

  private PythonErrors() {}

  /** A built-in exception, such as {@code ValueError('bad')}. */
  static RemoteTaskException builtin(String type, Object... args) {
    return raised(type, "builtins", List.of(args));
  }

  /** An exception class of {@code differential_tasks}, such as {@code DiffError('mine', 42)}. */
  static RemoteTaskException custom(String type, Object... args) {
    return raised(type, MODULE, List.of(args));
  }

  private static RemoteTaskException raised(String type, String module, List<Object> args) {
    String line = new RemoteTaskException(type, module, args, null).getMessage();
    String traceback =
        "Traceback (most recent call last):\n"
            + "  File \"differential_tasks.py\", in a Java twin\n"
            + line
            + "\n";
    return new RemoteTaskException(type, module, args, traceback);
  }
}
