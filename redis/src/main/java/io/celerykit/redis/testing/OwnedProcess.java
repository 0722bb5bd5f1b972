package io.celerykit.redis.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process a fixture started and must stop: by its pid, first politely (SIGTERM through {@link
 * Process#destroy()}), then forcibly, with the children it forked; and stopped by a shutdown hook
 * if the JVM ends first, so that no test leaves it running.
 */
final class OwnedProcess {
  private final String name;
  private final Process process;
  private final ProcessLog log;
  private final Thread hook;

  private OwnedProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    this.log = new ProcessLog(name + " (pid " + process.pid() + ")", process.getInputStream());
    this.hook = new Thread(this::kill, "stop " + name);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  static OwnedProcess start(String name, ProcessBuilder builder) {
    builder.redirectErrorStream(true);
    try {
      Process p = builder.start();
      p.getOutputStream().close();
      return new OwnedProcess(name, p);
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + name + ": " + builder.command(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  ProcessLog log() {
    return log;
  }

  /**
   * SIGTERM, then SIGKILL after the grace period; its children too. The signals go through the
   * {@link ProcessHandle}: {@link Process#destroy()} would also close the pipe the process logs to,
   * and a Celery worker whose "Warm shutdown" cannot be written does not shut down.
   */
  void stop(long graceMillis) {
    List<ProcessHandle> children = process.descendants().toList();
    process.toHandle().destroy();
    try {
      if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
        process.toHandle().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle child : children) {
        if (child.isAlive()) {
          child.destroyForcibly();
          child.onExit().get(10, TimeUnit.SECONDS);
        }
      }
      log.awaitEnd(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("a child of " + name + " did not stop", e);
    } finally {
      removeHook();
    }
  }

  private void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook runs anyway.
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
