package io.celerykit.internal;

import java.util.Iterator;
import java.util.function.Function;

/** An iterator that yields another iterator's items, each turned by a function. Not API. */
public final class MappedIterator {
  private MappedIterator() {}

  /**
   * Returns an iterator over {@code source}'s items, each passed through {@code turn} as it is
   * reached.
   *
   * @param <A> the source's item type
   * @param <B> the yielded type
   * @param source the items
   * @param turn what each item becomes
   * @return the iterator
   */
  public static <A, B> Iterator<B> map(
      Iterator<? extends A> source, Function<? super A, ? extends B> turn) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public B next() {
        return turn.apply(source.next());
      }
    };
  }
}
