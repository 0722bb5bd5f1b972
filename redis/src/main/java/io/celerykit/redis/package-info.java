/**
 * celerykit's Redis engine: the same {@link io.celerykit.app.Celery} API as {@code InMemoryCelery},
 * against a real Celery whose broker and result backend are Redis.
 */
package io.celerykit.redis;
