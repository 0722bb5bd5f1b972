package io.celerykit.result;

import io.celerykit.internal.PythonRepr;
import java.util.List;
import java.util.Objects;

/**
 * A failure that exists only as data: a Python exception stored by a real Celery worker (for
 * example {@code ValueError('boom')} in the module {@code builtins}), read back from Celery's wire
 * format. It carries Celery's {@code exc_type}, {@code exc_module} and {@code exc_message}, and the
 * traceback text.
 *
 * <pre>{@code
 * var e = new RemoteTaskException("ValueError", "builtins", List.of("boom"), null);
 * e.getMessage();   // "ValueError: boom", the last line of Python's traceback
 * new RemoteTaskException("OracleError", "wtasks", List.of("custom", 42), null).getMessage();
 *                   // "wtasks.OracleError: ('custom', 42)"
 * }</pre>
 */
public class RemoteTaskException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /** The Python exception class name ({@code exc_type}). */
  private final String excType;

  /** The Python module of the class ({@code exc_module}), or null. */
  private final String excModule;

  private final transient List<Object> excMessage;

  /** The traceback text, or null. */
  private final String traceback;

  /**
   * Creates the exception.
   *
   * @param excType the Python class name, e.g. {@code ValueError}
   * @param excModule the Python module, e.g. {@code builtins}
   * @param excMessage the exception's args ({@code exc_message}), e.g. {@code ["boom"]}
   * @param traceback the traceback text, or null
   */
  public RemoteTaskException(
      String excType, String excModule, List<?> excMessage, String traceback) {
    super(describe(excType, excModule, excMessage));
    if (excType == null || excType.isBlank()) {
      throw new IllegalArgumentException(
          "excType must name the Python exception class (e.g. \"ValueError\"), got " + excType);
    }
    this.excType = excType;
    this.excModule = excModule;
    // Python's args may hold None: copy without List.copyOf, which refuses nulls.
    this.excMessage =
        excMessage == null
            ? List.of()
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(excMessage));
    this.traceback = traceback;
  }

  /**
   * Python's last traceback line for the exception: {@code module.Type: str(exc)}, without the
   * module for {@code builtins}; {@code str(exc)} is the single argument's {@code str}, the {@code
   * repr} of the args tuple when there are several, and the key's {@code repr} for {@code
   * KeyError}.
   */
  private static String describe(String type, String module, List<?> args) {
    String prefix =
        module == null || module.equals("builtins") || module.isEmpty() ? "" : module + ".";
    String text;
    if (args == null || args.isEmpty()) {
      text = "";
    } else if (args.size() == 1) {
      boolean keyError = "KeyError".equals(type) && prefix.isEmpty();
      text = keyError ? PythonRepr.repr(args.get(0)) : PythonRepr.str(args.get(0));
    } else {
      text = PythonRepr.tuple(args);
    }
    return prefix + Objects.toString(type) + (text.isEmpty() ? "" : ": " + text);
  }

  /**
   * Returns the Python exception class name ({@code exc_type}).
   *
   * @return e.g. {@code ValueError}
   */
  public String excType() {
    return excType;
  }

  /**
   * Returns the Python module of the exception class ({@code exc_module}).
   *
   * @return e.g. {@code builtins}
   */
  public String excModule() {
    return excModule;
  }

  /**
   * Returns the exception's arguments ({@code exc_message}), an unmodifiable list.
   *
   * @return e.g. {@code ["boom"]}
   */
  public List<Object> excMessage() {
    return excMessage;
  }

  /**
   * Returns the traceback text Celery stored, or null.
   *
   * @return the traceback
   */
  public String traceback() {
    return traceback;
  }
}
