package io.celerykit.app;

import io.celerykit.result.CeleryApp;
import io.celerykit.result.EagerResult;
import io.celerykit.result.ResultBase;

/**
 * An eager result that knows the result before it, so that eager chains and chords keep the shape
 * of their non-eager results ({@code parent}, {@code as_tuple()}), as Celery's eager {@code
 * chain.apply()} sets {@code res.parent}.
 */
final class LinkedEagerResult<T> extends EagerResult<T> {
  private final ResultBase parent;

  LinkedEagerResult(EagerResult<?> ran, CeleryApp app, ResultBase parent) {
    super(ran.id(), ran.result(), ran.state(), ran.traceback(), ran.name(), app);
    this.parent = parent;
  }

  @Override
  public ResultBase parent() {
    return parent;
  }

  @Override
  public String repr() {
    return "<EagerResult: " + id() + ">";
  }
}
