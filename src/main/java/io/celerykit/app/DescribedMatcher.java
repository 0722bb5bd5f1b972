package io.celerykit.app;

import java.util.function.Predicate;
import java.util.function.Supplier;

/** A {@link ValueMatcher} made of a test and the text that describes it. */
record DescribedMatcher(Predicate<Object> test, Supplier<String> description)
    implements ValueMatcher {

  @Override
  public boolean matches(Object value) {
    return test.test(value);
  }

  @Override
  public String describe() {
    return description.get();
  }
}
