package io.celerykit.result;

/** Checks of task and group ids. */
final class Ids {
  private Ids() {}

  static String require(String id, String what) {
    if (id == null) {
      throw new IllegalArgumentException(
          what + " must be a non-blank string (AsyncResult requires valid id), got null");
    }
    if (id.isBlank()) {
      throw new IllegalArgumentException(
          what + " must be a non-blank string (AsyncResult requires valid id), got \"" + id + "\"");
    }
    return id;
  }
}
