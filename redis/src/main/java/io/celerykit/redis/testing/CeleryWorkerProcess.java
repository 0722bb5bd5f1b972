package io.celerykit.redis.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real Celery worker for tests: {@code /usr/bin/python3 -m celery -A <module> worker} (Debian's
 * {@code python3-celery}, Celery 5.2.6, with {@code python3-redis}) over a test Redis, started in a
 * directory of its own with the module's directory on {@code PYTHONPATH}. The Python module
 * configures its app from environment variables the worker is given: {@code CELERYKIT_BROKER_URL}
 * and {@code CELERYKIT_RESULT_BACKEND} (the test Redis), {@code CELERYKIT_RESULT_EXTENDED}, {@code
 * CELERYKIT_TASK_TRACK_STARTED} ("1" or "0") and {@code CELERYKIT_RESULT_EXPIRES} (seconds, when
 * set). The worker is ready once its log shows Celery's {@code <hostname> ready.} line or the line
 * {@code celerykit-worker-ready}, which a module that keeps Celery from configuring logging prints
 * from its {@code worker_ready} signal (no sleeping). Its log is kept for failure reports. Stopped
 * by its pid: SIGTERM (warm shutdown), then SIGKILL, children too. When Celery is missing, starting
 * fails naming the Debian packages to install.
 *
 * <pre>{@code
 * # src/test/python/reports_tasks.py
 * import os
 * from celery import Celery
 * app = Celery("reports_tasks", broker=os.environ["CELERYKIT_BROKER_URL"],
 *              backend=os.environ["CELERYKIT_RESULT_BACKEND"])
 * }</pre>
 *
 * <pre>{@code
 * try (CeleryWorkerProcess worker = CeleryWorkerProcess.builder(redis).resultExtended(true).start()) {
 *   ...
 * }
 * }</pre>
 */
public final class CeleryWorkerProcess implements AutoCloseable {
  private static final long READY_TIMEOUT_MILLIS = 60_000;
  private static final long STOP_GRACE_MILLIS = 10_000;
  private static final String READY_MARKER = "celerykit-worker-ready";

  /** The worker's execution pool ({@code --pool}). */
  public enum Pool {
    /** One task at a time in the worker process: the fastest to start. */
    SOLO,
    /** Child processes, for scenarios that terminate a running task. */
    PREFORK
  }

  private final String name;
  private final Path dir;
  private final OwnedProcess process;

  private CeleryWorkerProcess(String name, Path dir, OwnedProcess process) {
    this.name = name;
    this.dir = dir;
    this.process = process;
  }

  /**
   * Starts describing a worker over the Redis (broker and result backend in database 0).
   *
   * @param redis the running Redis
   * @return a builder
   */
  public static Builder builder(RedisServerProcess redis) {
    return new Builder(redis);
  }

  /**
   * Returns the default directory of the Python modules: the system property {@code
   * celerykit.python.dir} when set, else {@code src/test/python} of the working directory (the
   * project Maven runs the tests of).
   *
   * @return the directory
   */
  public static Path pythonDir() {
    String configured = System.getProperty("celerykit.python.dir");
    return configured != null
        ? Path.of(configured)
        : Path.of("src", "test", "python").toAbsolutePath();
  }

  private static void requireModule(Path dir, String module) {
    Path file = dir.resolve(module.replace('.', '/') + ".py");
    Path pkg = dir.resolve(module.replace('.', '/')).resolve("__init__.py");
    if (!Files.isRegularFile(file) && !Files.isRegularFile(pkg)) {
      throw new IllegalStateException(
          "the Python module "
              + module
              + " is not in "
              + dir
              + "; put "
              + file.getFileName()
              + " there, or name its directory with Builder.pythonDir(dir) or"
              + " -Dcelerykit.python.dir");
    }
  }

  /**
   * Returns the worker's host name ({@code --hostname}), such as {@code celerykit@127.0.0.1}.
   *
   * @return the node name
   */
  public String hostname() {
    return name;
  }

  /**
   * Returns the worker's log so far.
   *
   * @return the text
   */
  public String log() {
    return process.log().text();
  }

  /**
   * Returns the last lines of the worker's log.
   *
   * @param lines how many
   * @return the text
   */
  public String logTail(int lines) {
    return process.log().tail(lines);
  }

  /**
   * Returns the worker's pid.
   *
   * @return the pid
   */
  public long pid() {
    return process.pid();
  }

  /**
   * Tells whether the worker runs.
   *
   * @return true while running
   */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the worker: SIGTERM, then SIGKILL after 10 s, its pool's children too. */
  public void stop() {
    if (process.isAlive()) {
      process.stop(STOP_GRACE_MILLIS);
    }
  }

  /** Stops the worker and deletes its working directory. */
  @Override
  public void close() {
    stop();
    RedisServerProcess.deleteQuietly(dir);
  }

  @Override
  public String toString() {
    return "celery worker " + name + " (" + process + ")";
  }

