package io.featureviz.contracts.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectiveSyntaxErrorTest {

  private static ObjectiveSyntaxException failure(String input) {
    return assertThrows(ObjectiveSyntaxException.class, () -> ObjectiveParser.parse(input));
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("", 0, "an objective such as mixed4:97", "empty input"),
        Arguments.of("   ", 3, "an objective such as mixed4:97", "empty input"),
        Arguments.of("mixed4:97 )", 10, "'+', '-', ';' or end of input", "')'"),
        Arguments.of("(mixed4:97", 10, "')' to close the '(' at position 0", "end of input"),
        Arguments.of("((a:1) + (a:2)", 14, "')' to close the '(' at position 0", "end of input"),
        Arguments.of("mixed4", 6, "':' and a channel number after layer name 'mixed4'",
            "end of input"),
        Arguments.of("mixed4:", 7, "a channel number after ':'", "end of input"),
        Arguments.of("mixed4:-1", 7, "a channel number after ':'", "'-'"),
        Arguments.of("mixed4:1.5", 7, "a channel number after ':' (a whole number)", "'1.5'"),
        Arguments.of("mixed4:99999999999", 7, "a number no larger than 2147483647",
            "'99999999999'"),
        Arguments.of("direction:mixed4:[]", 18, "at least one number in the direction vector",
            "']'"),
        Arguments.of("direction:mixed4:[1,NaN]", 20, "a number in the direction vector", "'N'"),
        Arguments.of("direction:mixed4:[1 2]", 20, "',' or ']' in the direction vector", "'2'"),
        Arguments.of("NaN*tv", 0, "a finite number", "'NaN'"),
        Arguments.of("tv - Infinity*l1", 5, "a finite number", "'Infinity'"),
        Arguments.of("1e999*tv", 0, "a finite number", "'1e999'"),
        Arguments.of("2e*tv", 2, "digits of the exponent", "'*'"),
        Arguments.of("nueron:a:1", 7, "a channel number after ':'", "'a'"),
        Arguments.of("mixed4:97 +", 11, "an objective such as mixed4:97", "end of input"),
        Arguments.of("mixed4:97;", 10, "an objective such as mixed4:97", "end of input"),
        Arguments.of("mixed4:97 mixed4:98", 10, "'+', '-', ';' or end of input", "'m'"),
        Arguments.of("logit:\"hot dog", 14, "'\"' to close the label opened at position 6",
            "end of input"),
        Arguments.of("logit:\"a\\nb\"", 9, "'\"' or '\\' after a backslash", "'n'"),
        Arguments.of("logit:\"  \"", 6, "a non-blank label", "'\"  \"'"),
        Arguments.of("softmax:", 8, "a class index or label after 'softmax:'", "end of input"),
        Arguments.of("neuron:mixed4:97@3", 18, "',' between the x and y coordinates",
            "end of input"),
        Arguments.of("neuron:mixed4:97@,4", 17, "an x coordinate after '@'", "','"),
        Arguments.of("mixed4:97 * x", 12, "a number after '*'", "'x'"),
        Arguments.of("0.5 tv", 4, "'*' after the number", "'t'"),
        Arguments.of("2*3*tv", 2, "an objective such as mixed4:97", "'3'"),
        Arguments.of("layer:3", 6, "a layer name after 'layer:'", "'3'"),
        Arguments.of("diversity:", 10, "a layer name after 'diversity:'", "end of input"),
        Arguments.of("/layer3/layer3.1/Relu", 21,
            "':' and a channel number after layer name '/layer3/layer3.1/Relu'", "end of input"),
        Arguments.of("/a:1 /b:2", 5, "'+', '-', ';' or end of input", "'/'"),
        Arguments.of("mixed-4:1", 5, "':' and a channel number after layer name 'mixed'", "'-'"),
        Arguments.of("-".repeat(40) + "tv", 32, "at most 32 levels of nesting", "'-'"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badInputs")
  void reportsPositionExpectationAndFinding(
      String input, int position, String expected, String found) {
    ObjectiveSyntaxException error = failure(input);
    assertEquals(position, error.position(), error.getMessage());
    assertEquals(expected, error.expected());
    assertEquals(found, error.found());
  }

  @Test
  void reportsPositionOfMissingChannelInMessageAndCaretLine() {
    ObjectiveSyntaxException error = failure("mixed4:x");
    assertEquals("at position 7: expected a channel number after ':' but found 'x'",
        error.getMessage());
    assertEquals(
        "at position 7: expected a channel number after ':' but found 'x'\n"
            + "mixed4:x\n"
            + "       ^",
        error.formatted());
  }

  @Test
  void suggestsKeywordForMisspeltKeyword() {
    assertTrue(
        failure("nueron:a:1").getMessage().endsWith(
            "('nueron' is read as a layer name; did you mean 'neuron:'?)"));
  }

  @Test
  void rejectsNestingDeeperThanTheLimitAtTheOpeningParenthesis() {
    int depth = ObjectiveParser.MAX_DEPTH + 1;
    ObjectiveSyntaxException error =
        failure("a:1 + " + "(".repeat(depth) + "a:1" + ")".repeat(depth));
    assertEquals(6 + ObjectiveParser.MAX_DEPTH, error.position());
    assertEquals("at most 32 levels of nesting", error.expected());
  }

  @Test
  void rejectsInputOverTheLengthLimitBeforeParsing() {
    String input = "tv+".repeat(1500) + "tv";
    ObjectiveSyntaxException error = failure(input);
    assertEquals(ObjectiveParser.MAX_LENGTH, error.position());
    assertEquals("at most 4096 characters", error.expected());
    assertEquals("4502 characters", error.found());
  }

  @Test
  void clipsLongInputAroundTheCaret() {
    String input = "a:1 + ".repeat(20) + "a:x";
    String[] lines = failure(input).formatted().split("\n");
    int caret = lines[2].indexOf('^');
    assertEquals('x', lines[1].charAt(caret));
    assertTrue(lines[1].startsWith("..."));
  }

  @Test
  void rejectsSemicolonWhereOneObjectiveIsExpected() {
    ObjectiveSyntaxException error =
        assertThrows(
            ObjectiveSyntaxException.class, () -> ObjectiveParser.parseObjective("a:1;a:2"));
    assertEquals(3, error.position());
    assertEquals("'+', '-' or end of input", error.expected());
  }

  @Test
  void isAnIllegalArgumentException() {
    assertThrows(IllegalArgumentException.class, () -> ObjectiveSpec.parse("?"));
  }
}
