/**
 * Celery's JSON wire format ({@link io.celerykit.wire.CeleryJson}): task metas, group metas,
 * exceptions, result tuples and dates exactly as Celery 5 stores them, and fixture loading ({@link
 * io.celerykit.wire.CeleryFixtures}).
 */
package io.celerykit.wire;
