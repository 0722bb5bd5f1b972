package io.celerykit.redis.differential;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every normalisation the differential suite applies before comparing the two engines, in one
 * place, each with its reason. Nothing else is normalised: values, Java types, states, exception
 * types and messages, stored JSON (key order, separators, number and string formats) are compared
 * as they are.
 *
 * <ol>
 *   <li><b>Ids</b>: every UUID is replaced by {@code <id:N>}, N its order of first appearance in
 *       the run. Why: the in-memory engine draws ids from a seeded sequence, a real run from {@code
 *       uuid4()}; what matters is which observation names which task.
 *   <li><b>date_done</b>: a non-null {@code date_done} becomes {@code <date_done>}. Why: virtual
 *       time against the wall clock.
 *   <li><b>pids</b>: {@code "pid": <digits>} becomes {@code "pid": <pid>}. Why: the real worker
 *       stores {@code os.getpid()}, the in-memory one {@code CeleryConfig.workerPid} (README,
 *       "Where celerykit differs from Celery, on purpose").
 *   <li><b>Hostnames</b>: the engine's worker node names (such as {@code diff@127.0.0.1}) become
 *       {@code <hostname>}. Why: node names are configuration (the suite sets the same names on
 *       both sides, so this changes nothing unless one side ignores its setting).
 *   <li><b>Tracebacks</b>: only the last non-blank line, the exception line, is kept. Why: frames
 *       name files, line numbers and languages; a client matches on the exception line.
 *   <li><b>Time to live</b>: a TTL read right after a store is reported as {@code result_expires}
 *       when it is within {@link #TTL_SLACK} below it. Why: Redis counts the TTL down in wall
 *       seconds between the store and the read; the in-memory expiry is probed exactly.
 * </ol>
 */
final class Normalizer {
  /** How far below {@code result_expires} a Redis TTL read just after its store may be. */
  static final Duration TTL_SLACK = Duration.ofSeconds(5);

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern PID = Pattern.compile("\"pid\": \\d+");

  private Normalizer() {}

  /**
   * Normalises one side's observations.
   *
   * @param observations in the order the scenario made them
   * @param hostnames the side's worker node names
   * @return the normalised observations, in the same order
   */
  static List<Observation> normalize(List<Observation> observations, Set<String> hostnames) {
    Map<String, String> ids = new LinkedHashMap<>();
    List<Observation> out = new ArrayList<>(observations.size());
    for (Observation o : observations) {
      String text =
          switch (o.kind()) {
            case TRACEBACK -> lastLine(o.text());
            case DATE_DONE -> o.text().equals("None") ? "None" : "<date_done>";
            case TEXT -> o.text();
          };
      for (String host : hostnames) {
        text = text.replace(host, "<hostname>");
      }
      text = PID.matcher(text).replaceAll("\"pid\": <pid>");
      out.add(o.withText(ids(text, ids)));
    }
    return out;
  }

  /** Replaces each UUID by its order of first appearance, shared across the run's texts. */
  private static String ids(String text, Map<String, String> seen) {
    Matcher m = UUID.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String id = m.group().toLowerCase(java.util.Locale.ROOT);
      String name = seen.computeIfAbsent(id, k -> "<id:" + (seen.size() + 1) + ">");
      m.appendReplacement(out, Matcher.quoteReplacement(name));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The last non-blank line of a traceback (its exception line), or the text if it has none. */
  static String lastLine(String traceback) {
    if (traceback.equals("None")) {
      return traceback;
    }
    String[] lines = traceback.split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (!lines[i].isBlank()) {
        return lines[i].strip();
      }
    }
    return traceback;
  }

  /**
   * Reports a time to live read from Redis: {@code result_expires} itself when the TTL is within
   * {@link #TTL_SLACK} below it, else the seconds read, marked as such.
   *
   * @param seconds what Redis's TTL answered (-1 no expiry, -2 no key)
   * @param resultExpires the configured {@code result_expires}
   * @return the text to compare
   */
  static String ttl(long seconds, Duration resultExpires) {
    if (seconds == -2) {
      return "no key";
    }
    if (seconds == -1) {
      return "never expires";
    }
    long expected = resultExpires.toSeconds();
    if (seconds <= expected && seconds >= expected - TTL_SLACK.toSeconds()) {
      return "expires after result_expires (" + expected + " s)";
    }
    return "expires after " + seconds + " s (result_expires is " + expected + " s)";
  }
}
