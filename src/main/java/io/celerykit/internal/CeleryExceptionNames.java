package io.celerykit.internal;

import io.celerykit.result.ChordException;
import io.celerykit.result.ImproperlyConfiguredException;
import io.celerykit.result.IncompleteStreamException;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.NotRegisteredException;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.TaskRevokedException;
import java.util.Map;

/**
 * The Python names of celerykit's exceptions that stand for Celery's own ({@code
 * celery.exceptions}): the one table the wire format and Python's {@code repr} both read, so that a
 * {@link TaskRevokedException} is {@code TaskRevokedError} wherever Celery would show it.
 */
public final class CeleryExceptionNames {
  /** The module of Celery's exceptions. */
  public static final String MODULE = "celery.exceptions";

  private static final Map<Class<?>, String> NAMES =
      Map.of(
          TaskRevokedException.class, "TaskRevokedError",
          MaxRetriesExceededException.class, "MaxRetriesExceededError",
          ResultTimeoutException.class, "TimeoutError",
          ImproperlyConfiguredException.class, "ImproperlyConfigured",
          NotRegisteredException.class, "NotRegistered",
          IncompleteStreamException.class, "IncompleteStream",
          ChordException.class, "ChordError");

  private CeleryExceptionNames() {}

  /**
   * Returns Celery's name of an exception class of celerykit's, or null when it is not one of them.
   *
   * @param type the exception class
   * @return the Python class name in {@code celery.exceptions}, or null
   */
  public static String celeryName(Class<?> type) {
    return NAMES.get(type);
  }
}
