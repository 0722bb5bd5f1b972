package io.celerykit.redis.protocol;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * An aware Python {@code datetime}: an instant at microsecond precision (Python has no nanoseconds;
 * finer digits are dropped) and the UTC offset it is shown in. Celery writes {@code eta} and {@code
 * expires} with {@link #isoformat()}; kombu's JSON encoder writes a datetime found among the values
 * (a signature's {@code eta} option) with {@link #kombuJson()}.
 *
 * @param instant the instant, truncated to microseconds
 * @param offset the offset it is shown in
 */
record PyDateTime(Instant instant, ZoneOffset offset) {

  PyDateTime {
    instant = instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** An aware UTC datetime, as {@code datetime(..., tzinfo=timezone.utc)}. */
  static PyDateTime utc(Instant instant) {
    return new PyDateTime(instant, ZoneOffset.UTC);
  }

  /** Returns {@code self + timedelta(microseconds=micros)}, keeping the offset (as pytz does). */
  PyDateTime plusMicros(long micros) {
    return new PyDateTime(instant.plus(micros, ChronoUnit.MICROS), offset);
  }

  /** Returns {@code (self - other).total_seconds()}. */
  double secondsSince(PyDateTime other) {
    long micros = ChronoUnit.MICROS.between(other.instant, instant);
    return micros / 1e6;
  }

  /**
   * Returns Python's {@code datetime.isoformat()}: {@code 2024-05-06T07:08:09.123456+00:00}, the
   * fraction only when the microseconds are not zero.
   */
  String isoformat() {
    OffsetDateTime t = instant.atOffset(offset);
    StringBuilder sb = new StringBuilder(32);
    int year = t.getYear();
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException(
          "year " + year + " is out of range for a Python datetime (1..9999): " + instant);
    }
    sb.append(String.format("%04d-%02d-%02dT", year, t.getMonthValue(), t.getDayOfMonth()));
    sb.append(String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()));
    int micros = t.getNano() / 1000;
    if (micros != 0) {
      sb.append(String.format(".%06d", micros));
    }
    int total = offset.getTotalSeconds();
    sb.append(total < 0 ? '-' : '+');
    int abs = Math.abs(total);
    sb.append(String.format("%02d:%02d", abs / 3600, abs / 60 % 60));
    if (abs % 60 != 0) {
      sb.append(String.format(":%02d", abs % 60));
    }
    return sb.toString();
  }

  /** Returns the datetime as kombu's JSON encoder writes it: isoformat, {@code +00:00} as Z. */
  String kombuJson() {
    String iso = isoformat();
    return iso.endsWith("+00:00") ? iso.substring(0, iso.length() - 6) + "Z" : iso;
  }
}
