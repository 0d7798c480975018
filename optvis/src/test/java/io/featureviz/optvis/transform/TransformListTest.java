package io.featureviz.optvis.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransformListTest {

  @Test
  void standardIsLucidsList() {
    List<Transform> standard = TransformList.STANDARD.transforms();
    assertEquals(new Pad(12, 0.5f), standard.get(0));
    assertEquals(new Jitter(8), standard.get(1));
    assertEquals(11, ((RandomScale) standard.get(2)).scales().size(), "0.90 to 1.10 by 0.02");
    assertEquals(1.1, ((RandomScale) standard.get(2)).scales().get(10), 1e-12);
    assertEquals(21, ((RandomRotate) standard.get(3)).degrees().size(), "-10 to 10 degrees");
    assertEquals(new Jitter(4), standard.get(4));
  }

  @Test
  void describeParsesBackToTheSameList() {
    String text = "pad(4,0.25),jitter(2),scale(0.5,1,2),rotate(-5..5/2.5)";
    TransformList list = TransformList.parse(text);
    assertEquals(list, TransformList.parse(list.describe()));
    assertEquals(List.of(-5.0, -2.5, 0.0, 2.5, 5.0), ((RandomRotate) list.transforms().get(3))
        .degrees());
    assertEquals(TransformList.NONE, TransformList.parse("none"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "blur(3);unknown transform 'blur'",
      "pad;expected NAME(ARGS)",
      "pad(-1);whole number",
      "jitter(1.5);whole number",
      "jitter();jitter takes PIXELS",
      "scale(0);positive finite",
      "scale(x);'x' is not a number",
      "rotate(10..-10);FROM <= TO",
      "rotate(0..1/0);positive STEP",
      "rotate(0..100000/0.001);more than 10000"})
  void badListsSayWhatIsWrong(String text, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TransformList.parse(text));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
