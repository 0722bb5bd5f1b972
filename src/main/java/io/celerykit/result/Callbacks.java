package io.celerykit.result;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** Chains Celery-style {@code then(callback, on_error)} onto a readiness future. */
final class Callbacks {
  private Callbacks() {}

  static <S, R> CompletableFuture<R> chain(
      CompletableFuture<S> ready,
      Function<? super S, ? extends R> callback,
      Function<? super Throwable, ? extends R> onError) {
    CompletableFuture<R> out = new CompletableFuture<>();
    ready.whenComplete(
        (value, error) -> {
          Throwable failure = unwrap(error);
          if (failure == null) {
            try {
              out.complete(callback.apply(value));
              return;
            } catch (RuntimeException | Error e) {
              failure = e;
            }
          }
          if (onError == null) {
            out.completeExceptionally(failure);
            return;
          }
          try {
            out.complete(onError.apply(failure));
          } catch (RuntimeException | Error e) {
            out.completeExceptionally(e);
          }
        });
    return out;
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
