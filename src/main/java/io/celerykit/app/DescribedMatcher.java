package io.celerykit.app;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** A {@link ValueMatcher} made of a test and the text that describes it. */
final class DescribedMatcher implements ValueMatcher {
  private final Predicate<Object> test;
  private final Supplier<String> description;

  DescribedMatcher(Predicate<Object> test, Supplier<String> description) {
    this.test = test;
    this.description = description;
  }

  @Override
  public boolean matches(Object value) {
    return test.test(value);
  }

  @Override
  public String describe() {
    return description.get();
  }
}
