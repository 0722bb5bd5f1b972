package io.celerykit.redis;

import io.celerykit.wire.CeleryJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A task message of Celery's protocol version 2 for a plain task (no callbacks, chain or chord), in
 * kombu's Redis envelope, as Celery's {@code AMQP.as_task_v2} and kombu's {@code
 * Channel.prepare_message}/{@code _inplace_augment_message} make it: {@code headers} ({@code lang,
 * task, id, shadow, eta, expires, group, group_index, retries, timelimit, root_id, parent_id,
 * argsrepr, kwargsrepr, origin, ignore_result}), the body {@code [args, kwargs, {callbacks,
 * errbacks, chain, chord}]} in base64, and the properties kombu adds.
 *
 * <p><b>Stopgap:</b> enough for plain tasks sent by name. The message encoders of {@code
 * io.celerykit.redis.protocol} replace it (with canvas, callbacks, priorities, {@code expiration},
 * Python's {@code saferepr} limits).
 */
final class PlainTaskMessage {
  private PlainTaskMessage() {}

  /** What one message carries. */
  record Request(
      String id,
      String name,
      List<?> args,
      Map<String, ?> kwargs,
      Instant eta,
      Instant expires,
      String queue,
      Map<String, Object> extraHeaders,
      boolean ignoreResult,
      String origin,
      String replyTo) {}

  /** The LPUSH of the message onto its queue's list (priority 0: the queue's own name). */
  static BrokerCommand encode(Request r) {
    return BrokerCommand.lpush(r.queue(), envelope(r));
  }

  static String envelope(Request r) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("lang", "py");
    headers.put("task", r.name());
    headers.put("id", r.id());
    headers.put("shadow", null);
    headers.put("eta", isoformat(r.eta()));
    headers.put("expires", isoformat(r.expires()));
    headers.put("group", null);
    headers.put("group_index", null);
    headers.put("retries", 0);
    headers.put("timelimit", java.util.Arrays.asList(null, null));
    headers.put("root_id", r.id());
    headers.put("parent_id", null);
    headers.put("argsrepr", PythonRepr.tuple(r.args()));
    headers.put("kwargsrepr", PythonRepr.of(r.kwargs()));
    headers.put("origin", r.origin());
    headers.put("ignore_result", r.ignoreResult());
    // As send_task_message: headers given to apply_async are merged over these.
    headers.putAll(r.extraHeaders());

    Map<String, Object> embed = new LinkedHashMap<>();
    embed.put("callbacks", null);
    embed.put("errbacks", null);
    embed.put("chain", null);
    embed.put("chord", null);
    String body = CeleryJson.dumps(List.of(r.args(), r.kwargs(), embed));

    Map<String, Object> deliveryInfo = new LinkedHashMap<>();
    deliveryInfo.put("exchange", "");
    deliveryInfo.put("routing_key", r.queue());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("correlation_id", r.id());
    properties.put("reply_to", r.replyTo());
    properties.put("delivery_mode", 2);
    properties.put("delivery_info", deliveryInfo);
    properties.put("priority", 0);
    properties.put("body_encoding", "base64");
    properties.put("delivery_tag", UUID.randomUUID().toString());

    Map<String, Object> message = new LinkedHashMap<>();
    message.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
    message.put("content-encoding", "utf-8");
    message.put("content-type", "application/json");
    message.put("headers", headers);
    message.put("properties", properties);
    return CeleryJson.dumps(message);
  }

  /** An aware UTC datetime's {@code isoformat()}: {@code 2026-12-04T01:57:08.974271+00:00}. */
  static String isoformat(Instant instant) {
    return instant == null ? null : CeleryJson.formatDateDone(instant) + "+00:00";
  }

  /**
   * Celery's {@code saferepr} of JSON-like values, for {@code argsrepr} and {@code kwargsrepr};
   * without its {@code maxlevels} and {@code argsrepr_maxsize} limits (the protocol encoders bring
   * those).
   */
  static final class PythonRepr {
    private PythonRepr() {}

    static String tuple(List<?> items) {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(of(items.get(i)));
      }
      return sb.append(items.size() == 1 ? ",)" : ")").toString();
    }

    static String of(Object value) {
      if (value == null) {
        return "None";
      }
      if (value instanceof Boolean b) {
        return b ? "True" : "False";
      }
      if (value instanceof CharSequence || value instanceof Character) {
        return string(value.toString());
      }
      if (value instanceof Map<?, ?> map) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!first) {
            sb.append(", ");
          }
          first = false;
          sb.append(of(e.getKey())).append(": ").append(of(e.getValue()));
        }
        return sb.append('}').toString();
      }
      if (value instanceof Iterable<?> items) {
        StringBuilder sb = new StringBuilder("[");
        boolean first = true;
        for (Object item : items) {
          if (!first) {
            sb.append(", ");
          }
          first = false;
          sb.append(of(item));
        }
        return sb.append(']').toString();
      }
      if (value instanceof Double || value instanceof Float) {
        return CeleryJson.dumps(value);
      }
      return String.valueOf(value);
    }

    /**
     * A str as Celery's {@code saferepr} writes it ({@code _format_chars}): in single quotes, with
     * only single quotes escaped.
     */
    static String string(String s) {
      return "'" + s.replace("'", "\\'") + "'";
    }
  }
}
