package io.celerykit.app;

import java.io.Serializable;

/**
 * Task bodies: Java lambdas for tasks of zero to three positional arguments, and a bound body that
 * sees the request ({@code @app.task(bind=True)}). A body may throw any exception; it is stored as
 * the task's failure.
 *
 * <p>The bodies with arguments are {@link Serializable} only so that celerykit can read the
 * parameter types a lambda declares: a call whose arguments do not fit then fails with a message
 * naming the task, the position and both types, as Python's {@code TypeError} would. Bodies are
 * never serialized; an anonymous class implementing one needs a {@code serialVersionUID} under
 * {@code -Xlint:serial}.
 */
public final class TaskBody {
  private TaskBody() {}

  /**
   * A task without arguments.
   *
   * @param <T> the return type
   */
  @FunctionalInterface
  public interface Of0<T> {
    /**
     * Runs the task.
     *
     * @return the value
     * @throws Exception stored as the failure
     */
    T call() throws Exception;
  }

  /**
   * A task of one argument.
   *
   * @param <A> the argument type
   * @param <T> the return type
   */
  @FunctionalInterface
  public interface Of1<A, T> extends Serializable {
    /**
     * Runs the task.
     *
     * @param a the argument
     * @return the value
     * @throws Exception stored as the failure
     */
    T call(A a) throws Exception;
  }

  /**
   * A task of two arguments.
   *
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @param <T> the return type
   */
  @FunctionalInterface
  public interface Of2<A, B, T> extends Serializable {
    /**
     * Runs the task.
     *
     * @param a the first argument
     * @param b the second argument
     * @return the value
     * @throws Exception stored as the failure
     */
    T call(A a, B b) throws Exception;
  }

  /**
   * A task of three arguments.
   *
   * @param <A> the first argument type
   * @param <B> the second argument type
   * @param <C> the third argument type
   * @param <T> the return type
   */
  @FunctionalInterface
  public interface Of3<A, B, C, T> extends Serializable {
    /**
     * Runs the task.
     *
     * @param a the first argument
     * @param b the second argument
     * @param c the third argument
     * @return the value
     * @throws Exception stored as the failure
     */
    T call(A a, B b, C c) throws Exception;
  }

  /**
   * A bound task: sees the request, and can retry, update its state and call other tasks.
   *
   * @param <T> the return type
   */
  @FunctionalInterface
  public interface Bound<T> {
    /**
     * Runs the task.
     *
     * @param self the request context ({@code self} of a bound Celery task)
     * @return the value
     * @throws Exception stored as the failure
     */
    T call(TaskContext self) throws Exception;
  }
}
