package io.celerykit.app;

/**
 * How task return values (and custom-state metas) pass into the backend, as Celery's {@code
 * result_serializer}.
 */
public enum ResultSerializer {
  /**
   * Celery's default, {@code json}: values are stored as a JSON round trip makes them — tuples and
   * arrays become lists, results become their tuples ({@code [["id", null], null]}), map keys
   * become strings, whole numbers that fit become {@code Integer}s — and a value JSON cannot hold
   * fails the task with {@code EncodeException}, as kombu's {@code EncodeError} fails it in Celery.
   */
  JSON,
  /**
   * Keeps Java values as they are, as Celery's {@code pickle} keeps Python objects: results stay
   * results, records stay records.
   */
  OBJECT
}
