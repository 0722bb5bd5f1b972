package io.celerykit.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Reads JSON text as Python's {@code json.loads} does, into maps (ordered; a repeated key keeps its
 * first place and its last value), lists, strings, numbers, booleans and nulls: {@code NaN}, {@code
 * Infinity} and {@code -Infinity} are numbers, {@code 1e400} is infinity, whole numbers have no
 * size limit but Python's 4300 digits, nothing may follow the value. Iterative, so nesting has no
 * depth limit (a result tuple of a chain of a million tasks nests two million deep), and Jackson's
 * own limits on nesting, string and number length are lifted: every error is a {@link
 * WireFormatException} naming the source, line, column and the key it was in.
 */
final class PythonJsonReader {

  /** Python's {@code sys.get_int_max_str_digits()} default (CPython 3.11, backported to 3.7+). */
  static final int MAX_INT_DIGITS = 4300;

  /** How many keys of a deep path an error message shows at each end. */
  private static final int PATH_ENDS = 8;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(Integer.MAX_VALUE)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNameLength(Integer.MAX_VALUE)
                  .build())
          .build();

  private final String source;
  private final ArrayDeque<OpenValue> open = new ArrayDeque<>();

  private PythonJsonReader(String source) {
    this.source = source;
  }

  /**
   * Reads one JSON value.
   *
   * @param text the text
   * @param source where it came from, for error messages
   * @return the value
   * @throws WireFormatException when the text is not JSON as Python reads it
   */
  static Object read(String text, String source) {
    return new PythonJsonReader(source).readAll(text);
  }

  private Object readAll(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      try {
        JsonToken token = parser.nextToken();
        if (token == null) {
          throw malformed(parser.currentLocation(), "Expecting value (the text is empty)");
        }
        Object root = readValue(parser, token);
        if (parser.nextToken() != null) {
          throw malformed(
              parser.currentTokenLocation(),
              "Extra data: only one JSON value may stand in the text, and something follows it");
        }
        return root;
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        throw malformed(at, e.getOriginalMessage(), e);
      }
    } catch (IOException e) {
      // A parser over a String does no I/O; closing it cannot fail either.
      throw new WireFormatException(source + ": cannot read JSON: " + e.getMessage(), e);
    }
  }

  private Object readValue(JsonParser parser, JsonToken first) throws IOException {
    Object root = null;
    JsonToken token = first;
    while (true) {
      Object value;
      switch (token) {
        case START_OBJECT -> {
          OpenValue object = new OpenValue(null, new LinkedHashMap<>());
          root = attach(root, object.map);
          open.push(object);
          token = parser.nextToken();
          continue;
        }
        case START_ARRAY -> {
          OpenValue array = new OpenValue(new ArrayList<>(), null);
          root = attach(root, array.list);
          open.push(array);
          token = parser.nextToken();
          continue;
        }
        case END_OBJECT, END_ARRAY -> {
          open.pop();
          if (open.isEmpty()) {
            return root;
          }
          token = parser.nextToken();
          continue;
        }
        case FIELD_NAME -> {
          open.peek().key = parser.currentName();
          token = parser.nextToken();
          continue;
        }
        case VALUE_STRING -> value = parser.getText();
        case VALUE_NUMBER_INT -> value = integer(parser);
        case VALUE_NUMBER_FLOAT -> value = decimal(parser);
        case VALUE_TRUE -> value = Boolean.TRUE;
        case VALUE_FALSE -> value = Boolean.FALSE;
        case VALUE_NULL -> value = null;
        default -> throw malformed(parser.currentTokenLocation(), "unexpected " + token);
      }
      root = attach(root, value);
      if (open.isEmpty()) {
        return root;
      }
      token = parser.nextToken();
    }
  }

  /** Adds a value to the innermost open container; the first value is the root. */
  private Object attach(Object root, Object value) {
    if (open.isEmpty()) {
      return value;
    }
    open.peek().add(value);
    return root;
  }

  private Object integer(JsonParser parser) throws IOException {
    if (parser.getTextLength() > MAX_INT_DIGITS) {
      String text = parser.getText();
      int digits = text.length() - (text.startsWith("-") ? 1 : 0);
      if (digits > MAX_INT_DIGITS) {
        throw malformed(
            parser.currentTokenLocation(),
            "Exceeds the limit ("
                + MAX_INT_DIGITS
                + " digits) for integer string conversion: value has "
                + digits
                + " digits (Python's int limit, sys.set_int_max_str_digits)");
      }
    }
    return switch (parser.getNumberType()) {
      case INT -> parser.getIntValue();
      case LONG -> parser.getLongValue();
      default -> parser.getBigIntegerValue();
    };
  }

  private Object decimal(JsonParser parser) throws IOException {
    if (parser.isNaN()) {
      String text = parser.getText();
      switch (text) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          // Jackson also takes INF and +Infinity; Python's json takes only these three.
          throw malformed(
              parser.currentTokenLocation(),
              "Expecting value: "
                  + text
                  + " is not a number Python's json reads (NaN, Infinity and -Infinity are)");
      }
    }
    // Beyond the range of a double, as Python's float(): 1e400 is infinity, 1e-400 zero.
    return parser.getDoubleValue();
  }

  private WireFormatException malformed(JsonLocation at, String what) {
    return malformed(at, what, null);
  }

  private WireFormatException malformed(JsonLocation at, String what, Throwable cause) {
    String path = path();
    return new WireFormatException(
        source
            + ": malformed JSON at line "
            + at.getLineNr()
            + ", column "
            + at.getColumnNr()
            + (path.isEmpty() ? "" : " (in key " + path + ")")
            + ": "
            + what,
        cause);
  }

  /**
   * Where the reader is, as keys and indexes from the root ({@code "result"[0]."x"}), the middle of
   * a deep path left out.
   */
  private String path() {
    int depth = open.size();
    StringBuilder sb = new StringBuilder();
    Iterator<OpenValue> fromRoot = open.descendingIterator();
    for (int level = 0; fromRoot.hasNext(); level++) {
      OpenValue o = fromRoot.next();
      if (level >= PATH_ENDS && level < depth - PATH_ENDS) {
        if (level == PATH_ENDS) {
          sb.append("...(").append(depth - 2 * PATH_ENDS).append(" levels)...");
        }
        continue;
      }
      if (o.list != null) {
        // An outer list's last element is the open container the reader is in; the innermost
        // list's next element is the one being read.
        int index = level == depth - 1 ? o.list.size() : o.list.size() - 1;
        sb.append('[').append(index).append(']');
      } else if (o.key != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append('"').append(shortened(o.key)).append('"');
      }
    }
    return sb.toString();
  }

  private static String shortened(String key) {
    return key.length() <= 80 ? key : key.substring(0, 80) + "...";
  }
}
