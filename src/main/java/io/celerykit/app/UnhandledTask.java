package io.celerykit.app;

/**
 * A task the app sent that was never handled by the end of a test, with the reason (see {@link
 * InMemoryCelery#unhandledTasks()}). Immutable.
 *
 * @param sent the send
 * @param reason why it was not handled, e.g. {@code it is due at 2026-01-01T00:10:00Z ...}
 */
public record UnhandledTask(SentTask sent, String reason) {

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
