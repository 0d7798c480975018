package io.featureviz.sink;

import io.featureviz.contracts.messages.MessageFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The size a PNG declares in its IHDR chunk, read to refuse frames that are not PNGs. */
record PngHeader(int width, int height) {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  /** Signature, chunk length, "IHDR", width, height. */
  private static final int MIN_LENGTH = 24;

  static PngHeader read(byte[] png) {
    if (png == null || png.length < MIN_LENGTH
        || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new MessageFormatException("frame value is not a PNG");
    }
    if (!"IHDR".equals(new String(png, 12, 4, StandardCharsets.US_ASCII))) {
      throw new MessageFormatException("PNG does not start with an IHDR chunk");
    }
    ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
    return new PngHeader(header.getInt(), header.getInt());
  }
}
