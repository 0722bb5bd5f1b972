package io.celerykit.junit;

/**
 * Attached (as a suppressed exception) to the failure of a test that used celerykit: its message is
 * the app's event journal as a timeline and the result trees of the tasks the test sent.
 */
public final class CeleryDiagnostics extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the diagnostics.
   *
   * @param report the report text
   */
  public CeleryDiagnostics(String report) {
    super(report, null, false, false);
  }
}
