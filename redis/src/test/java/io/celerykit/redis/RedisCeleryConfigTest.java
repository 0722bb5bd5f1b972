package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisCeleryConfigTest {

  /** The defaults are Celery's: result_expires one day, task_default_queue "celery". */
  @Test
  void theDefaultsAreCelerys() {
    RedisCeleryConfig c = RedisCeleryConfig.defaults();
    assertThat(c.brokerUrl()).isEqualTo("redis://localhost:6379/0");
    assertThat(c.resultBackend()).isNull();
    assertThat(c.resultBackendUrl()).isEqualTo(c.brokerUrl());
    assertThat(c.resultExpires()).isEqualTo(Duration.ofDays(1));
    assertThat(c.taskDefaultQueue()).isEqualTo("celery");
    assertThat(c.globalKeyprefix()).isNull();
    assertThat(c.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    assertThat(c.taskPublishRetryPolicy()).isEqualTo(RetryPolicy.publishDefaults());
  }

  /** result_backend, when set, is where results are read; the broker stays the broker. */
  @Test
  void resultBackendOverridesTheBrokersRedisForResults() {
    RedisCeleryConfig c =
        RedisCeleryConfig.defaults()
            .brokerUrl("redis://broker:6379/0")
            .resultBackend("redis://results:6380/2");
    assertThat(c.resultBackendUrl()).isEqualTo("redis://results:6380/2");
    assertThat(c.brokerUrl()).isEqualTo("redis://broker:6379/0");
    assertThat(c.resultBackend(null).resultBackendUrl()).isEqualTo("redis://broker:6379/0");
  }

  /** A URL that is not a Redis URL is refused, naming the setting and the expected form. */
  @Test
  void aUrlThatIsNotRedisIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> RedisCeleryConfig.defaults().brokerUrl("amqp://guest@rabbit//"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broker_url")
        .hasMessageContaining("redis://");
    assertThatThrownBy(() -> RedisCeleryConfig.defaults().resultBackend("redis://host:6379/zero"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("result_backend")
        .hasMessageContaining("database number");
    assertThatThrownBy(() -> RedisCeleryConfig.defaults().brokerUrl(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("broker_url");
    assertThatThrownBy(
            () -> RedisCeleryConfig.defaults().brokerUrl("redis://:secret@host:6379/0 x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
  }

  /** Other bad settings name the setting. */
  @Test
  void badSettingsNameTheSetting() {
    assertThatThrownBy(() -> RedisCeleryConfig.defaults().resultExpires(Duration.ofSeconds(-1)))
        .hasMessageContaining("result_expires");
    assertThatThrownBy(() -> RedisCeleryConfig.defaults().taskDefaultQueue(""))
        .hasMessageContaining("task_default_queue");
    assertThatThrownBy(() -> RedisCeleryConfig.defaults().redisSocketTimeout(Duration.ZERO))
        .hasMessageContaining("redis_socket_timeout");
    assertThatThrownBy(() -> RedisCeleryConfig.defaults().retryPolicy(null))
        .hasMessageContaining("retry_policy");
  }

  /** Passwords are masked wherever a URL is shown, as kombu's maybe_sanitize_url. */
  @Test
  void passwordsAreMaskedAsKombusMaybeSanitizeUrl() {
    RedisCeleryConfig c = RedisCeleryConfig.defaults().brokerUrl("redis://:s3cret@host:6379/0");
    assertThat(c.toString()).contains("redis://:**@host:6379/0").doesNotContain("s3cret");
    assertThat(RedisUrls.sanitize("redis://user:pw@host/1")).isEqualTo("redis://user:**@host/1");
    assertThat(RedisUrls.sanitize("redis://host:6379/0")).isEqualTo("redis://host:6379/0");
  }

  /** Lettuce gets the host, port, database, password and TLS of Celery's URL. */
  @Test
  void theUrlBecomesLettucesUri() {
    var uri =
        RedisUrls.toRedisUri("rediss://:p+w%40d@cache:6390/3", "broker_url", Duration.ofSeconds(5));
    assertThat(uri.getHost()).isEqualTo("cache");
    assertThat(uri.getPort()).isEqualTo(6390);
    assertThat(uri.getDatabase()).isEqualTo(3);
    assertThat(uri.isSsl()).isTrue();
    assertThat(new String(uri.getCredentialsProvider().resolveCredentials().block().getPassword()))
        .isEqualTo("p+w@d");
    var plain = RedisUrls.toRedisUri("redis://", "broker_url", Duration.ofSeconds(5));
    assertThat(plain.getHost()).isEqualTo("localhost");
    assertThat(plain.getPort()).isEqualTo(6379);
    assertThat(plain.getDatabase()).isZero();
  }
}
