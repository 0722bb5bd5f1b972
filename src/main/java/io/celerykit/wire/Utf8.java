package io.celerykit.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the bytes of a fixture as UTF-8, strictly, as Python's {@code json.load} of a UTF-8 file
 * does: a byte sequence that is not UTF-8 is an error at its byte offset, never a replacement
 * character.
 */
final class Utf8 {
  private Utf8() {}

  /**
   * Decodes bytes.
   *
   * @param bytes the bytes
   * @param source where they came from, for error messages
   * @return the text
   * @throws WireFormatException naming the source and the offset of the first bad byte
   */
  static String decode(byte[] bytes, String source) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never decodes to more chars than it has bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      throw new WireFormatException(
          source
              + ": not UTF-8 at byte offset "
              + offset
              + " ("
              + hex(bytes, offset, result.length())
              + " cannot stand there in UTF-8); save the fixture as UTF-8");
    }
    return out.flip().toString();
  }

  private static String hex(byte[] bytes, int offset, int length) {
    StringBuilder sb = new StringBuilder(length == 1 ? "byte" : "bytes");
    for (int i = offset; i < offset + length && i < bytes.length; i++) {
      sb.append(String.format(" 0x%02X", bytes[i] & 0xFF));
    }
    return sb.toString();
  }
}
