package io.celerykit.backend;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits until a condition holds, the way one wait mode does. */
interface Waiter {
  /**
   * Returns once {@code done} holds.
   *
   * @param done the condition
   * @param what describes what is awaited, for error messages
   */
  void await(BooleanSupplier done, Supplier<String> what);
}
