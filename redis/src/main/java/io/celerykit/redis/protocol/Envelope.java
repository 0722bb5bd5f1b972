package io.celerykit.redis.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message as kombu's virtual transport stores it in Redis: what {@code Channel.prepare_message}
 * builds and {@code basic_publish} completes ({@code _inplace_augment_message}). The body is the
 * serialized payload in base64; the properties end with {@code delivery_info} (exchange and routing
 * key), {@code priority}, {@code body_encoding} and a {@code delivery_tag} uuid. {@link #toJson()}
 * is the string kombu LPUSHes (or PUBLISHes for a fanout).
 *
 * <pre>{@code
 * {"body": "W1sy...", "content-encoding": "utf-8", "content-type": "application/json",
 *  "headers": {...}, "properties": {"correlation_id": ..., "reply_to": ..., "delivery_mode": 2,
 *  "delivery_info": {"exchange": "", "routing_key": "celery"}, "priority": 0,
 *  "body_encoding": "base64", "delivery_tag": "..."}}
 * }</pre>
 */
public final class Envelope {
  private final String body;
  private final String contentEncoding;
  private final String contentType;
  private final Map<String, Object> headers;
  private final Map<String, Object> properties;
  private final String json;

  private Envelope(
      String body,
      String contentEncoding,
      String contentType,
      Map<String, Object> headers,
      Map<String, Object> properties) {
    this.body = body;
    this.contentEncoding = contentEncoding;
    this.contentType = contentType;
    this.headers = headers;
    this.properties = properties;
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("body", body);
    message.put("content-encoding", contentEncoding);
    message.put("content-type", contentType);
    message.put("headers", headers);
    message.put("properties", properties);
    this.json = KombuJson.dumps(message);
  }

  /**
   * Builds the message as kombu's {@code prepare_message} then {@code _inplace_augment_message} do,
   * the body in base64 of its UTF-8 bytes.
   */
  @SuppressWarnings("unchecked")
  static Envelope prepare(
      String payload,
      String contentType,
      String contentEncoding,
      Map<String, Object> headers,
      Map<String, Object> properties,
      Object priority,
      String exchange,
      String routingKey,
      String deliveryTag) {
    Map<String, Object> props = new LinkedHashMap<>(properties);
    if (!props.containsKey("delivery_info")) {
      props.put("delivery_info", new LinkedHashMap<String, Object>());
    }
    if (!props.containsKey("priority")) {
      props.put("priority", PyValues.truthy(priority) ? priority : 0);
    }
    props.put("body_encoding", "base64");
    props.put("delivery_tag", deliveryTag);
    Map<String, Object> info =
        new LinkedHashMap<>((Map<String, Object>) props.get("delivery_info"));
    info.put("exchange", exchange);
    info.put("routing_key", routingKey);
    props.put("delivery_info", info);
    String body = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return new Envelope(
        body,
        contentEncoding,
        contentType,
        (Map<String, Object>) PyValues.snapshot(headers),
        (Map<String, Object>) PyValues.snapshot(props));
  }

  /**
   * Returns the body: the serialized payload, base64-encoded ({@code body_encoding}).
   *
   * @return the base64 text
   */
  public String body() {
    return body;
  }

  /**
   * Returns the payload the body encodes, decoded from base64 and UTF-8.
   *
   * @return the serialized payload, such as the task message's JSON
   */
  public String payload() {
    return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
  }

  /**
   * Returns {@code content-encoding}: {@code utf-8}.
   *
   * @return the encoding
   */
  public String contentEncoding() {
    return contentEncoding;
  }

  /**
   * Returns {@code content-type}: {@code application/json}.
   *
   * @return the content type
   */
  public String contentType() {
    return contentType;
  }

  /**
   * Returns the headers (a task message's protocol-2 headers, a control message's clock).
   *
   * @return an unmodifiable map in kombu's order
   */
  public Map<String, Object> headers() {
    return headers;
  }

  /**
   * Returns the properties, {@code delivery_info} and the rest of kombu's additions included.
   *
   * @return an unmodifiable map in kombu's order
   */
  public Map<String, Object> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /**
   * Returns the {@code delivery_tag} kombu gave the message.
   *
   * @return the tag
   */
  public String deliveryTag() {
    return (String) properties.get("delivery_tag");
  }

  /**
   * Returns the message as the JSON string kombu's Redis transport writes ({@code dumps(message)}).
   *
   * @return the JSON text
   */
  public String toJson() {
    return json;
  }

  /**
   * Returns {@link #toJson()}.
   *
   * @return the JSON text
   */
  @Override
  public String toString() {
    return json;
  }
}
