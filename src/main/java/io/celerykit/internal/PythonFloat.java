package io.celerykit.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python 3's {@code repr(float)}, the text both {@code repr} and {@code json.dumps} print for a
 * float: the shortest digits that read back as the same double, in scientific notation below {@code
 * 1e-4} and from {@code 1e16}. Not API.
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
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal exact = shortest(d);
    int exponent = exact.precision() - exact.scale() - 1;
    if (exponent < -4 || exponent >= 16) {
      String digits = exact.unscaledValue().abs().toString();
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String sign = exact.signum() < 0 ? "-" : "";
      String exp = (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
      return sign + mantissa + "e" + exp;
    }
    String plain = exact.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /**
   * The shortest decimal that reads back as {@code d}, the nearest one among equally short ones
   * (what Python's {@code repr} prints). Java 17's {@link Double#toString(double)} is not always
   * the shortest (JDK-4511638): it can print 18 digits where 16 suffice, and subnormals with an
   * extra digit; those cases are searched digit count by digit count.
   */
  private static BigDecimal shortest(double d) {
    BigDecimal fromJdk = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    if (fromJdk.precision() < 16 && Math.abs(d) >= Double.MIN_NORMAL) {
      return fromJdk;
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal best = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    int lo = 1;
    int hi = 17;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      BigDecimal candidate = exact.round(new MathContext(mid, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == d) {
        hi = mid;
        best = candidate;
      } else {
        lo = mid + 1;
      }
    }
    return best.stripTrailingZeros();
  }
}
