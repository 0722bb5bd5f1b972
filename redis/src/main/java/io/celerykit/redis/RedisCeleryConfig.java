package io.celerykit.redis;

import io.celerykit.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings of the Redis engine, with Celery's names and defaults: {@code broker_url}, {@code
 * result_backend}, {@code result_expires}, {@code task_default_queue}, {@code
 * result_backend_transport_options} ({@code global_keyprefix}, {@code retry_policy}), {@code
 * task_publish_retry_policy}, {@code redis_socket_connect_timeout} and {@code
 * redis_socket_timeout}. Immutable; every wither returns a copy.
 *
 * <pre>{@code
 * RedisCelery celery = RedisCelery.create(RedisCeleryConfig.defaults()
 *     .brokerUrl("redis://redis:6379/0")
 *     .resultExpires(Duration.ofHours(1)));
 * }</pre>
 */
public final class RedisCeleryConfig {
  private static final RedisCeleryConfig DEFAULTS = new RedisCeleryConfig(new Builder());

  /** The settings' values, copied and changed by each wither; Celery's defaults. */
  private static final class Builder implements Cloneable {
    String brokerUrl = "redis://localhost:6379/0";
    String resultBackend;
    Duration resultExpires = Duration.ofDays(1);
    String taskDefaultQueue = "celery";
    String globalKeyprefix;
    RetryPolicy retryPolicy = RetryPolicy.defaults();
    RetryPolicy taskPublishRetryPolicy = RetryPolicy.publishDefaults();
    Duration redisSocketConnectTimeout = Duration.ofSeconds(10);
    Duration redisSocketTimeout = Duration.ofSeconds(30);

    Builder copy() {
      try {
        return (Builder) clone();
      } catch (CloneNotSupportedException impossible) {
        throw new AssertionError(impossible);
      }
    }
  }

  /** Never changed after construction: each wither changes a copy. */
  private final Builder values;

  private RedisCeleryConfig(Builder values) {
    this.values = values;
  }

  /** A copy with one change: a new setting is one builder field, one wither and one accessor. */
  private RedisCeleryConfig with(Consumer<Builder> change) {
    Builder b = values.copy();
    change.accept(b);
    return new RedisCeleryConfig(b);
  }

