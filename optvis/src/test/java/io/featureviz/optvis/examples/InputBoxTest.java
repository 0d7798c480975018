package io.featureviz.optvis.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.optvis.image.CentreSquare;
import org.junit.jupiter.api.Test;

/** From the model's input square back to the source's pixels. */
class InputBoxTest {

  @Test
  void theWholeInputIsTheCentreSquareOfAWideSource() {
    CropBox box = new InputBox(0, 0, 224).toSource(CentreSquare.of(1280, 720), 224);
    assertEquals(new CropBox(280, 0, 720, 720), box);
  }

  @Test
  void aBoxKeepsItsCentreAndScalesItsSideInATallSource() {
    // 512x929: the model sees rows 208..719, at 224/512 of their size.
    CropBox box = new InputBox(100, 10, 20).toSource(CentreSquare.of(512, 929), 224);
    double scale = 512 / 224.0;
    assertEquals(Math.round(20 * scale), box.width());
    assertEquals(box.width(), box.height());
    assertEquals(110 * scale, box.x() + box.width() / 2.0, 1);
    assertEquals(208 + 20 * scale, box.y() + box.height() / 2.0, 1);
  }

  @Test
  void staysInsideTheSeenSquareAtItsEdge() {
    CropBox box = new InputBox(214, 214, 10).toSource(CentreSquare.of(300, 200), 224);
    assertEquals(50 + 200 - box.width(), box.x());
    assertEquals(200 - box.height(), box.y());
  }

  @Test
  void centredOnShiftsASquareIntoTheInput() {
    assertEquals(new InputBox(0, 214, 10), InputBox.centredOn(1.5, 223.5, 10, 224));
    assertEquals(new InputBox(0, 0, 224), InputBox.centredOn(20, 200, 300, 224));
  }
}
