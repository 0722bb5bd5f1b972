package io.celerykit.app;

/**
 * A verification of sent tasks failed: its message says what was expected, what was sent and the
 * closest sends (see {@link VerificationReport}). An {@link AssertionError}, as WireMock's {@code
 * VerificationException} and Mockito's verification failures are, so test tools show it as a failed
 * assertion.
 */
public final class TaskVerificationException extends AssertionError {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure.
   *
   * @param report the report text
   */
  public TaskVerificationException(String report) {
    super(report);
  }
}
