package com.example.reports;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.Canvas;
import io.celerykit.app.Celery;
import io.celerykit.app.Signature;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.RevokeOptions;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The application under test: a service that asks Celery workers to render reports ({@code
 * reports.render}) and waits for them.
 *
 * <p>It only knows celerykit's {@link Celery} interface: in production it runs on the Redis engine
 * ({@code RedisCelery.connect("redis://...")}) against real Celery workers, in tests on {@code
 * InMemoryCelery}; the code is the same.
 */
public final class ReportService {

  /** The Celery task that renders one quarter's report. */
  public static final String RENDER = "reports.render";

  /** What a caller sees of a report task. */
  public enum Status {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED
  }

  private final Celery celery;

  /**
   * Creates the service.
   *
   * @param celery the Celery app it sends tasks with and reads results from
   */
  public ReportService(Celery celery) {
    this.celery = celery;
  }

  /**
   * Asks the workers to render the report of a quarter.
   *
   * @param quarter e.g. {@code 2026-Q3}
   * @return the task id
   */
  public String requestReport(String quarter) {
    return celery.sendTask(RENDER, quarter).id();
  }

  /**
   * Asks the workers to render several quarters as one Celery group under the caller's batch id,
   * and saves the group so that {@link #awaitBatch} finds it by that id (from any process).
   *
   * @param batchId the group id, e.g. {@code batch-2026}
   * @param quarters the quarters, in order
   * @return the batch id
   */
  public String requestBatch(String batchId, List<String> quarters) {
    List<Signature> renders = new ArrayList<>();
    for (String quarter : quarters) {
      renders.add(celery.signature(RENDER, quarter));
    }
    GroupResult batch =
        Canvas.group(celery, renders)
            .applyAsync(List.of(), ApplyOptions.defaults().taskId(batchId));
    batch.save();
    return batch.id();
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
