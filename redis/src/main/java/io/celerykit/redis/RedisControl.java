package io.celerykit.redis;

import io.celerykit.result.Control;
import io.celerykit.result.RevokeOptions;
import java.util.List;
import java.util.Map;

/**
 * The Redis engine's {@code app.control}: not there yet. Celery revokes by broadcasting a {@code
 * revoke} command on the workers' pidbox (a kombu fanout exchange over Redis PUBLISH), which needs
 * the message encoders of {@code io.celerykit.redis.protocol}; until they arrive every method
 * throws {@link UnsupportedOperationException} saying so.
 */
final class RedisControl implements Control {
  static final String NOT_YET =
      " needs the pidbox broadcast (kombu's fanout over Redis PUBLISH), which the message encoders"
          + " of io.celerykit.redis.protocol will bring; it is not supported yet. Revoke with"
          + " Celery meanwhile: celery -A <app> control revoke <task id>";

  @Override
  public void revoke(List<String> taskIds, RevokeOptions options) {
    throw new UnsupportedOperationException("revoke " + taskIds + NOT_YET);
  }

  @Override
  public void revokeByStampedHeaders(Map<String, Object> headers, RevokeOptions options) {
    throw new UnsupportedOperationException("revoke_by_stamped_headers " + headers + NOT_YET);
  }

  @Override
  public String toString() {
    return "RedisControl (revoke not supported yet)";
  }
}
