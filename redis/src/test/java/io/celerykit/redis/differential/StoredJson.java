package io.celerykit.redis.differential;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits the exact JSON text of a stored object (a task meta, a group meta) into its skeleton (the
 * text with every top-level value replaced by {@code _}: key order and separators) and the exact
 * text of each top-level value, so that a difference is reported under the key that differs while
 * the whole text is still compared exactly.
 *
 * @param skeleton the text with each top-level value replaced by {@code _}
 * @param values the exact text of each top-level value, by key, in stored order
 */
record StoredJson(String skeleton, Map<String, String> values) {

  /**
   * Splits a JSON object's text.
   *
   * @param json the text, such as {@code {"status": "SUCCESS", "result": 5}}
   * @return the parts
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  static StoredJson split(String json) {
    Scanner s = new Scanner(json);
    StringBuilder skeleton = new StringBuilder();
    Map<String, String> values = new LinkedHashMap<>();
    int start = s.skipSpace();
    s.expect('{');
    int copied = start;
    if (s.peekAfterSpace() == '}') {
      s.skipSpace();
      s.expect('}');
    } else {
      while (true) {
        s.skipSpace();
        String key = s.string();
        s.skipSpace();
        s.expect(':');
        int valueStart = s.skipSpace();
        s.value();
        int valueEnd = s.pos;
        skeleton.append(json, copied, valueStart).append('_');
        copied = valueEnd;
        values.put(key, json.substring(valueStart, valueEnd));
        s.skipSpace();
        char c = s.next();
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw s.error("',' or '}'");
        }
      }
    }
    skeleton.append(json, copied, s.pos);
    if (s.skipSpace() != json.length()) {
      throw s.error("the end of the text");
    }
    return new StoredJson(skeleton.toString(), values);
  }

  /** A cursor over JSON text that skips values without building them. */
  private static final class Scanner {
    private final String text;
    private int pos;

    Scanner(String text) {
      this.text = text;
    }

    int skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      return pos;
    }

    char peekAfterSpace() {
      int p = pos;
      while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
        p++;
      }
      return p < text.length() ? text.charAt(p) : '\0';
    }

    char next() {
      if (pos >= text.length()) {
        throw error("more text");
      }
      return text.charAt(pos++);
    }

    void expect(char c) {
      if (next() != c) {
        pos--;
        throw error("'" + c + "'");
      }
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          char e = next();
          if (e == 'u') {
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          } else {
            out.append(
                switch (e) {
                  case 'n' -> '\n';
                  case 't' -> '\t';
                  case 'r' -> '\r';
                  case 'b' -> '\b';
                  case 'f' -> '\f';
                  default -> e;
                });
          }
        } else {
          out.append(c);
        }
      }
    }

    void value() {
      char c = peekAfterSpace();
      if (c == '"') {
        string();
      } else if (c == '{' || c == '[') {
        int depth = 0;
        do {
          char d = text.charAt(pos);
          if (d == '"') {
            string();
            continue;
          }
          if (d == '{' || d == '[') {
            depth++;
          } else if (d == '}' || d == ']') {
            depth--;
          }
          pos++;
        } while (depth > 0 && pos < text.length());
        if (depth > 0) {
          throw error("the end of a nested value");
        }
      } else {
        int start = pos;
        while (pos < text.length() && ",}] \n\t\r".indexOf(text.charAt(pos)) < 0) {
          pos++;
        }
        if (pos == start) {
          throw error("a value");
        }
      }
    }

    IllegalArgumentException error(String expected) {
      return new IllegalArgumentException(
          "not a JSON object: expected " + expected + " at offset " + pos + " of " + text);
    }
  }
}
