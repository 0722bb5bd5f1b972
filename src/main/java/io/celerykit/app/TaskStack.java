package io.celerykit.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * The tasks running on each thread and the join guard, as Celery's task stack ({@code
 * current_task}) and {@code task_join_will_block}. The guard is on while the worker runs a task
 * (Celery's pool sets it in every worker process) and while an eager {@code apply_async} runs its
 * task ({@code denied_join_result}); {@code allow_join_result} lifts it; each scope restores what
 * was before, as Celery's context managers do. Per thread and per app.
 */
final class TaskStack {

  /** Celery's message for waiting inside a task. */
  static final String E_WOULDBLOCK =
      "Never call result.get() within a task!\n"
          + "See https://docs.celeryq.dev/en/latest/userguide/tasks.html"
          + "#avoid-launching-synchronous-subtasks";

  /**
   * One thread-local per app: a fresh app per test adds one entry to each thread's map, not two.
   */
  private final ThreadLocal<PerThread> perThread = ThreadLocal.withInitial(PerThread::new);

  /** One thread's running tasks and join guard. */
  private static final class PerThread {
    final Deque<TaskContext> running = new ArrayDeque<>();
    boolean joinWillBlock;
  }

  /** Returns the task running on this thread, or null. */
  TaskContext current() {
    return perThread.get().running.peek();
  }

  /**
   * Runs code as the given task: it is the current task meanwhile, and a task the worker runs (not
   * eager) has the join guard on.
   */
  <R> R run(TaskContext self, Supplier<R> body) {
    Deque<TaskContext> stack = perThread.get().running;
    stack.push(self);
    try {
      return self.isEager() ? body.get() : withJoinWillBlock(true, body);
    } finally {
      if (!stack.isEmpty() && stack.peek() == self) {
        stack.pop();
      }
    }
  }

  /** Runs code with the guard on, as Celery's {@code denied_join_result()}. */
  <R> R deniedJoinResult(Supplier<R> body) {
    return withJoinWillBlock(true, body);
  }

  /** Runs code with the guard off, as Celery's {@code allow_join_result()}. */
  <R> R allowJoinResult(Supplier<R> body) {
    return withJoinWillBlock(false, body);
  }

  /** Fails while the guard is on, as Celery's {@code assert_will_not_block()}. */
  void assertWillNotBlock() {
    if (perThread.get().joinWillBlock) {
      throw new IllegalStateException(E_WOULDBLOCK);
    }
  }

  private <R> R withJoinWillBlock(boolean blocks, Supplier<R> body) {
    PerThread state = perThread.get();
    boolean before = state.joinWillBlock;
    state.joinWillBlock = blocks;
    try {
      return body.get();
    } finally {
      state.joinWillBlock = before;
    }
  }
}
