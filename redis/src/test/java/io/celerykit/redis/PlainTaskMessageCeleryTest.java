package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.redis.testing.Prerequisites;
import io.celerykit.redis.testing.RealCelery;
import io.celerykit.redis.testing.RedisProbe;
import io.celerykit.wire.CeleryJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The message Java sends for a plain task is the one Celery's own {@code app.send_task} pushes
 * (celery/app/amqp.py as_task_v2, kombu/transport/virtual/base.py prepare_message): the same keys
 * in the same order, the same headers, the same body text; only the per-process fields differ
 * (origin, reply_to, delivery_tag).
 */
@Tag("real-celery")
class PlainTaskMessageCeleryTest {

  @RegisterExtension static final RealCelery celery = RealCelery.redisOnly();

  private static final String SEND =
      String.join(
          "\n",
          "import os, sys",
          "from celery import Celery",
          "app = Celery('reference', broker=os.environ['URL'])",
          "app.send_task('tasks.echo', args=(1, 'a', None, 2.5, [True]),",
          "    kwargs={'flag': True, 'text': \"it's\"}, task_id='fixed-id', queue='reference')",
          "import redis",
          "sys.stdout.write(redis.Redis.from_url(os.environ['URL']).lpop('reference').decode())");

  @Test
  void theEnvelopeIsTheOneCeleryPushes() throws IOException, InterruptedException {
    Prerequisites.requireCelery();
    String python = sendFromPython();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("flag", true);
    kwargs.put("text", "it's");
    String fromJavaText =
        PlainTaskMessage.envelope(
            new PlainTaskMessage.Request(
                "fixed-id",
                "tasks.echo",
                Arrays.asList(1, "a", null, 2.5, List.of(true)),
                kwargs,
                null,
                null,
                "reference",
                Map.of(),
                false,
                "gen1@host",
                "reply"));

    Map<String, Object> fromPython = map(CeleryJson.parse(python, "python"));
    Map<String, Object> fromJava = map(CeleryJson.parse(fromJavaText, "java"));
    assertThat(fromJava.get("body")).as("the body, base64").isEqualTo(fromPython.get("body"));
    assertThat(CeleryJson.dumps(normalized(fromJava)))
        .isEqualTo(CeleryJson.dumps(normalized(fromPython)));
    try (RedisProbe probe = RedisProbe.connect(celery.url())) {
      assertThat(probe.commands().llen("reference")).isZero();
    }
  }

  private String sendFromPython() throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(Prerequisites.PYTHON.toString(), "-c", SEND).redirectErrorStream(false);
    builder.environment().put("URL", celery.url());
    Process p = builder.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue())
        .as("python failed: %s", new String(err, StandardCharsets.UTF_8))
        .isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  /** The message with the per-process fields blanked, keys in their order. */
  private static Map<String, Object> normalized(Map<String, Object> message) {
    Map<String, Object> out = new LinkedHashMap<>(message);
    Map<String, Object> headers = new LinkedHashMap<>(map(message.get("headers")));
    headers.put("origin", "?");
    out.put("headers", headers);
    Map<String, Object> properties = new LinkedHashMap<>(map(message.get("properties")));
    properties.put("reply_to", "?");
    properties.put("delivery_tag", "?");
    out.put("properties", properties);
    out.put("keys", new ArrayList<>(message.keySet()));
    return out;
  }

  private static Map<String, Object> map(Object value) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
      out.put(String.valueOf(e.getKey()), e.getValue());
    }
    return out;
  }
}
