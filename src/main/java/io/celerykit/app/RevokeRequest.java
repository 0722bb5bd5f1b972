package io.celerykit.app;

import io.celerykit.result.RevokeOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One revoke request the app's control received: by task ids ({@code revoke}) or by stamped headers
 * ({@code revoke_by_stamped_headers}), with its options and the virtual time it was sent.
 *
 * @param taskIds the ids revoked (empty for a request by headers)
 * @param headers the stamped headers to match (empty for a request by ids)
 * @param options terminate, signal, wait, timeout
 * @param at the virtual time of the request
 */
public record RevokeRequest(
    List<String> taskIds, Map<String, Object> headers, RevokeOptions options, Instant at) {

  /**
   * Copies the collections and checks the parts.
   *
   * @param taskIds the ids
   * @param headers the headers
   * @param options the options
   * @param at the time
   */
  public RevokeRequest {
    taskIds = List.copyOf(taskIds);
    headers = Map.copyOf(headers);
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(at, "at");
  }

  /**
   * Tells whether this request was by stamped headers.
   *
   * @return true for {@code revoke_by_stamped_headers}
   */
  public boolean byStampedHeaders() {
    return !headers.isEmpty();
  }

  /**
   * Tells whether the request revokes a task id.
   *
   * @param taskId the id
   * @return true when the id is among the revoked ids
   */
  public boolean revokes(String taskId) {
    return taskIds.contains(taskId);
  }
}
