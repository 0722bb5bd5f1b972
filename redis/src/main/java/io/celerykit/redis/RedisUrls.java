package io.celerykit.redis;

import io.celerykit.internal.Checks;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** Celery's Redis URLs: checked, masked for messages, turned into Lettuce's {@link RedisURI}. */
final class RedisUrls {
  private RedisUrls() {}

  /** Fails with IllegalArgumentException naming the setting when the URL is not a Redis URL. */
  static URI check(String url, String setting) {
    Checks.requireNonBlank(url, setting);
    URI uri;
    try {
      uri = new URI(withHost(url));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          setting + " is not a URL: " + sanitize(url) + " (" + e.getReason() + ")", e);
    }
    String scheme = uri.getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new IllegalArgumentException(
          setting
              + " must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379/0, got "
              + sanitize(url));
    }
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      String db = path.substring(1);
      if (!db.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException(
            setting + ": the path of a Redis URL is the database number, got " + sanitize(url));
      }
    }
    return uri;
  }

  /** As kombu's URL parsing: {@code redis://} and {@code redis:///1} mean localhost. */
  private static String withHost(String url) {
    int sep = url.indexOf("://");
    if (sep > 0 && (url.length() == sep + 3 || url.charAt(sep + 3) == '/')) {
      return url.substring(0, sep + 3) + "localhost" + url.substring(sep + 3);
    }
    return url;
  }

  /** Masks the password, as kombu's {@code maybe_sanitize_url}: {@code redis://:**@host:6379/0}. */
  static String sanitize(String url) {
    if (url == null) {
      return null;
    }
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (scheme < 0 || at < scheme) {
      return url;
    }
    String userInfo = url.substring(scheme + 3, at);
    int colon = userInfo.indexOf(':');
    String masked = colon < 0 ? "**" : userInfo.substring(0, colon) + ":**";
    return url.substring(0, scheme + 3) + masked + url.substring(at);
  }

  /** The database number of a URL ({@code /3}), 0 when it names none. */
  static int database(String url) {
    return toRedisUri(url, "broker_url", Duration.ofSeconds(1)).getDatabase();
  }

  /** Lettuce's URI for a checked URL, with the command timeout. */
  static RedisURI toRedisUri(String url, String setting, Duration commandTimeout) {
    URI uri = check(url, setting);
    String host = uri.getHost() == null || uri.getHost().isEmpty() ? "localhost" : uri.getHost();
    int port = uri.getPort() < 0 ? RedisURI.DEFAULT_REDIS_PORT : uri.getPort();
    RedisURI.Builder b = RedisURI.builder().withHost(host).withPort(port);
    b.withSsl("rediss".equals(uri.getScheme()));
    String path = uri.getPath();
    if (path != null && path.length() > 1) {
      b.withDatabase(Integer.parseInt(path.substring(1)));
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? null : decode(userInfo.substring(0, colon));
      String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
      if (user == null || user.isEmpty()) {
        b.withPassword(password.toCharArray());
      } else {
        b.withAuthentication(user, password.toCharArray());
      }
    }
    b.withTimeout(commandTimeout);
    return b.build();
  }

  private static String decode(String text) {
    // As urllib's unquote: a plus sign stays a plus sign.
    return java.net.URLDecoder.decode(
        text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }
}
