/**
 * Celery's wire messages as a Celery 5.2.6 client sends them through Redis (kombu 5.2.4's Redis
 * transport), built as plain values and sent by nobody here: {@link
 * io.celerykit.redis.protocol.CeleryEncoder} turns {@code app.send_task}, the {@code apply_async}
 * of celerykit's canvas and {@code app.control.revoke} into {@link
 * io.celerykit.redis.protocol.RedisCommand}s ({@code LPUSH} of the kombu envelope on the queue's
 * list, the result backend's chord writes, {@code PUBLISH} on the pidbox fanout) and the structure
 * of the result Celery returns. The package-private {@code Py*} classes port the Python that
 * decides the bytes (Celery's {@code saferepr}, kombu's JSON, the freezing of signatures, groups,
 * chains and chords); the golden tests compare all of it with what real Celery records.
 */
package io.celerykit.redis.protocol;
