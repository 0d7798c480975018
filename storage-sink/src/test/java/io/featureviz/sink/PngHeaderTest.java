package io.featureviz.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.featureviz.contracts.messages.MessageFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PngHeaderTest {

  @Test
  void sizeIsReadFromTheHeader() throws Exception {
    assertEquals(new PngHeader(40, 30), PngHeader.read(SinkTestSupport.png(40, 30, 1)));
  }

  /** Only the first 24 bytes are read: a frame cut after its header still gives its size. */
  @Test
  void headerAloneIsEnough() throws Exception {
    byte[] png = SinkTestSupport.png(7, 300, 2);
    assertEquals(new PngHeader(7, 300), PngHeader.read(Arrays.copyOf(png, 24)));
  }

  @Test
  void missingOrShortValueIsNoPng() throws Exception {
    assertEquals("frame value is not a PNG", refusal(null));
    assertEquals("frame value is not a PNG", refusal(new byte[0]));
    assertEquals("frame value is not a PNG",
        refusal(Arrays.copyOf(SinkTestSupport.png(8, 8, 3), 23)));
  }

  @Test
  void otherBytesAreNoPng() throws Exception {
    assertEquals("frame value is not a PNG",
        refusal("GIF89a, certainly not a portable network graphic"
            .getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void pngWhoseFirstChunkIsNotTheHeaderIsRefused() throws Exception {
    byte[] png = SinkTestSupport.png(8, 8, 4);
    System.arraycopy("tEXt".getBytes(StandardCharsets.US_ASCII), 0, png, 12, 4);
    assertEquals("PNG does not start with an IHDR chunk", refusal(png));
  }

  private static String refusal(byte[] value) {
    return assertThrows(MessageFormatException.class, () -> PngHeader.read(value)).getMessage();
  }
}
