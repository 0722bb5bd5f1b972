package io.celerykit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.celerykit.result.RemoteTaskException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PythonRepr against CPython 3.11's {@code repr} (Objects/unicodeobject.c {@code unicode_repr},
 * Objects/floatobject.c {@code float_repr}, Objects/listobject.c {@code list_repr}): every expected
 * text below was produced by /usr/bin/python3 printing {@code repr(value)} of the same value.
 */
class PythonReprTest {

  /** Strings and what CPython's repr printed for them. */
  static Stream<Arguments> strings() {
    return Stream.of(
        arguments("it's\nx", "\"it's\\nx\""),
        arguments("plain", "'plain'"),
        arguments("say \"hi\"", "'say \"hi\"'"),
        arguments("both ' and \"", "'both \\' and \"'"),
        arguments("back\\slash", "'back\\\\slash'"),
        arguments("tab\there", "'tab\\there'"),
        arguments("cr\rlf", "'cr\\rlf'"),
        arguments("\u0000\u0007\u001b\u001f\u007f", "'\\x00\\x07\\x1b\\x1f\\x7f'"),
        arguments("caf\u00e9 \u00fc\u00df", "'caf\u00e9 \u00fc\u00df'"),
        arguments("\u00a0nbsp", "'\\xa0nbsp'"),
        arguments("\u00ad soft hyphen", "'\\xad soft hyphen'"),
        arguments("\u2028", "'\\u2028'"),
        arguments("\u200b", "'\\u200b'"),
        arguments("\u4e2d\u6587", "'\u4e2d\u6587'"),
        arguments("\ud83d\ude00", "'\ud83d\ude00'"),
        arguments("\udb40\udc01", "'\\U000e0001'"),
        arguments("\ud800", "'\\ud800'"),
        arguments("\u0080\u009f", "'\\x80\\x9f'"),
        arguments("\ufeff", "'\\ufeff'"),
        arguments("\udbff\udfff", "'\\U0010ffff'"),
        arguments("\u0378", "'\\u0378'"),
        arguments("\ue000", "'\\ue000'"),
        arguments("\u3000", "'\\u3000'"),
        arguments("", "''"),
        arguments("'", "\"'\""),
        arguments("\"", "'\"'"),
        arguments("\\'", "\"\\\\'\""));
  }

  @ParameterizedTest
  @MethodSource("strings")
  void stringsAreQuotedAndEscapedAsCPythonsRepr(String value, String python) {
    assertThat(PythonRepr.repr(value)).isEqualTo(python);
    assertThat(PythonRepr.repr(new StringBuilder(value))).isEqualTo(python);
  }

  @Test
  void strOfAStringIsTheStringItselfAndOfAnythingElseItsRepr() {
    assertThat(PythonRepr.str("it's\nx")).isEqualTo("it's\nx");
    assertThat(PythonRepr.str(List.of("a"))).isEqualTo("['a']");
    assertThat(PythonRepr.str(null)).isEqualTo("None");
  }

  /** Floats and what CPython's repr printed for them. */
  static Stream<Arguments> floats() {
    return Stream.of(
        arguments(0.1, "0.1"),
        arguments(1e16, "1e+16"),
        arguments(1e-5, "1e-05"),
        arguments(1.5, "1.5"),
        arguments(100.0, "100.0"),
        arguments(Double.NaN, "nan"),
        arguments(Double.POSITIVE_INFINITY, "inf"),
        arguments(Double.NEGATIVE_INFINITY, "-inf"),
        arguments(-0.0, "-0.0"),
        arguments(1e22, "1e+22"),
        arguments(123456789012345678.0, "1.2345678901234568e+17"),
        arguments(5e-324, "5e-324"),
        arguments(0.0001, "0.0001"));
  }

  @ParameterizedTest
  @MethodSource("floats")
  void floatsArePrintedAsCPythonsFloatRepr(double value, String python) {
    assertThat(PythonRepr.repr(value)).isEqualTo(python);
    assertThat(PythonFloat.repr(value)).isEqualTo(python);
  }

  @Test
  void scalarsAreNoneTrueFalseAndDigits() {
    // CPython: repr(None), repr(True), repr(False), repr(42), repr(2**70)
    assertThat(PythonRepr.repr(null)).isEqualTo("None");
    assertThat(PythonRepr.repr(true)).isEqualTo("True");
    assertThat(PythonRepr.repr(false)).isEqualTo("False");
    assertThat(PythonRepr.repr(42)).isEqualTo("42");
    assertThat(PythonRepr.repr(new java.math.BigInteger("1180591620717411303424")))
        .isEqualTo("1180591620717411303424");
    assertThat(PythonRepr.repr('q')).isEqualTo("'q'");
  }

