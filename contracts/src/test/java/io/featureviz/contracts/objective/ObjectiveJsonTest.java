package io.featureviz.contracts.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectiveJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode jsonOf(String grammar) {
    return ObjectiveJson.toJson(ObjectiveSpec.parse(grammar));
  }

  @Test
  void writesOneObjectPerNodeWithTypeDiscriminator() {
    assertEquals(
        json("{'type':'sum','terms':["
            + "{'type':'channel','layer':'mixed4','channel':97},"
            + "{'type':'scale','factor':-0.05,'objective':{'type':'tv'}}]}"),
        jsonOf("mixed4:97 - 0.05*tv"));
  }

  @Test
  void writesEveryLeafKind() {
    assertEquals(
        json("{'type':'neuron','layer':'mixed4','channel':97,'x':3,'y':4}"),
        jsonOf("neuron:mixed4:97@3,4"));
    assertEquals(json("{'type':'neuron','layer':'mixed4','channel':97}"), jsonOf("neuron:mixed4:97"));
    assertEquals(json("{'type':'layer','layer':'mixed3'}"), jsonOf("layer:mixed3"));
    assertEquals(
        json("{'type':'direction','layer':'mixed4','vector':[0.5,-1.0,0.2]}"),
        jsonOf("direction:mixed4:[0.5,-1,2e-1]"));
    assertEquals(json("{'type':'softmax','class':207}"), jsonOf("softmax:207"));
    assertEquals(json("{'type':'logit','class':'hot dog'}"), jsonOf("logit:\"hot dog\""));
    assertEquals(json("{'type':'diversity','layer':'mixed4'}"), jsonOf("diversity:mixed4"));
    assertEquals(json("{'type':'l1'}"), jsonOf("l1"));
    assertEquals(json("{'type':'l2'}"), jsonOf("l2"));
    assertEquals(json("{'type':'blur'}"), jsonOf("blur"));
  }

  @Test
  void writesSemicolonFormAsBatch() {
    assertEquals(
        json("{'type':'batch','objectives':["
            + "{'type':'channel','layer':'a','channel':1},{'type':'channel','layer':'a','channel':2}]}"),
        jsonOf("a:1; a:2"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mixed4:97 - 0.05*tv",
        "neuron:mixed4:97@3,4",
        "direction:mixed4:[0.5,-1,2e-1]",
        "logit:\"hot dog\"",
        "softmax:207",
        "2*(mixed4:1 + mixed4:2) - 0.1*l1",
        "mixed4:97;0.75*mixed4:97+0.25*mixed4:98;0.25*mixed4:97+0.75*mixed4:98;mixed4:98",
        "diversity:mixed4 + mixed4:97 + l2 + blur"
      })
  void jsonFormIsEquivalentToGrammar(String grammar) {
    ObjectiveSpec parsed = ObjectiveSpec.parse(grammar);
    assertEquals(parsed, ObjectiveJson.fromJson(ObjectiveJson.toJson(parsed)));
  }

  @Test
  void randomTreesSurviveTheJsonRoundTripThroughText() throws JsonProcessingException {
    RandomObjectives random = new RandomObjectives(7L);
    for (int i = 0; i < 1000; i++) {
      ObjectiveSpec spec = random.spec();
      String text = MAPPER.writeValueAsString(ObjectiveJson.toJson(spec));
      assertEquals(spec, ObjectiveJson.fromJson(MAPPER.readTree(text)), text);
    }
  }

  @Test
  void acceptsGrammarTextOrJsonObject() {
    ObjectiveSpec expected = ObjectiveSpec.parse("mixed4:97 - 0.05*tv");
    assertEquals(expected, ObjectiveJson.fromGrammarOrJson(new TextNode("mixed4:97 - 0.05*tv")));
    assertEquals(expected, ObjectiveJson.fromGrammarOrJson(jsonOf("mixed4:97 - 0.05*tv")));
    assertThrows(
        ObjectiveSyntaxException.class,
        () -> ObjectiveJson.fromGrammarOrJson(new TextNode("mixed4:")));
  }

  @Test
  void acceptsIntegerFactorsAndOmittedNeuronPosition() {
    assertEquals(
        ObjectiveSpec.parse("2*neuron:a:1"),
        ObjectiveJson.fromJson(
            json("{'type':'scale','factor':2,'objective':{'type':'neuron','layer':'a','channel':1}}")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'type':'sum','terms':[{'type':'tv'},{'type':'channel','layer':'a','channel':-1}]}"
            + " | terms[1].channel | must be a non-negative integer",
        "{'type':'channel','layer':'a','channel':1.5} | channel | must be a non-negative integer",
        "{'type':'channel','layer':'a','channel':'3'} | channel | must be a non-negative integer",
        "{'type':'channel','layer':'a'} | channel | is required",
        "{'type':'channel','layer':7,'channel':1} | layer | must be a string",
        "{'type':'channel','layer':'a','chanel':1} | chanel | unknown field; allowed: channel, layer, type",
        "{'layer':'a'} | type | is required",
        "{'type':'chanel'} | type | unknown objective type \"chanel\"",
        "[] | '' | must be an objective object with a \"type\"",
        "{'type':'sum','terms':[{'type':'tv'}]} | terms | must be an array of at least 2 objectives",
        "{'type':'scale','factor':'x','objective':{'type':'tv'}} | factor | must be a finite number",
        "{'type':'scale','factor':1} | objective | must be an objective object with a \"type\"",
        "{'type':'direction','layer':'a','vector':[]} | vector | must be a non-empty array of numbers",
        "{'type':'direction','layer':'a','vector':[1,'2']} | vector[1] | must be a finite number",
        "{'type':'neuron','layer':'a','channel':1,'x':2} | '' | give both \"x\" and \"y\", or neither",
        "{'type':'logit','class':-3} | class | must be a non-negative integer index or a label string",
        "{'type':'logit','class':''} | '' | class label must be non-blank and at most 256 characters",
        "{'type':'layer','layer':'a b'} | ''"
            + " | layer name 'a b' must start with a letter, '_' or '/' and contain only"
            + " letters, digits, '_', '.' and '/'",
        "{'type':'batch','objectives':[]} | objectives | must be a non-empty array of objectives",
        "{'type':'batch','objectives':[{'type':'tv'},{'type':'sum','terms':[{'type':'l1'},{'type':'x'}]}]}"
            + " | objectives[1].terms[1].type | unknown objective type \"x\"",
        "{'type':'scale','factor':1,'objective':{'type':'batch','objectives':[{'type':'tv'}]}}"
            + " | objective.type | \"batch\" is only allowed at the top level"
      })
  void namesTheJsonPathOfTheProblem(String input, String path, String problem) {
    ObjectiveJsonException error =
        assertThrows(ObjectiveJsonException.class, () -> ObjectiveJson.fromJson(json(input)));
    assertEquals(path, error.path());
    assertEquals(problem, error.problem());
  }

  @Test
  void formatsMessageAsPathThenProblem() {
    ObjectiveJsonException error =
        assertThrows(
            ObjectiveJsonException.class,
            () -> ObjectiveJson.fromJson(
                json("{'type':'sum','terms':[{'type':'tv'},{'type':'channel','layer':'a','channel':-1}]}")));
    assertEquals("terms[1].channel: must be a non-negative integer", error.getMessage());
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    String deep = "{'type':'scale','factor':1,'objective':".repeat(40) + "{'type':'tv'}" + "}".repeat(40);
    ObjectiveJsonException error =
        assertThrows(ObjectiveJsonException.class, () -> ObjectiveJson.fromJson(json(deep)));
    assertEquals("objectives nest deeper than 32 levels", error.problem());
    assertEquals("objective.".repeat(31) + "objective", error.path());
  }
}
