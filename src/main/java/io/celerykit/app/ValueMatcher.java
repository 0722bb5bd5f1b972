package io.celerykit.app;

import java.util.Objects;

/**
 * Matches one argument (or keyword argument value) of a sent task, in {@link
 * SentTaskPattern#withArgs} and {@link SentTaskPattern#withKwargs}; made by {@link CeleryMatchers}
 * ({@code any()}, {@code eq(v)}, {@code isA(type)}, {@code argThat(predicate)}), as Mockito's
 * {@code ArgumentMatcher}. A plain value given where a matcher may be is compared for equality.
 */
public interface ValueMatcher {

  /**
   * Tells whether a value sent as an argument matches.
   *
   * @param value the value sent, may be null
   * @return true when it matches
   */
  boolean matches(Object value);

  /**
   * Describes what matches, for failure reports, e.g. {@code <any>} or {@code 'INV-1'}.
   *
   * @return the text
   */
  String describe();

  /**
   * Returns the same matcher described by a text of the test's, e.g. {@code <an invoice number>}.
   *
   * @param description the text shown in reports
   * @return the matcher
   */
  default ValueMatcher describedAs(String description) {
    Objects.requireNonNull(description, "description");
    return new DescribedMatcher(this::matches, () -> description);
  }
}