  @Test
  void containersAreListsTuplesDictsAndSetsAsCPythonPrintsThem() {
    // CPython: repr([1, 'a', None, True, 2.5]), repr({'a': 1, 'b': [False]}),
    // repr({'k': None, 1: 'v'}), repr((5,)), repr((1, 'x')), repr(()), repr((None,)),
    // repr(set()), repr({1, 2}), repr([0.5, 1e16, -1.5e-7])
    assertThat(PythonRepr.repr(Arrays.asList(1, "a", null, true, 2.5)))
        .isEqualTo("[1, 'a', None, True, 2.5]");
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("a", 1);
    dict.put("b", List.of(false));
    assertThat(PythonRepr.repr(dict)).isEqualTo("{'a': 1, 'b': [False]}");
    Map<Object, Object> withNone = new LinkedHashMap<>();
    withNone.put("k", null);
    withNone.put(1, "v");
    assertThat(PythonRepr.repr(withNone)).isEqualTo("{'k': None, 1: 'v'}");
    assertThat(PythonRepr.tuple(List.of(5))).isEqualTo("(5,)");
    assertThat(PythonRepr.tuple(List.of(1, "x"))).isEqualTo("(1, 'x')");
    assertThat(PythonRepr.tuple(List.of())).isEqualTo("()");
    assertThat(PythonRepr.tuple(Arrays.asList((Object) null))).isEqualTo("(None,)");
    assertThat(PythonRepr.repr(Set.of())).isEqualTo("set()");
    assertThat(PythonRepr.repr(new LinkedHashSet<>(List.of(1, 2)))).isEqualTo("{1, 2}");
    assertThat(PythonRepr.repr(new double[] {0.5, 1e16, -1.5e-7}))
        .isEqualTo("[0.5, 1e+16, -1.5e-07]");
  }

  @Test
  void bytesArePrintedAsCPythonsBytesRepr() {
    // CPython: repr(b'ab\'\x00\xff')
    assertThat(PythonRepr.repr(new byte[] {'a', 'b', '\'', 0, (byte) 0xff}))
        .isEqualTo("b\"ab'\\x00\\xff\"");
  }

  @Test
  void exceptionsAreTheirTypeCalledWithTheirArgs() {
    // CPython: repr(ValueError('bad')), repr(ValueError()), repr(ValueError('a', 1)),
    // repr(ValueError("it's")), repr(ValueError('a\'b"c'))
    assertThat(PythonRepr.repr(remote("ValueError", "bad"))).isEqualTo("ValueError('bad')");
    assertThat(PythonRepr.repr(remote("ValueError"))).isEqualTo("ValueError()");
    assertThat(PythonRepr.repr(remote("ValueError", "a", 1))).isEqualTo("ValueError('a', 1)");
    assertThat(PythonRepr.repr(remote("ValueError", "it's"))).isEqualTo("ValueError(\"it's\")");
    assertThat(PythonRepr.repr(remote("ValueError", "a'b\"c"))).isEqualTo("ValueError('a\\'b\"c')");
    assertThat(PythonRepr.repr(new IllegalStateException("it's\nx")))
        .isEqualTo("IllegalStateException(\"it's\\nx\")");
    assertThat(PythonRepr.repr(new IllegalStateException())).isEqualTo("IllegalStateException()");
  }

  private static RemoteTaskException remote(String type, Object... args) {
    return new RemoteTaskException(type, "builtins", Arrays.asList(args), null);
  }

  @Test
  void aContainerInsideItselfIsPrintedAsCPythonsEllipsis() {
    // CPython: a = [1]; a.append(a); repr(a) -> '[1, [...]]'; d = {}; d['k'] = d -> "{'k': {...}}"
    List<Object> list = new ArrayList<>(List.of(1));
    list.add(list);
    assertThat(PythonRepr.repr(list)).isEqualTo("[1, [...]]");
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("k", dict);
    assertThat(PythonRepr.repr(dict)).isEqualTo("{'k': {...}}");
    List<Object> twice = List.of(1);
    assertThat(PythonRepr.repr(List.of(twice, twice))).isEqualTo("[[1], [1]]");
  }

  @Test
  void deeplyNestedListsRenderWithoutRecursion() {
    Object value = List.of();
    for (int i = 0; i < 100_000; i++) {
      value = List.of(value);
    }

    String text = PythonRepr.repr(value);

    assertThat(text).hasSize(200_002).startsWith("[[[").endsWith("]]]");
  }
}
