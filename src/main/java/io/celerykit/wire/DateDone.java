package io.celerykit.wire;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Formats and parses {@code date_done} as Celery 5 stores it (the work behind {@link
 * CeleryJson#formatDateDone} and {@link CeleryJson#parseDateDone}).
 */
final class DateDone {

  /**
   * {@code uuuu}, the proleptic year: {@code yyyy} is the year of era, which writes year 0 as 1.
   */
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /** The first and the last instant Python's {@code datetime} can hold (years 1 to 9999). */
  private static final Instant FIRST_DATE = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LAST_DATE = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** Longer than any ISO date with microseconds and an offset: no need to parse it. */
  private static final int MAX_DATE_LENGTH = 64;

  private DateDone() {}

  /** See {@link CeleryJson#formatDateDone}. */
  static String format(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    if (micros.isBefore(FIRST_DATE) || micros.isAfter(LAST_DATE)) {
      throw new EncodeException(
          "date_done "
              + instant
              + " is outside the years Python's datetime holds (1 to 9999); Celery cannot store"
              + " it");
    }
    LocalDateTime utc = LocalDateTime.ofInstant(micros, ZoneOffset.UTC);
    String seconds = SECONDS.format(utc);
    int nanos = utc.getNano();
    return nanos == 0 ? seconds : seconds + String.format(".%06d", nanos / 1000);
  }

  /** See {@link CeleryJson#parseDateDone}. */
  static Instant parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_DATE_LENGTH) {
      throw new DateTimeParseException(
          "too long for an ISO date (" + text.length() + " characters)", CeleryJson.shown(text), 0);
    }
    String t = text.trim();
    Instant instant =
        t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")
            ? OffsetDateTime.parse(t).toInstant()
            : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    if (instant.isBefore(FIRST_DATE) || instant.isAfter(LAST_DATE.plusNanos(999))) {
      throw new DateTimeParseException(
          "the year in UTC is outside what Python's datetime holds (1 to 9999)", t, 0);
    }
    return instant;
  }
}
