package io.celerykit.app;

import io.celerykit.internal.Checks;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.wire.CeleryJson;
import java.util.List;
import java.util.Map;

/**
 * Makes the failures a Java client of Celery really meets: exceptions raised by Python workers,
 * which reach it as {@link RemoteTaskException}s carrying Celery's {@code exc_type}, {@code
 * exc_module} and {@code exc_message}. Script them on stubs and seeded results, so that the catch
 * paths of the code under test are the production ones.
 *
 * <pre>{@code
 * app.stub("invoices.render").fails(PythonException.of("ValueError", "bad invoice"));
 * app.stub("invoices.render").fails(PythonException.of("myapp.errors", "InvoiceError", "bad"));
 * app.seed().failed("t-1", PythonException.of("myapp.errors.InvoiceError", "bad"));
 * }</pre>
 *
 * <p>It also answers how a Java exception looks once stored under the JSON serializer ({@link
 * #asStored(Throwable, String)}) and whether a stored failure stands for a Java exception type
 * ({@link #is(Throwable, Class)}).
 */
public final class PythonException {
  private PythonException() {}

  /**
   * Makes a Python exception of a built-in type, or of a type named with its module ({@code
   * "myapp.errors.InvoiceError"}), with one argument, as {@code raise ValueError("bad invoice")}.
   *
   * @param type the class name, e.g. {@code ValueError}, or {@code module.ClassName}
   * @param message the argument ({@code exc_message[0]}), or null for none
   * @return the exception, whose message is Python's last traceback line ({@code ValueError: bad
   *     invoice})
   */
  public static RemoteTaskException of(String type, String message) {
    Checks.requireNonBlank(type, "exception type (such as \"ValueError\")");
    int dot = type.lastIndexOf('.');
    String module = dot < 0 ? "builtins" : type.substring(0, dot);
    return build(module, type.substring(dot + 1), message == null ? List.of() : List.of(message));
  }

  /**
   * Makes a Python exception of a type in a module, with one argument, as {@code raise
   * myapp.errors.InvoiceError("bad")}.
   *
   * @param module the module ({@code exc_module}), e.g. {@code myapp.errors}
   * @param type the class name ({@code exc_type}), e.g. {@code InvoiceError}
   * @param message the argument, or null for none
   * @return the exception
   */
  public static RemoteTaskException of(String module, String type, String message) {
    return withArgs(module, type, message == null ? List.of() : List.of(message));
  }

  /**
   * Makes a Python exception with any arguments, as {@code raise OracleError("custom", 42)}; they
   * must be what JSON can carry.
   *
   * @param module the module, e.g. {@code builtins}
   * @param type the class name
   * @param args the arguments ({@code exc_message})
   * @return the exception
   */
  public static RemoteTaskException withArgs(String module, String type, List<?> args) {
    Checks.requireNonBlank(module, "module (such as \"builtins\" or \"myapp.errors\")");
    Checks.requireNonBlank(type, "exception type (such as \"ValueError\")");
    Checks.requireNonNull(args, "args (use List.of() for none)");
    if (type.indexOf('.') >= 0) {
      throw new IllegalArgumentException(
          "exception type must be a class name without its module, such as \"InvoiceError\", got \""
              + type
              + "\"; pass the module separately");
    }
    return build(module, type, args);
  }

  private static RemoteTaskException build(String module, String type, List<?> args) {
    RemoteTaskException draft = new RemoteTaskException(type, module, args, null);
    return new RemoteTaskException(type, module, args, traceback(draft));
  }

  /**
   * Returns the traceback text of a scripted Python exception: the shape Python prints, ending in
   * the exception's line.
   */
  private static String traceback(RemoteTaskException e) {
    return PythonTraceback.scripted(e.getMessage());
  }

  /**
   * Returns an exception as a Java client reads it back after Celery's JSON serializer stored it:
   * Celery's dict {@code {"exc_type": <simple class name>, "exc_message": [<message>],
   * "exc_module": <package>}}, read back as a {@link RemoteTaskException} (celerykit's own
   * exceptions keep their Celery names: {@code TaskRevokedError}, ... and come back as themselves).
   * A Python worker stores {@code type(exc).__name__} and {@code type(exc).__module__}; a Java
   * exception takes its simple name and its package the same way.
   *
   * @param error the exception a task raised
   * @param traceback the traceback text to keep, or null
   * @return what a client reads
   */
  public static Throwable asStored(Throwable error, String traceback) {
    Checks.requireNonNull(error, "exception");
    String text = traceback;
    if (text == null && error instanceof RemoteTaskException remote) {
      text = remote.traceback();
    }
    Object json = CeleryJson.roundTrip(CeleryJson.encodeException(error));
    @SuppressWarnings("unchecked")
    Map<String, ?> dict = (Map<String, ?>) json;
    return CeleryJson.decodeException(dict, text, "stored failure");
  }

  /**
   * Tells whether a failure stands for a Java exception type: it is an instance of it, or it is the
   * {@link RemoteTaskException} a Java exception of that type (or of a subtype) becomes under the
   * JSON serializer ({@code excModule} the package, {@code excType} the simple name).
   *
   * <pre>{@code
   * catch (RemoteTaskException e) {
   *   if (PythonException.is(e, IllegalStateException.class)) { ... }
   * }
   * }</pre>
   *
   * @param error the failure, may be null
   * @param type the Java type
   * @return true when it is of that type, as an instance or as stored data
   */
  public static boolean is(Throwable error, Class<? extends Throwable> type) {
    Checks.requireNonNull(type, "exception type");
    if (type.isInstance(error)) {
      return true;
    }
    if (!(error instanceof RemoteTaskException remote) || remote.excModule() == null) {
      return false;
    }
    if (remote.excModule().equals(type.getPackageName())
        && remote.excType().equals(type.getSimpleName())) {
      return true;
    }
    Class<?> stored = javaClass(remote, type.getClassLoader());
    return stored != null && type.isAssignableFrom(stored);
  }

  /** The Java class a remote failure names, when it names one that can be loaded, else null. */
  private static Class<?> javaClass(RemoteTaskException remote, ClassLoader loader) {
    String name = remote.excModule() + "." + remote.excType();
    if (!name.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+")) {
      return null;
    }
    try {
      return Class.forName(
          name, false, loader == null ? PythonException.class.getClassLoader() : loader);
    } catch (ClassNotFoundException notJava) {
      return null;
    }
  }
}
