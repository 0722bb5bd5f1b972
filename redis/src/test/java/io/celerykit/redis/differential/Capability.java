package io.celerykit.redis.differential;

/**
 * What a scenario needs of the Redis engine beyond sending plain tasks. The suite asks the engine
 * once per capability ({@link RedisSide#supports}): an engine that answers with an {@link
 * UnsupportedOperationException} does not support it yet, and the scenarios that need it are
 * skipped (their in-memory half still runs); once the engine supports it they run by themselves.
 */
enum Capability {
  /** {@code group(...).apply_async()}. */
  GROUP,
  /** {@code chain(...).apply_async()}. */
  CHAIN,
  /** {@code chord(header, body).apply_async()}. */
  CHORD,
  /** {@code apply_async(link=..., link_error=...)}. */
  LINK,
  /** {@code app.control.revoke(...)}: the pidbox broadcast. */
  REVOKE
}
