package io.celerykit.redis.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The output of a started process, read line by line on a daemon thread and kept for failure
 * reports; waits for a line that matches without polling.
 */
final class ProcessLog {
  private static final int KEPT = 5000;

  private final String name;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;
  private boolean ended;

  ProcessLog(String name, InputStream output) {
    this.name = name;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  add(line);
                }
              } catch (IOException e) {
                add("[log reader: " + e + "]");
              } finally {
                synchronized (this) {
                  ended = true;
                  notifyAll();
                }
              }
            },
            "log of " + name);
    reader.setDaemon(true);
    reader.start();
  }

  private synchronized void add(String line) {
    if (lines.size() >= KEPT) {
      lines.remove(0);
    }
    lines.add(line);
    notifyAll();
  }

  /**
   * Waits until a line matches, the output ends, or the timeout passes.
   *
   * @return true when a line matched
   */
  synchronized boolean awaitLine(Predicate<String> match, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    int seen = 0;
    while (true) {
      for (; seen < lines.size(); seen++) {
        if (match.test(lines.get(seen))) {
          return true;
        }
      }
      long left = deadline - System.nanoTime();
      if (ended || left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000L));
    }
  }

  /** Waits for the reader to reach the end of the output (after the process ended). */
  void awaitEnd(long timeoutMillis) throws InterruptedException {
    reader.join(timeoutMillis);
  }

  synchronized String text() {
    return String.join("\n", lines);
  }

  synchronized String tail(int count) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  @Override
  public String toString() {
    return "log of " + name;
  }
}
