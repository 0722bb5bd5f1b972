package io.celerykit.internal;

import java.util.function.Consumer;

/**
 * The mutable values behind an immutable options object (celerykit's options and settings): each
 * wither of the options calls {@link #with} and wraps the changed copy, so no wither lists the
 * other fields. Subclasses hold immutable values only (the copy is shallow). Not API.
 *
 * @param <B> the subclass itself
 */
public abstract class OptionValues<B extends OptionValues<B>> implements Cloneable {

  /** Creates the values with their defaults (the subclass's field initializers). */
  protected OptionValues() {}

  /**
   * Returns a copy of these values with a change made to the copy; these values stay as they are.
   *
   * @param change what to set on the copy
   * @return the changed copy
   */
  public final B with(Consumer<? super B> change) {
    B copy = copy();
    change.accept(copy);
    return copy;
  }

  @SuppressWarnings("unchecked")
  private B copy() {
    try {
      return (B) super.clone();
    } catch (CloneNotSupportedException impossible) {
      throw new AssertionError("OptionValues is Cloneable", impossible);
    }
  }
}