  /** Describes a worker to start. */
  public static final class Builder {
    private final RedisServerProcess redis;
    private String module = "celerykit_tasks";
    private Path pythonDir;
    private List<String> queues = List.of("celery");
    private String nodeName = "celerykit";
    private Pool pool = Pool.SOLO;
    private int concurrency = 1;
    private boolean resultExtended;
    private boolean taskTrackStarted;
    private Duration resultExpires;
    private final Map<String, String> env = new LinkedHashMap<>();

    private Builder(RedisServerProcess redis) {
      this.redis = Objects.requireNonNull(redis, "redis");
    }

    /**
     * Sets the Python module of the app ({@code -A}).
     *
     * @param name the module, in the Python directory (default {@code celerykit_tasks})
     * @return this builder
     */
    public Builder module(String name) {
      this.module = name;
      return this;
    }

    /**
     * Sets the directory of the Python module (put on {@code PYTHONPATH}); the default is {@link
     * #pythonDir()}.
     *
     * @param dir the directory
     * @return this builder
     */
    public Builder pythonDir(Path dir) {
      this.pythonDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * Sets the queues ({@code -Q}).
     *
     * @param names the queue names
     * @return this builder
     */
    public Builder queues(String... names) {
      this.queues = List.of(names);
      return this;
    }

    /**
     * Sets the node name before {@code @127.0.0.1} ({@code --hostname}).
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.nodeName = name;
      return this;
    }

    /**
     * Sets the pool and its concurrency.
     *
     * @param kind solo or prefork
     * @param processes the concurrency
     * @return this builder
     */
    public Builder pool(Pool kind, int processes) {
      this.pool = kind;
      this.concurrency = processes;
      return this;
    }

    /**
     * Sets {@code result_extended}.
     *
     * @param on the setting
     * @return this builder
     */
    public Builder resultExtended(boolean on) {
      this.resultExtended = on;
      return this;
    }

    /**
     * Sets {@code task_track_started}.
     *
     * @param on the setting
     * @return this builder
     */
    public Builder taskTrackStarted(boolean on) {
      this.taskTrackStarted = on;
      return this;
    }

    /**
     * Sets {@code result_expires}, in whole seconds.
     *
     * @param ttl the time to live
     * @return this builder
     */
    public Builder resultExpires(Duration ttl) {
      this.resultExpires = ttl;
      return this;
    }

    /**
     * Adds an environment variable of the worker.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    /**
     * Starts the worker and waits until it is ready.
     *
     * @return the running worker
     * @throws IllegalStateException when Celery is missing (naming the packages), or the worker
     *     exits or is not ready within a minute (with its log)
     */
    public CeleryWorkerProcess start() {
      Prerequisites.requireCelery();
      if (!redis.isRunning()) {
        throw new IllegalStateException("start the Redis before the worker: " + redis);
      }
      Path python =
          (pythonDir != null ? pythonDir : CeleryWorkerProcess.pythonDir()).toAbsolutePath();
      requireModule(python, module);
      Path dir;
      try {
        dir = Files.createTempDirectory("celerykit-worker-");
      } catch (IOException e) {
        throw new IllegalStateException("could not make a directory for the worker", e);
      }
      String hostname = nodeName + "@127.0.0.1";
      List<String> command = new ArrayList<>();
      command.add(Prerequisites.PYTHON.toString());
      command.addAll(List.of("-m", "celery", "-A", module, "worker"));
      command.add("--pool=" + pool.name().toLowerCase(java.util.Locale.ROOT));
      command.add("--concurrency=" + concurrency);
      command.add("-Q");
      command.add(String.join(",", queues));
      command.add("--hostname=" + hostname);
      command.addAll(
          List.of("--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"));
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
      Map<String, String> environment = builder.environment();
      environment.put("PYTHONPATH", python.toString());
      environment.put("PYTHONUNBUFFERED", "1");
      environment.put("PYTHONDONTWRITEBYTECODE", "1");
      environment.put("CELERYKIT_BROKER_URL", redis.url());
      environment.put("CELERYKIT_RESULT_BACKEND", redis.url());
      environment.put("CELERYKIT_RESULT_EXTENDED", resultExtended ? "1" : "0");
      environment.put("CELERYKIT_TASK_TRACK_STARTED", taskTrackStarted ? "1" : "0");
      if (resultExpires != null) {
        environment.put("CELERYKIT_RESULT_EXPIRES", Long.toString(resultExpires.getSeconds()));
      }
      environment.putAll(env);
      OwnedProcess process = OwnedProcess.start("celery worker " + hostname, builder);
      CeleryWorkerProcess worker = new CeleryWorkerProcess(hostname, dir, process);
      boolean ready;
      try {
        String celerysOwn = hostname + " ready.";
        ready =
            process
                .log()
                .awaitLine(
                    l -> l.contains(READY_MARKER) || l.contains(celerysOwn), READY_TIMEOUT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        worker.close();
        throw new IllegalStateException("interrupted while starting " + worker, e);
      }
      if (!ready) {
        String log = process.log().text();
        worker.close();
        throw new IllegalStateException(
            "the Celery worker "
                + hostname
                + (process.isAlive() ? " was not ready within 60 s" : " exited while starting")
                + "; its log:\n"
                + log);
      }
      return worker;
    }
  }
}
