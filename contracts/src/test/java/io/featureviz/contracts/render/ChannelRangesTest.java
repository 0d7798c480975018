package io.featureviz.contracts.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelRangesTest {

  @Test
  void rangesSelectEachChannelOnceWithinALayer() {
    ChannelRanges ranges = ChannelRanges.parse("0-3, 2-4,9 ,100");

    assertEquals(List.of(0, 1, 2, 3, 4, 9), ranges.within(10));
    assertEquals(100, ranges.max());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0-63,a      | 'a' is no channel or range",
      "9-2         | range 9-2 runs backwards",
      "0-63,       | '' is no channel or range",
      "-1          | '-1' is no channel or range",
      "1234567890  | '1234567890' is no channel or range"})
  void aMalformedListIsRefusedNamingTheItem(String text, String message) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> ChannelRanges.parse(text));

    assertEquals(message, refused.getMessage().split(";")[0]);
  }
}
