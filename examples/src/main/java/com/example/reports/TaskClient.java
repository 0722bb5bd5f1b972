package com.example.reports;

/**
 * How the application sends Celery tasks (in production: its broker client). Tests plug in the
 * in-memory Celery: {@code (name, args) -> celery.sendTask(name, args).id()}.
 */
@FunctionalInterface
public interface TaskClient {
  /**
   * Sends a task.
   *
   * @param taskName the Celery task name
   * @param args the positional arguments
   * @return the task id
   */
  String submit(String taskName, Object... args);
}
