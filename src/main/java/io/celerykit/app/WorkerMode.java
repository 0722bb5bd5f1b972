package io.celerykit.app;

/** How the in-memory worker runs tasks. */
public enum WorkerMode {
  /**
   * The default: nothing runs until the test says so ({@code worker.step()}, {@code runUntilIdle},
   * advancing the clock) or a blocking call ({@code get}, {@code join}) needs it; everything runs
   * on the calling thread in (ETA, arrival) order, so two runs give the same result.
   */
  DETERMINISTIC,
  /**
   * Tasks run on a pool of real threads as soon as they are due; waits block in real time. Use
   * Awaitility to wait on results.
   */
  THREADED
}
