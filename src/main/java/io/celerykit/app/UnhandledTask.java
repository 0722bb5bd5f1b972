package io.celerykit.app;

/**
 * A task the app sent that was never handled by the end of a test, with the reason (see {@link
 * InMemoryCelery#unhandledTasks()}). Immutable.
 */
public final class UnhandledTask {
  private final SentTask sent;
  private final String reason;

  UnhandledTask(SentTask sent, String reason) {
    this.sent = sent;
    this.reason = reason;
  }

  /**
   * Returns the send.
   *
   * @return the sent task
   */
  public SentTask sent() {
    return sent;
  }

  /**
   * Returns why it was not handled, e.g. {@code it is due at 2026-01-01T00:10:00Z ...}.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * Describes the send and the reason.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return sent + ": " + reason;
  }
}
