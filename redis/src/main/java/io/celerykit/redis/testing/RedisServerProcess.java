package io.celerykit.redis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Redis for tests: {@code /usr/bin/redis-server} on a free loopback port, without
 * persistence, in a temporary directory; ready once it answers PING. It can be stopped and started
 * again on the same port (an empty Redis), for tests of lost connections.
 *
 * <pre>{@code
 * try (RedisServerProcess redis = RedisServerProcess.start()) {
 *   RedisResultBackend backend = RedisResultBackend.connect(redis.url());
 * }
 * }</pre>
 */
public final class RedisServerProcess implements AutoCloseable {
  private static final long READY_TIMEOUT_MILLIS = 10_000;
  private static final int PORT_ATTEMPTS = 5;

  private final Path dir;
  private final int port;
  private OwnedProcess process;

  private RedisServerProcess(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /**
   * Starts a Redis on a free loopback port and waits until it answers PING.
   *
   * @return the running server
   * @throws IllegalStateException when redis-server is missing (naming the package) or does not
   *     start (with its log)
   */
  public static RedisServerProcess start() {
    Prerequisites.requireRedisServer();
    Path dir;
    try {
      dir = Files.createTempDirectory("celerykit-redis-");
    } catch (IOException e) {
      throw new IllegalStateException("could not make a directory for redis-server", e);
    }
    IllegalStateException last = null;
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      RedisServerProcess redis = new RedisServerProcess(dir, freePort());
      try {
        redis.startAgain();
        return redis;
      } catch (IllegalStateException e) {
        // Most likely the port was taken between choosing and binding it: choose another.
        last = e;
      }
    }
    deleteQuietly(dir);
    throw last;
  }

  /**
   * Starts the server again on the same port (after {@link #stop()}), empty.
   *
   * @throws IllegalStateException when it is running or does not start
   */
  public synchronized void startAgain() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("redis-server on port " + port + " is running already");
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                Prerequisites.REDIS_SERVER.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .directory(dir.toFile());
    process = OwnedProcess.start("redis-server :" + port, builder);
    awaitPing();
  }

  /**
   * Waits for redis-server's "Ready to accept connections" log line (no polling, no sleeping), then
   * checks that it answers PING.
   */
  private void awaitPing() {
    boolean ready;
    try {
      ready =
          process
              .log()
              .awaitLine(l -> l.contains("Ready to accept connections"), READY_TIMEOUT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.stop(1000);
      throw new IllegalStateException("interrupted while starting redis-server :" + port, e);
    }
    if (ready && answersPing()) {
      return;
    }
    boolean exited = !process.isAlive();
    process.stop(1000);
    throw new IllegalStateException(
        "redis-server on port "
            + port
            + (exited
                ? " exited while starting"
                : " was not ready to answer PING within " + READY_TIMEOUT_MILLIS + " ms")
            + "; its log:\n"
            + process.log().text());
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[7];
      int n = in.readNBytes(reply, 0, reply.length);
      return new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server (SIGTERM, then SIGKILL), keeping its port for {@link #startAgain()}. */
  public synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.stop(5000);
    }
  }

  /**
   * Tells whether the server runs.
   *
   * @return true while running
   */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Returns the port.
   *
   * @return the loopback port it listens on
   */
  public int port() {
    return port;
  }

  /**
   * Returns the URL of database 0: {@code redis://127.0.0.1:<port>/0}.
   *
   * @return the URL
   */
  public String url() {
    return url(0);
  }

  /**
   * Returns the URL of a database.
   *
   * @param db the database number
   * @return the URL
   */
  public String url(int db) {
    return "redis://127.0.0.1:" + port + "/" + db;
  }

  /**
   * Returns the pid of the running server.
   *
   * @return the pid
   */
  public synchronized long pid() {
    return process.pid();
  }

  /**
   * Returns the server's log so far.
   *
   * @return the text
   */
  public synchronized String log() {
    return process == null ? "" : process.log().text();
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    stop();
    deleteQuietly(dir);
  }

  @Override
  public String toString() {
    return "redis-server on 127.0.0.1:" + port;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port", e);
    }
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
