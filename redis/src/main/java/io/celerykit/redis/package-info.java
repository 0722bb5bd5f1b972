/**
 * celerykit's Redis engine: the same {@link io.celerykit.app.Celery} API as {@code InMemoryCelery},
 * against a real Celery 5.2.6 whose broker and result backend are Redis. The engine uses the core's
 * {@code io.celerykit.internal} helpers (argument checks, Python's float repr and JSON text): it is
 * an artifact of the same project, on the classpath.
 *
 * <ul>
 *   <li>{@link io.celerykit.redis.RedisCelery} is the engine: {@code
 *       RedisCelery.connect("redis://127.0.0.1:6379/0")}, or {@code
 *       RedisCelery.create(RedisCeleryConfig)} with Celery's setting names.
 *   <li>{@link io.celerykit.redis.RedisResultBackend} is Celery's Redis result backend ({@code
 *       celery.backends.redis}): the same keys, JSON, TTL and pub/sub; usable on its own.
 *   <li>{@link io.celerykit.redis.RetryPolicy} says how lost connections are retried; {@link
 *       io.celerykit.redis.RedisBackendException} is what is thrown once they are given up.
 *   <li>{@link io.celerykit.redis.TaskPublisher} is where the commands the encoders of {@code
 *       io.celerykit.redis.protocol} build leave for Redis.
 *   <li>{@code io.celerykit.redis.testing} starts a real Redis and Celery worker for tests.
 * </ul>
 */
package io.celerykit.redis;
