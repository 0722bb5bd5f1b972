package com.example.reports;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.CeleryApp;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.RevokeOptions;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The application under test: a service that waits for reports rendered by Celery workers.
 *
 * <p>It only knows celerykit's result API ({@link CeleryApp}, {@link AsyncResult}); in production
 * the app is backed by the real result store, in tests by {@code InMemoryCelery}.
 */
public final class ReportService {

  /** What a caller sees of a report task. */
  public enum Status {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED
  }

  private final CeleryApp celery;
  private final TaskClient client;

  /**
   * Creates a service that only reads results.
   *
   * @param celery the Celery app whose results it reads
   */
  public ReportService(CeleryApp celery) {
    this(celery, (name, args) -> {
      throw new UnsupportedOperationException("this service was created without a task client");
    });
  }

  /**
   * Creates the service.
   *
   * @param celery the Celery app whose results it reads
   * @param client how it sends tasks
   */
  public ReportService(CeleryApp celery, TaskClient client) {
    this.celery = celery;
    this.client = client;
  }

  /**
   * Asks the workers to render the report of a quarter.
   *
   * @param quarter e.g. {@code 2026-Q3}
   * @return the task id
   */
  public String requestReport(String quarter) {
    return client.submit("reports.render", quarter);
  }

  /**
   * Tells where a report task is, without waiting.
   *
   * @param taskId the Celery task id
   * @return the status
   */
  public Status status(String taskId) {
    TaskState state = celery.asyncResult(taskId).state();
    if (state.equals(TaskState.SUCCESS)) {
      return Status.DONE;
    }
    if (state.equals(TaskState.FAILURE)) {
      return Status.FAILED;
    }
    if (state.equals(TaskState.REVOKED)) {
      return Status.CANCELLED;
    }
    return state.equals(TaskState.PENDING) ? Status.QUEUED : Status.RUNNING;
  }

  /**
   * Waits for a report.
   *
   * @param taskId the Celery task id
   * @param timeout how long to wait
   * @return the report, or empty if it is not ready in time
   * @throws ReportFailedException if the task failed
   */
  public Optional<String> awaitReport(String taskId, Duration timeout) {
    AsyncResult<String> result = celery.asyncResult(taskId);
    try {
      return Optional.of(result.get(timeout));
    } catch (ResultTimeoutException notYet) {
      return Optional.empty();
    } catch (RuntimeException failure) {
      throw new ReportFailedException(taskId, failure);
    }
  }

  /**
   * Waits for every page of a batch rendered as a Celery group saved under an id.
   *
   * @param groupId the group id
   * @param timeout how long to wait for the whole batch
   * @return the pages, in order
   */
  public List<Object> awaitBatch(String groupId, Duration timeout) {
    return GroupResult.restore(groupId, celery).join(timeout);
  }

  /**
   * Cancels a report task.
   *
   * @param taskId the Celery task id
   */
  public void cancel(String taskId) {
    celery.asyncResult(taskId).revoke();
  }

  /**
   * Cancels a report task, stopping it if it already runs.
   *
   * @param taskId the Celery task id
   */
  public void abort(String taskId) {
    celery.asyncResult(taskId).revoke(RevokeOptions.defaults().terminate(true));
  }

  /** A report task failed on the worker. */
  public static final class ReportFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReportFailedException(String taskId, Throwable cause) {
      super("report " + taskId + " failed: " + cause.getMessage(), cause);
    }
  }
}
