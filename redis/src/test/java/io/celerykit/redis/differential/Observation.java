package io.celerykit.redis.differential;

import java.util.Objects;

/**
 * One thing a client saw while a scenario ran: a label (unique within the run), what kind of text
 * it is (which tells {@link Normalizer} what to normalise) and the text.
 *
 * @param label where in the scenario, such as {@code "sum.meta.result"}
 * @param kind the kind of text
 * @param text the rendered text
 */
record Observation(String label, Kind kind, String text) {

  /** The kinds of observed text; each kind has its own normalisations in {@link Normalizer}. */
  enum Kind {
    /** A value, a state, an exception line, a piece of stored JSON: ids and hostnames vary. */
    TEXT,
    /** A traceback: only its last line, the exception line, is compared. */
    TRACEBACK,
    /** A {@code date_done}: only whether there is one is compared. */
    DATE_DONE
  }

  Observation {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /** Returns the same observation with other text (a normalised one). */
  Observation withText(String newText) {
    return new Observation(label, kind, newText);
  }
}
