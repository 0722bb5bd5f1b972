package io.celerykit.app;

import io.celerykit.internal.CeleryExceptionNames;

/**
 * Writes tracebacks in the shape Python prints them ({@code traceback.format_exception}), for the
 * exceptions that stand for Celery's own: a stored {@code ChordError}, {@code Retry} or {@code
 * MaxRetriesExceededError} reads as Celery stores it, its last line the exception's ({@code
 * celery.exceptions.Retry: Retry in 10s}), with the Java frames that raised it as the traceback's
 * frames, most recent call last.
 */
final class PythonTraceback {
  private static final String HEAD = "Traceback (most recent call last):\n";

  private PythonTraceback() {}

  /**
   * Returns the Python traceback of one of celerykit's exceptions that Celery names, or null when
   * Celery has no name for it.
   */
  static String ofCeleryException(Throwable error) {
    String name =
        error instanceof RetryException
            ? "Retry"
            : CeleryExceptionNames.celeryName(error.getClass());
    if (name == null) {
      return null;
    }
    StackTraceElement[] frames = error.getStackTrace();
    StringBuilder out = new StringBuilder(HEAD.length() + 64 * frames.length + 128).append(HEAD);
    for (int i = frames.length - 1; i >= 0; i--) {
      StackTraceElement f = frames[i];
      out.append("  File \"")
          .append(f.getFileName() == null ? "<unknown>" : f.getFileName())
          .append("\", line ")
          .append(Math.max(f.getLineNumber(), 0))
          .append(", in ")
          .append(f.getClassName())
          .append('.')
          .append(f.getMethodName())
          .append('\n');
    }
    return lastLine(out, CeleryExceptionNames.MODULE + "." + name, error.getMessage());
  }

  /** Returns the traceback of a scripted Python exception: one frame, then its line. */
  static String scripted(String exceptionLine) {
    return HEAD + "  File \"<celerykit>\", line 1, in <scripted failure>\n" + exceptionLine + "\n";
  }

  private static String lastLine(StringBuilder out, String qualifiedName, String message) {
    out.append(qualifiedName);
    if (message != null && !message.isEmpty()) {
      out.append(": ").append(message);
    }
    return out.append('\n').toString();
  }
}
