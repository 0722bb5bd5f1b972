package io.celerykit.result;

import java.util.List;
import java.util.Map;

/**
 * The app's remote control, as Celery's {@code app.control}: where revoke requests go. The
 * in-memory app's control records every request so that tests can assert on them, and its worker
 * acts on them.
 */
public interface Control {

  /**
   * Asks the workers to revoke tasks, as Celery's {@code control.revoke(task_ids, ...)}. Revoking
   * an id no worker knows is allowed and harmless, as in Celery.
   *
   * @param taskIds the ids to revoke
   * @param options terminate, signal, wait, timeout
   */
  void revoke(List<String> taskIds, RevokeOptions options);

  /**
   * Asks the workers to revoke every task whose stamped headers match all of these, as Celery's
   * {@code control.revoke_by_stamped_headers(headers, ...)}. A value may be a single value or a
   * list of accepted values.
   *
   * @param headers the headers to match
   * @param options terminate, signal, wait, timeout
   */
  void revokeByStampedHeaders(Map<String, Object> headers, RevokeOptions options);
}
