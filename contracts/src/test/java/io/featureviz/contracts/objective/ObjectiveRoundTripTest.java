package io.featureviz.contracts.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectiveRoundTripTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mixed4:97",
        "mixed4:97 - 0.05*tv",
        "neuron:mixed4:97@3,4",
        "neuron:mixed4:97",
        "layer:mixed3",
        "direction:mixed4:[0.5,-1,2e-1]",
        "softmax:207",
        "logit:\"hot dog\"",
        "logit:\"hot dog, hotdog\"",
        "softmax:goldfish",
        "softmax:\"123\"",
        "2*(mixed4:1 + mixed4:2) - 0.1*l1",
        "mixed4:97;0.75*mixed4:97+0.25*mixed4:98;0.25*mixed4:97+0.75*mixed4:98;mixed4:98",
        "diversity:mixed4 + mixed4:97",
        "-mixed4:1 - -mixed4:2",
        "-(a:1 + a:2) - (a:3 - a:4)",
        "2*(3*(a:1)) + a:2*0.5",
        "((a:1 + a:2) + a:3) + (a:4)",
        "-0.0*tv + 0*l2",
        "1e-300*blur - 1e300*tv",
        "tv:3 + l1:0 + blur*2",
        "direction:block_5/expand:[1e-7,-0.0,123456789.125]",
        "neuron:Mixed_5b.conv:0@0,0"
      })
  void printsTextThatParsesBackToTheSameTree(String text) {
    ObjectiveSpec parsed = ObjectiveParser.parse(text);
    String canonical = parsed.toGrammar();
    assertEquals(parsed, ObjectiveParser.parse(canonical), canonical);
    assertEquals(canonical, ObjectiveParser.parse(canonical).toGrammar());
  }

  @Test
  void printsCanonicalText() {
    assertEquals(
        "2*(mixed4:1 + mixed4:2) - 0.1*l1",
        ObjectiveSpec.parse("2 * ( mixed4:1+mixed4:2 )-0.1*l1").toGrammar());
    assertEquals("0.5*tv", ObjectiveSpec.parse("tv*.5").toGrammar());
    assertEquals("-1*a:1 - 2*b:2", ObjectiveSpec.parse("-a:1 + -2*b:2").toGrammar());
    assertEquals("a:1; b:2", ObjectiveSpec.parse("a:1;b:2").toGrammar());
    assertEquals(
        "direction:m:[0.5,-1,0.2]", ObjectiveSpec.parse("direction:m:[.5,-1.0,2e-1]").toGrammar());
    assertEquals("logit:\"a \\\"b\\\" \\\\\"", new ClassLogit(ClassRef.label("a \"b\" \\")).toGrammar());
  }

  @Test
  void randomTreesSurviveTheRoundTrip() {
    RandomObjectives random = new RandomObjectives(20240611L);
    for (int i = 0; i < 2000; i++) {
      ObjectiveSpec spec = random.spec();
      String text = spec.toGrammar();
      assertEquals(spec, ObjectiveParser.parse(text), text);
    }
  }

  @Test
  void refusesTreesThatCouldNotBePrinted() {
    assertThrows(IllegalArgumentException.class, () -> new Channel("logit", 3));
    assertThrows(IllegalArgumentException.class, () -> new Channel("mixed-4", 3));
    assertThrows(IllegalArgumentException.class, () -> new Sum(List.of(new L1())));
    assertThrows(IllegalArgumentException.class, () -> new Scaled(Double.NaN, new L1()));
    assertThrows(IllegalArgumentException.class, () -> new Direction("a", List.of()));
    assertThrows(IllegalArgumentException.class, () -> ClassRef.label("tab\there"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Neuron("a", 1, OptionalInt.of(1), OptionalInt.empty()));
  }
}
