package io.featureviz.contracts.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.transform.TransformSpec.Jitter;
import io.featureviz.contracts.transform.TransformSpec.Pad;
import io.featureviz.contracts.transform.TransformSpec.Rotate;
import io.featureviz.contracts.transform.TransformSpec.Scale;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransformParserTest {

  @Test
  void standardIsLucidsList() {
    List<TransformSpec> standard = TransformParser.parse("standard");
    assertEquals(new Pad(12, 0.5f), standard.get(0));
    assertEquals(new Jitter(8), standard.get(1));
    assertEquals(11, ((Scale) standard.get(2)).factors().size(), "0.90 to 1.10 by 0.02");
    assertEquals(1.1, ((Scale) standard.get(2)).factors().get(10), 1e-12);
    assertEquals(21, ((Rotate) standard.get(3)).degrees().size(), "-10 to 10 degrees");
    assertEquals(new Jitter(4), standard.get(4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "", "  "})
  void noneAndBlankAreTheEmptyList(String text) {
    assertEquals(List.of(), TransformParser.parse(text));
    assertEquals("none", TransformSpec.toText(TransformParser.parse(text)));
  }

  @Test
  void readsSpacesDefaultsRangesAndListsAndPrintsTextThatParsesBack() {
    List<TransformSpec> specs =
        TransformParser.parse(" pad( 4 ) , jitter(2),scale(0.5, 1,2e0), rotate(-5..5/2.5)");
    assertEquals(List.of(new Pad(4, 0.5f), new Jitter(2), new Scale(List.of(0.5, 1.0, 2.0)),
        new Rotate(List.of(-5.0, -2.5, 0.0, 2.5, 5.0))), specs);
    String text = TransformSpec.toText(specs);
    assertEquals("pad(4,0.5),jitter(2),scale(0.5,1,2),rotate(-5,-2.5,0,2.5,5)", text);
    assertEquals(specs, TransformParser.parse(text));
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
        assertThrows(IllegalArgumentException.class, () -> TransformParser.parse(text));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
      "jitter(2),blur(3);10;unknown transform 'blur'",
      "pad(4;5;end of input",
      "pad(1,2,3);7;','",
      "jitter(8) jitter(4);10;'j'",
      "jitter(2),;10;end of input",
      "scale(1,x);8;'x'",
      "pad(4),jitter(1.5);14;'1.5'",
      "rotate(0..1/-1);12;'-1'",
      "rotate(3..1);10;'3..1'",
      "scale(0,1);6;'0,1'"})
  void reportsThePositionAndWhatItFound(String text, int position, String found) {
    TransformSyntaxException e =
        assertThrows(TransformSyntaxException.class, () -> TransformParser.parse(text));
    assertEquals(position, e.position(), e.getMessage());
    assertEquals(found, e.found(), e.getMessage());
    assertTrue(e.getMessage().startsWith("at position " + position + ": expected "),
        e.getMessage());
  }

  @Test
  void showsACaretUnderTheBadTransform() {
    TransformSyntaxException e = assertThrows(TransformSyntaxException.class,
        () -> TransformParser.parse("pad(12),wobble(3)"));
    assertEquals("pad(12),wobble(3)\n        ^", e.formatted().lines().skip(1)
        .reduce((a, b) -> a + "\n" + b).orElseThrow());
  }

  @Test
  void refusesARangeWhoseArithmeticWouldNotEnd() {
    TransformSyntaxException e = assertThrows(TransformSyntaxException.class,
        () -> TransformParser.parse("scale(0..1/1e-999999999)"));
    assertEquals(6, e.position());
  }
}
