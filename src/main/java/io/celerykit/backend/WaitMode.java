package io.celerykit.backend;

/** How the in-memory backend waits for a result that is not ready. */
public enum WaitMode {
  /**
   * Deterministic (the default): a wait drives the virtual clock, running scheduled events in order
   * until the result is ready; a timeout passes in virtual time, at once in wall time; a wait
   * without timeout that nothing scheduled can end fails at once.
   */
  VIRTUAL,
  /**
   * Threaded: a wait blocks the calling thread in real time until another thread stores the result
   * (it is woken at once, no polling), or the timeout passes in real time.
   */
  REAL_TIME
}
