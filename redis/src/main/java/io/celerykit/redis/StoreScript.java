package io.celerykit.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Celery's {@code RedisBackend._set} as one atomic script: SETEX (or SET without {@code
 * result_expires}) and PUBLISH of the value on the key's channel. It stores only if the key still
 * holds the value the caller read (compared by SHA-1), so that {@code _store_result}'s check that a
 * SUCCESS is never replaced cannot race with a concurrent store, as it can in Celery.
 */
final class StoreScript {
  /** Expected digest that skips the comparison (groups are stored unconditionally). */
  static final String ANY = "*";

  static final String LUA =
      """
      local current = redis.call('GET', KEYS[1])
      if ARGV[1] ~= '*' then
        if current then
          if redis.sha1hex(current) ~= ARGV[1] then return 0 end
        elseif ARGV[1] ~= '' then
          return 0
        end
      end
      local ttl = tonumber(ARGV[3])
      if ttl > 0 then
        redis.call('SETEX', KEYS[1], ttl, ARGV[2])
      else
        redis.call('SET', KEYS[1], ARGV[2])
      end
      redis.call('PUBLISH', KEYS[1], ARGV[2])
      return 1
      """;

  private static final String SHA = sha1Hex(LUA.getBytes(StandardCharsets.UTF_8));

  private StoreScript() {}

  /**
   * Stores and publishes the value if the key holds what was expected.
   *
   * @param expected the SHA-1 of the value read, {@code ""} for none, or {@link #ANY}
   * @param ttlSeconds the time to live, 0 for none
   * @return true when stored, false when the key changed meanwhile
   */
  static boolean storeAndPublish(
      RedisCommands<String, byte[]> commands,
      String key,
      String expected,
      byte[] value,
      long ttlSeconds) {
    String[] keys = {key};
    byte[][] args = {
      expected.getBytes(StandardCharsets.UTF_8),
      value,
      Long.toString(ttlSeconds).getBytes(StandardCharsets.UTF_8)
    };
    Long stored;
    try {
      stored = commands.evalsha(SHA, ScriptOutputType.INTEGER, keys, args);
    } catch (RedisNoScriptException e) {
      // A Redis that restarted (or never saw the script): EVAL loads it again.
      stored = commands.eval(LUA, ScriptOutputType.INTEGER, keys, args);
    }
    return stored != null && stored == 1L;
  }

  /** The digest the script compares: lowercase hex SHA-1, as Redis's {@code sha1hex}. */
  static String sha1Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }
}
