package io.celerykit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Python's {@code repr(float)} (CPython's {@code float_repr}: the shortest repr that round-trips,
 * {@code Python/dtoa.c} mode 0), with cases Python 3 printed.
 */
class PythonFloatTest {

  /**
   * Next to a power of two the doubles that read back spread twice as far above as below, so the
   * shortest repr can lie on the far side of the exact value: Python prints {@code 2**-24} as
   * {@code 5.960464477539063e-08}, one digit shorter than the exact value. (Recorded from Python 3
   * by the Redis engine's golden_messages.py; the old digit search printed 17 digits.)
   */
  @ParameterizedTest(name = "repr({0}) == {1}")
  @CsvSource({
    "0x1.0p-24, 5.960464477539063e-08",
    "0x1.0p-44, 5.684341886080802e-14",
    "0x1.0p-489, 6.256509672447191e-148",
    "0x1.0p-549, 5.426657103235053e-166",
    "0x1.0p+481, 6.243497100631985e+144",
    "0x1.0p+896, 5.282945311356653e+269",
    "0x1.0p+976, 6.386688990511104e+293",
  })
  void aPowerOfTwoPrintsTheShortestDigitsEvenAboveItsExactValue(String hex, String python) {
    assertThat(PythonFloat.repr(Double.parseDouble(hex))).isEqualTo(python);
    assertThat(PythonFloat.repr(-Double.parseDouble(hex))).isEqualTo("-" + python);
  }

  @ParameterizedTest(name = "repr({0}) == {1}")
  @CsvSource({
    "0.1, 0.1",
    "100.0, 100.0",
    "1e16, 1e+16",
    "1.5e-7, 1.5e-07",
    "0.0001, 0.0001",
    "2.0e-3, 0.002",
    "9007199254740993, 9007199254740992.0",
    "4.9e-324, 5e-324",
    "1.7976931348623157e308, 1.7976931348623157e+308",
  })
  void valuesPrintAsPythonPrintsThem(double value, String python) {
    assertThat(PythonFloat.repr(value)).isEqualTo(python);
  }

  /** json.dumps spells the non-finite floats as JavaScript does (json.encoder.floatstr). */
  @ParameterizedTest(name = "json.dumps({0}) == {1}")
  @CsvSource({"NaN, NaN, nan", "Infinity, Infinity, inf", "-Infinity, -Infinity, -inf"})
  void nonFiniteFloatsAreSpelledAsJsonAndReprSpellThem(double value, String json, String repr) {
    assertThat(PythonFloat.json(value)).isEqualTo(json);
    assertThat(PythonFloat.repr(value)).isEqualTo(repr);
  }
}
