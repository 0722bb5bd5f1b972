package io.celerykit.redis.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Celery's {@code celery.utils.saferepr.saferepr}, which writes argsrepr and kwargsrepr. */
class SafeReprTest {

  @Test
  void quotesStringsEscapingOnlySingleQuotes() {
    // celery/utils/saferepr.py _format_chars: "'{}'".format(text.replace("'", "\\'"))
    assertThat(SafeRepr.saferepr(List.of("it's", "a\\b\nc", "é"), null))
        .isEqualTo("['it\\'s', 'a\\b\nc', 'é']");
  }

  @Test
  void writesNoneTrueFalseAndPythonFloats() {
    // reprstream: numbers (bool included) through str(), other objects through repr()
    assertThat(SafeRepr.saferepr(Arrays.asList(null, true, false, 1e16, -0.0, 1.5), null))
        .isEqualTo("[None, True, False, 1e+16, -0.0, 1.5]");
  }

  @Test
  void writesOneElementTuplesWithATrailingComma() {
    // LIT_TUPLE_END_SV = ',)' for tuples of one
    assertThat(SafeRepr.saferepr(new PyTuple(List.of(1)), null)).isEqualTo("(1,)");
    assertThat(SafeRepr.saferepr(PyTuple.EMPTY, null)).isEqualTo("()");
  }

  @Test
  void elidesContainersNestedThreeLevelsDeep() {
    // reprstream: `if maxlevels and level >= maxlevels: yield '[...]'`
    Object args = new PyTuple(List.of(List.of(1, List.of(2, List.of(3)))));
    assertThat(SafeRepr.saferepr(args, 1024)).isEqualTo("([1, [2, [...]]],)");
  }

  @Test
  void cutsAStringAtItsLastSpaceAndClosesTheOpenBrackets() {
    // _saferepr: past maxlen, ', ...' then the dangling non-truncatable literals
    Object args = new PyTuple(List.of("alpha beta gamma delta", List.of(1, 2)));
    assertThat(SafeRepr.saferepr(args, 14)).isEqualTo("('alpha beta...', ...)");
  }

  @Test
  void countsCodePointsAsPythonsLenDoes() {
    // celery/utils/text.py truncate: s[:maxlen] slices code points
    assertThat(SafeRepr.truncate("𝄞𝄞𝄞𝄞", 2)).isEqualTo("𝄞𝄞...");
    assertThat(SafeRepr.truncate("𝄞𝄞", 3)).isEqualTo("𝄞𝄞");
  }

  @Test
  void writesDictsWithReprKeysInInsertionOrder() {
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("b", 1);
    kwargs.put("a'", Map.of());
    assertThat(SafeRepr.saferepr(kwargs, null)).isEqualTo("{'b': 1, 'a\\'': {}}");
  }

  @Test
  void writesDecimalsAndUuidsAsPythonReprs() {
    UUID id = UUID.fromString("5f0e2b4c-7d1a-3e8f-9b6c-0a1b2c3d4e5f");
    assertThat(SafeRepr.saferepr(List.of(new BigDecimal("1.50"), id), null))
        .isEqualTo("[Decimal('1.50'), UUID('5f0e2b4c-7d1a-3e8f-9b6c-0a1b2c3d4e5f')]");
  }

  @Test
  void refusesAValueWithoutAPythonRepr() {
    assertThatThrownBy(() -> SafeRepr.saferepr(List.of(new Object() {}), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Python repr");
  }
}