  /**
   * Returns the defaults: broker {@code redis://localhost:6379/0}, results in the broker's Redis,
   * {@code result_expires} one day, queue {@code celery}, Celery's retry policies, 10 s to connect
   * and 30 s for a command to answer.
   *
   * @return the defaults
   */
  public static RedisCeleryConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Sets {@code broker_url}, the Redis that task messages are sent through ({@code redis://} or
   * {@code rediss://}).
   *
   * @param url the URL, such as {@code redis://127.0.0.1:6379/0}
   * @return the new config
   */
  public RedisCeleryConfig brokerUrl(String url) {
    RedisUrls.check(url, "broker_url");
    return with(b -> b.brokerUrl = url);
  }

  /**
   * Sets {@code result_backend}, the Redis that results are read from; null (the default) uses the
   * broker's.
   *
   * @param url the URL, or null for {@link #brokerUrl()}
   * @return the new config
   */
  public RedisCeleryConfig resultBackend(String url) {
    if (url != null) {
      RedisUrls.check(url, "result_backend");
    }
    return with(b -> b.resultBackend = url);
  }

  /**
   * Sets {@code result_expires}: the time to live of every stored result key, in whole seconds
   * (Celery's {@code expires_type=int}); null or a duration under a second stores results without
   * expiry, as Celery does for {@code None} and {@code 0}.
   *
   * @param ttl the time to live, or null for none
   * @return the new config
   */
  public RedisCeleryConfig resultExpires(Duration ttl) {
    if (ttl != null) {
      Checks.requireNonNegative(ttl, "result_expires");
    }
    return with(b -> b.resultExpires = ttl);
  }

  /**
   * Sets {@code task_default_queue}: the queue of tasks sent without a {@code queue} option.
   *
   * @param queue the queue name
   * @return the new config
   */
  public RedisCeleryConfig taskDefaultQueue(String queue) {
    return with(b -> b.taskDefaultQueue = Checks.requireNonBlank(queue, "task_default_queue"));
  }

  /**
   * Sets {@code result_backend_transport_options['global_keyprefix']}: a prefix put before every
   * result key ({@code <prefix>celery-task-meta-<id>}), followed by {@code _} unless it ends with
   * one of {@code :_-.}, as Celery's {@code BaseKeyValueStoreBackend._add_global_keyprefix} (Celery
   * 5.3). Celery 5.2 has no such option: a 5.2 worker must set its backend's {@code task_keyprefix}
   * to the same text.
   *
   * @param prefix the prefix, or null for none
   * @return the new config
   */
  public RedisCeleryConfig globalKeyprefix(String prefix) {
    if (prefix != null) {
      Checks.requireNonBlank(prefix, "global_keyprefix");
    }
    return with(b -> b.globalKeyprefix = prefix);
  }

  /**
   * Sets {@code result_backend_transport_options['retry_policy']}: how a lost connection to the
   * result backend is retried, for stores and reads and for waits.
   *
   * @param policy the policy
   * @return the new config
   */
  public RedisCeleryConfig retryPolicy(RetryPolicy policy) {
    return with(b -> b.retryPolicy = Checks.requireNonNull(policy, "retry_policy"));
  }

  /**
   * Sets {@code task_publish_retry_policy}: how a lost connection to the broker is retried when a
   * task is sent.
   *
   * @param policy the policy
   * @return the new config
   */
  public RedisCeleryConfig taskPublishRetryPolicy(RetryPolicy policy) {
    return with(
        b -> b.taskPublishRetryPolicy = Checks.requireNonNull(policy, "task_publish_retry_policy"));
  }

  /**
   * Sets {@code redis_socket_connect_timeout}: how long connecting to Redis may take.
   *
   * @param timeout a positive duration
   * @return the new config
   */
  public RedisCeleryConfig redisSocketConnectTimeout(Duration timeout) {
    return with(
        b ->
            b.redisSocketConnectTimeout =
                Checks.requirePositive(
                    timeout, "redis_socket_connect_timeout", "pass a positive duration"));
  }

  /**
   * Sets {@code redis_socket_timeout}: how long one Redis command may take to answer; a command
   * that takes longer counts as a lost connection and is retried.
   *
   * @param timeout a positive duration
   * @return the new config
   */
  public RedisCeleryConfig redisSocketTimeout(Duration timeout) {
    return with(
        b ->
            b.redisSocketTimeout =
                Checks.requirePositive(
                    timeout, "redis_socket_timeout", "pass a positive duration"));
  }

  /**
   * Returns {@code broker_url}.
   *
   * @return the URL
   */
  public String brokerUrl() {
    return values.brokerUrl;
  }

  /**
   * Returns {@code result_backend}, or null when results live in the broker's Redis.
   *
   * @return the URL or null
   */
  public String resultBackend() {
    return values.resultBackend;
  }

  /**
   * Returns the URL results are read from: {@code result_backend}, else {@code broker_url}.
   *
   * @return the URL
   */
  public String resultBackendUrl() {
    return values.resultBackend != null ? values.resultBackend : values.brokerUrl;
  }

  /**
   * Returns {@code result_expires}, or null for none.
   *
   * @return the time to live
   */
  public Duration resultExpires() {
    return values.resultExpires;
  }

  /**
   * Returns {@code task_default_queue}.
   *
   * @return the queue name
   */
  public String taskDefaultQueue() {
    return values.taskDefaultQueue;
  }

  /**
   * Returns {@code result_backend_transport_options['global_keyprefix']}, or null.
   *
   * @return the prefix
   */
  public String globalKeyprefix() {
    return values.globalKeyprefix;
  }

  /**
   * Returns {@code result_backend_transport_options['retry_policy']}.
   *
   * @return the policy
   */
  public RetryPolicy retryPolicy() {
    return values.retryPolicy;
  }

  /**
   * Returns {@code task_publish_retry_policy}.
   *
   * @return the policy
   */
  public RetryPolicy taskPublishRetryPolicy() {
    return values.taskPublishRetryPolicy;
  }

  /**
   * Returns {@code redis_socket_connect_timeout}.
   *
   * @return the timeout
   */
  public Duration redisSocketConnectTimeout() {
    return values.redisSocketConnectTimeout;
  }

  /**
   * Returns {@code redis_socket_timeout}.
   *
   * @return the timeout
   */
  public Duration redisSocketTimeout() {
    return values.redisSocketTimeout;
  }

  /**
   * Compares every setting.
   *
   * @param o the other object
   * @return true when equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof RedisCeleryConfig c
        && c.values.brokerUrl.equals(values.brokerUrl)
        && Objects.equals(c.values.resultBackend, values.resultBackend)
        && Objects.equals(c.values.resultExpires, values.resultExpires)
        && c.values.taskDefaultQueue.equals(values.taskDefaultQueue)
        && Objects.equals(c.values.globalKeyprefix, values.globalKeyprefix)
        && c.values.retryPolicy.equals(values.retryPolicy)
        && c.values.taskPublishRetryPolicy.equals(values.taskPublishRetryPolicy)
        && c.values.redisSocketConnectTimeout.equals(values.redisSocketConnectTimeout)
        && c.values.redisSocketTimeout.equals(values.redisSocketTimeout);
  }

  /**
   * Hashes the URLs and the queue.
   *
   * @return the hash
   */
  @Override
  public int hashCode() {
    return Objects.hash(values.brokerUrl, values.resultBackend, values.taskDefaultQueue);
  }

  /**
   * Describes the settings with Celery's names; passwords in URLs are masked.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "RedisCeleryConfig{broker_url="
        + RedisUrls.sanitize(values.brokerUrl)
        + ", result_backend="
        + (values.resultBackend == null ? null : RedisUrls.sanitize(values.resultBackend))
        + ", result_expires="
        + values.resultExpires
        + ", task_default_queue="
        + values.taskDefaultQueue
        + ", global_keyprefix="
        + values.globalKeyprefix
        + ", "
        + values.retryPolicy
        + ", task_publish_retry_policy="
        + values.taskPublishRetryPolicy
        + ", redis_socket_connect_timeout="
        + values.redisSocketConnectTimeout
        + ", redis_socket_timeout="
        + values.redisSocketTimeout
        + "}";
  }
}
