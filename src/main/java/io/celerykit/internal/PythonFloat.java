package io.celerykit.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python 3's {@code repr(float)}, the text both {@code repr} (and Celery's {@code saferepr}) and
 * {@code json.dumps} print for a float: the shortest digits that read back as the same double (the
 * nearest of them when several are as short), in fixed notation from {@code 1e-4} up to below
 * {@code 1e16} and as {@code 1e+16} / {@code 1.5e-07} outside. Java 17's {@link
 * Double#toString(double)} is not always the shortest (JDK-4511638), so the digits are searched
 * here. Checked against Python's own output by the Redis engine's golden tests. Not API.
 */
public final class PythonFloat {
  private PythonFloat() {}

  /**
   * Returns Python's {@code repr(d)}: {@code 0.1}, {@code 100.0}, {@code 1e+16}, {@code 1e-05},
   * {@code -0.0}, {@code nan}, {@code inf}, {@code -inf}.
   *
   * @param d the value
   * @return the text
   */
  public static String repr(double d) {
    return spelled(d, "nan", "inf", "-inf");
  }

  /**
   * Returns the float as {@code json.dumps} writes it: its {@code repr}, except {@code NaN}, {@code
   * Infinity} and {@code -Infinity}, which JSON spells its own way.
   *
   * @param d the value
   * @return the text
   */
  public static String json(double d) {
    return spelled(d, "NaN", "Infinity", "-Infinity");
  }

  /** Writes a finite float as {@code repr} does, and the three others by the given words. */
  private static String spelled(double d, String nan, String infinity, String negativeInfinity) {
    if (Double.isNaN(d)) {
      return nan;
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? infinity : negativeInfinity;
    }
    return finite(d);
  }

  private static String finite(double d) {
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(d).stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int n = digits.length();
    int decpt = n - shortest.scale(); // value = 0.<digits> x 10^decpt
    String sign = d < 0 ? "-" : "";
    if (decpt <= -4 || decpt > 16) {
      int exponent = decpt - 1;
      String mantissa = n == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exp = String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    if (decpt <= 0) {
      return sign + "0." + "0".repeat(-decpt) + digits;
    }
    if (decpt >= n) {
      return sign + digits + "0".repeat(decpt - n) + ".0";
    }
    return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
  }

  /**
   * The shortest decimal that reads back as {@code d}; the nearest one among equally short. Around
   * most doubles the values that read back spread evenly, so the nearest decimal of p digits reads
   * back for every p from some point on, found by bisection. Around a power of two they spread
   * twice as far above as below: there every length is tried, with the neighbour on the far side of
   * the exact value too (so {@code 2**-24} prints as {@code 5.960464477539063e-08}, not the exact
   * {@code 5.9604644775390625e-08}).
   */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    long bits = Double.doubleToRawLongBits(d);
    boolean powerOfTwo =
        (bits & 0x000F_FFFF_FFFF_FFFFL) == 0 && (bits & 0x7FF0_0000_0000_0000L) != 0;
    if (powerOfTwo) {
      for (int precision = 1; precision < 17; precision++) {
        BigDecimal near = nearest(exact, precision);
        if (near.doubleValue() == d) {
          return near;
        }
        RoundingMode away = near.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
        BigDecimal neighbour = exact.round(new MathContext(precision, away));
        if (neighbour.doubleValue() == d) {
          return neighbour;
        }
      }
      return nearest(exact, 17);
    }
    int lo = 1;
    int hi = 17;
    BigDecimal best = nearest(exact, 17);
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      BigDecimal candidate = nearest(exact, mid);
      if (candidate.doubleValue() == d) {
        hi = mid;
        best = candidate;
      } else {
        lo = mid + 1;
      }
    }
    return best;
  }

  private static BigDecimal nearest(BigDecimal exact, int precision) {
    return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
  }
}
