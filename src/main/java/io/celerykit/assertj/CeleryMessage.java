package io.celerykit.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;

/**
 * Base of celerykit's error messages: a format whose arguments are texts shown as they are (not
 * quoted), so that ids, states, trees and timelines read naturally.
 */
abstract class CeleryMessage extends BasicErrorMessageFactory {

  /** The closing section of result messages: the tree drawn under the result. */
  static final String TREE = "%nresult tree:%n%s";

  /** The closing section of journal messages. */
  static final String TIMELINE = "%njournal timeline:%n%s";

  CeleryMessage(String format, String... texts) {
    super(format, unquoted(texts));
  }

  private static Object[] unquoted(String[] texts) {
    Object[] out = new Object[texts.length];
    for (int i = 0; i < texts.length; i++) {
      out[i] = unquotedString(texts[i]);
    }
    return out;
  }
}
