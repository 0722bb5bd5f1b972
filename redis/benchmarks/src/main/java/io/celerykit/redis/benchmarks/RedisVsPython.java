package io.celerykit.redis.benchmarks;

import io.celerykit.app.ApplyOptions;
import io.celerykit.redis.RedisCelery;
import io.celerykit.redis.testing.CeleryWorkerProcess;
import io.celerykit.redis.testing.RedisServerProcess;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Measures RedisCelery against Python Celery 5.2.6's client on one Redis and one Celery worker,
 * both started here through the fixtures: send rate, get() latency after the worker's store, and
 * joinNative of 10,000 stored results. Python's figures come from {@code python_side.py}, run as a
 * child process per phase between the Java phases. Prints a table and writes it (Markdown) to the
 * file named by the first argument.
 *
 * <pre>{@code
 * java -cp ... io.celerykit.redis.benchmarks.RedisVsPython table.md /path/to/redis/benchmarks
 * }</pre>
 */
public final class RedisVsPython {
  private static final String TASK = "bench.add";
  private static final String IDLE_QUEUE = "bench.nobody";
  private static final String RAW_LIST = "bench.raw";

  /** BENCH_QUICK=1 divides every count by ten, for a check of the script, not a measurement. */
  private static final int SCALE = "1".equals(System.getenv("BENCH_QUICK")) ? 10 : 1;

  private static final int SENDS = 20_000 / SCALE;
  private static final int SEND_WARMUP = 2_000 / SCALE;
  private static final int LATENCY_TASKS = 300 / SCALE;
  private static final int LATENCY_WARMUP = 50 / SCALE;
  private static final int JOIN_TASKS = 10_000 / SCALE;
  private static final int JOIN_RUNS = 3;
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path PYTHON = Path.of("/usr/bin/python3");

  private final Path dir;
  private final String url;
  private final List<String[]> rows = new ArrayList<>();

  private RedisVsPython(Path dir, String url) {
    this.dir = dir;
    this.url = url;
  }

  /**
   * Runs every measurement and writes the table.
   *
   * @param args the Markdown file to write, and the benchmark directory (holding bench_tasks.py and
   *     python_side.py)
   * @throws Exception when a measurement fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "expected 2 arguments (table file, benchmark directory), got " + Arrays.toString(args));
    }
    Path table = Path.of(args[0]);
    Path dir = Path.of(args[1]).toAbsolutePath();
    try (RedisServerProcess redis = RedisServerProcess.start();
        CeleryWorkerProcess worker =
            CeleryWorkerProcess.builder(redis)
                .module("bench_tasks")
                .pythonDir(dir)
                .pool(CeleryWorkerProcess.Pool.SOLO, 1)
                .start()) {
      System.out.println("redis-server pid " + redis.pid() + " on " + redis.url());
      System.out.println("celery worker pid " + worker.pid() + " (solo pool)");
      RedisVsPython bench = new RedisVsPython(dir, redis.url());
      bench.sendRate();
      bench.latency();
      bench.joinNative();
      String text = bench.table();
      System.out.println();
      System.out.print(text);
      Files.writeString(table, text, StandardCharsets.UTF_8);
    }
  }

  private void sendRate() throws Exception {
    double java;
    try (RedisCelery celery = RedisCelery.connect(url)) {
      ApplyOptions idle = ApplyOptions.defaults().queue(IDLE_QUEUE);
      List<Integer> args = List.of(1, 2);
      for (int i = 0; i < SEND_WARMUP; i++) {
        celery.sendTask(TASK, args, Map.of(), idle);
      }
      long start = System.nanoTime();
      for (int i = 0; i < SENDS; i++) {
        celery.sendTask(TASK, args, Map.of(), idle);
      }
      long elapsed = System.nanoTime() - start;
      java = SENDS / (elapsed / 1e9);
    }
    double javaRaw = rawPushRate();
    long queued = purge();
    require(queued == SENDS + SEND_WARMUP, "Java messages queued", queued);
    Map<String, String> py =
        python("send", url, Integer.toString(SENDS), Integer.toString(SEND_WARMUP), IDLE_QUEUE);
    double python = Double.parseDouble(py.get("send_per_second"));
    long pyQueued = purge();
    require(pyQueued == SENDS + SEND_WARMUP, "Python messages queued", pyQueued);
    row(
        "send rate, tasks/s from one thread/process (" + SENDS + " sendTask, no consumer)",
        fmt(java, 0),
        fmt(python, 0),
        fmt(java / python, 1) + "x");
    double pythonRaw = Double.parseDouble(py.get("raw_lpush_per_second"));
    row(
        "for scale: a bare synchronous LPUSH of the same message, /s from one thread (Lettuce;"
            + " redis-py)",
        fmt(javaRaw, 0),
        fmt(pythonRaw, 0),
        fmt(javaRaw / pythonRaw, 1) + "x");
  }

  /**
   * Times the bare client: one synchronous LPUSH per message of the sent message's bytes, to a list
   * deleted after, as a ceiling for a sender that waits on every reply.
   */
  private double rawPushRate() {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, byte[]> c =
        client.connect(
            io.lettuce.core.codec.RedisCodec.of(
                io.lettuce.core.codec.StringCodec.UTF8,
                io.lettuce.core.codec.ByteArrayCodec.INSTANCE))) {
      byte[] message = c.sync().lindex(IDLE_QUEUE, 0);
      for (int i = 0; i < SEND_WARMUP; i++) {
        c.sync().lpush(RAW_LIST, message);
      }
      long start = System.nanoTime();
      for (int i = 0; i < SENDS; i++) {
        c.sync().lpush(RAW_LIST, message);
      }
      long elapsed = System.nanoTime() - start;
      c.sync().del(RAW_LIST);
      return SENDS / (elapsed / 1e9);
    } finally {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  private long purge() {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      long n = c.sync().llen(IDLE_QUEUE);
      c.sync().del(IDLE_QUEUE);
      return n;
    } finally {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  /** A second subscriber to every result channel, timestamping arrivals on the JVM's clock. */
  private static final class Observer implements AutoCloseable {
    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, String> connection;

    Observer(String url) {
      client = RedisClient.create(url);
      connection = client.connectPubSub();
      connection.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String pattern, String channel, String message) {
              long now = System.nanoTime();
              String id = channel.substring("celery-task-meta-".length());
              arrival(id).complete(now);
            }
          });
      connection.sync().psubscribe("celery-task-meta-*");
    }

