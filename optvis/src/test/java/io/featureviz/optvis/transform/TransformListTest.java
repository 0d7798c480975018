package io.featureviz.optvis.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine side of transform lists: each parsed spec composed into its graph transform. */
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
}