    CompletableFuture<Long> arrival(String id) {
      return arrivals.computeIfAbsent(id, k -> new CompletableFuture<>());
    }

    @Override
    public void close() {
      connection.close();
      client.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  private void latency() throws Exception {
    double[] roundTrips = new double[LATENCY_TASKS];
    double[] gaps = new double[LATENCY_TASKS];
    try (RedisCelery celery = RedisCelery.connect(url);
        Observer observer = new Observer(url)) {
      for (int i = 0; i < LATENCY_WARMUP; i++) {
        celery.sendTask(TASK, 1, 2).get(WAIT);
      }
      for (int i = 0; i < LATENCY_TASKS; i++) {
        long start = System.nanoTime();
        AsyncResult<Object> r = celery.sendTask(TASK, 1, 2);
        Object value = r.get(WAIT);
        long returned = System.nanoTime();
        require(Integer.valueOf(3).equals(value), "bench.add(1, 2)", value);
        long arrived = observer.arrival(r.id()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        roundTrips[i] = (returned - start) / 1e6;
        gaps[i] = (returned - arrived) / 1e6;
      }
    }
    Map<String, String> py =
        python("latency", url, Integer.toString(LATENCY_TASKS), Integer.toString(LATENCY_WARMUP));
    String n = " (" + LATENCY_TASKS + " sequential)";
    latencyRow("get() after the store's PUBLISH, median ms" + n, median(gaps), py, "gap_median_ms");
    latencyRow("get() after the store's PUBLISH, p99 ms" + n, p99(gaps), py, "gap_p99_ms");
    row(
        "get() within 1 ms of the store's PUBLISH, share of tasks" + n,
        fmt(100.0 * within(gaps, 1.0), 1) + " %",
        fmt(100 * Double.parseDouble(py.get("gap_within_1ms")), 1) + " %",
        "");
    latencyRow(
        "send -> get() round trip, median ms" + n, median(roundTrips), py, "round_trip_median_ms");
    latencyRow("send -> get() round trip, p99 ms" + n, p99(roundTrips), py, "round_trip_p99_ms");
  }

  private void latencyRow(String what, double java, Map<String, String> py, String key) {
    double python = Double.parseDouble(py.get(key));
    String ratio = java > 0 && python > 0 ? fmt(python / java, 1) + "x faster" : "(not a ratio)";
    row(what, fmt(java, 3), fmt(python, 3), ratio);
  }

  private void joinNative() throws Exception {
    List<String> ids = new ArrayList<>(JOIN_TASKS);
    try (RedisCelery celery = RedisCelery.connect(url)) {
      List<Integer> args = List.of(1, 2);
      AsyncResult<Object> last = null;
      for (int i = 0; i < JOIN_TASKS; i++) {
        last = celery.sendTask(TASK, args, Map.of(), ApplyOptions.defaults());
        ids.add(last.id());
      }
      last.get(Duration.ofMinutes(5));
      // The solo worker runs in order; still, wait on any result not stored yet.
      for (String id : missing(ids)) {
        celery.asyncResult(id).get(WAIT);
      }
    }
    require(missing(ids).isEmpty(), "results missing after the worker finished", missing(ids));
    Path idsFile = Files.createTempFile("celerykit-bench-ids-", ".txt");
    try {
      Files.write(idsFile, ids, StandardCharsets.UTF_8);
      double[] java = new double[JOIN_RUNS];
      double[] python = new double[JOIN_RUNS];
      for (int run = 0; run < JOIN_RUNS; run++) {
        // A fresh client each time: nothing cached from the sends.
        try (RedisCelery celery = RedisCelery.connect(url)) {
          List<ResultBase> members = new ArrayList<>(JOIN_TASKS);
          for (String id : ids) {
            members.add(celery.asyncResult(id));
          }
          io.celerykit.result.ResultSet set = new io.celerykit.result.ResultSet(members, celery);
          long start = System.nanoTime();
          List<Object> values = set.joinNative();
          java[run] = (System.nanoTime() - start) / 1e6;
          require(values.size() == JOIN_TASKS, "joinNative values", values.size());
          require(values.stream().allMatch(Integer.valueOf(3)::equals), "joinNative values", "");
        }
        Map<String, String> py = python("join", url, idsFile.toString());
        python[run] = Double.parseDouble(py.get("join_seconds")) * 1e3;
      }
      row(
          "joinNative of " + JOIN_TASKS + " stored results, ms (first run, fresh client)",
          fmt(java[0], 1),
          fmt(python[0], 1),
          fmt(python[0] / java[0], 1) + "x faster");
      row(
          "joinNative of " + JOIN_TASKS + " stored results, ms (median of " + JOIN_RUNS + ")",
          fmt(median(java), 1),
          fmt(median(python), 1),
          fmt(median(python) / median(java), 1) + "x faster");
    } finally {
      Files.deleteIfExists(idsFile);
    }
  }

  private List<String> missing(List<String> ids) {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      List<String> absent = new ArrayList<>();
      for (String id : ids) {
        if (c.sync().exists("celery-task-meta-" + id) == 0) {
          absent.add(id);
        }
      }
      return absent;
    } finally {
      client.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  /** Runs one phase of python_side.py and reads its key=value lines. */
  private Map<String, String> python(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(PYTHON.toString());
    command.add(dir.resolve("python_side.py").toString());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    System.out.println("python_side pid " + p.pid() + ": " + String.join(" ", args));
    try {
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "python_side.py " + String.join(" ", args) + " failed:\n" + out);
      }
      Map<String, String> values = new HashMap<>();
      for (String line : out.split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0 && !line.contains(" ")) {
          values.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
      }
      return values;
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  private void row(String what, String java, String python, String ratio) {
    rows.add(new String[] {what, java, python, ratio});
    System.out.printf("%s: Java %s, Python %s (%s)%n", what, java, python, ratio);
  }

  private String table() {
    StringBuilder b = new StringBuilder();
    b.append("| what | Java (RedisCelery) | Python (Celery 5.2.6) | ratio |\n");
    b.append("|---|---:|---:|---:|\n");
    for (String[] r : rows) {
      b.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    return b.toString();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double within(double[] values, double limit) {
    return Arrays.stream(values).filter(v -> v <= limit).count() / (double) values.length;
  }

  /** The nearest-rank 99th percentile, as python_side.py computes it. */
  private static double p99(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(0.99 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static String fmt(double value, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  private static void require(boolean ok, String what, Object got) {
    if (!ok) {
      throw new IllegalStateException("unexpected " + what + ": " + got);
    }
  }
}
