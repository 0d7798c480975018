package io.featureviz.contracts.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObjectiveParserTest {

  private static Objective parse(String text) {
    return ObjectiveParser.parseObjective(text);
  }

  @Test
  void parsesChannel() {
    assertEquals(new Channel("mixed4", 97), parse("mixed4:97"));
  }

  @Test
  void parsesSubtractionAsSumWithNegativeScale() {
    assertEquals(
        new Sum(new Channel("mixed4", 97), new Scaled(-0.05, new TotalVariation())),
        parse("mixed4:97 - 0.05*tv"));
  }

  @Test
  void parsesNeuronAtPosition() {
    assertEquals(new Neuron("mixed4", 97, 3, 4), parse("neuron:mixed4:97@3,4"));
  }

  @Test
  void parsesNeuronAtCentreByDefault() {
    Neuron neuron = (Neuron) parse("neuron:mixed4:97");
    assertEquals(new Neuron("mixed4", 97), neuron);
    assertTrue(neuron.isCentred());
  }

  @Test
  void parsesLayerObjective() {
    assertEquals(new LayerObjective("mixed3"), parse("layer:mixed3"));
  }

  @Test
  void parsesDirectionWithSignedAndExponentValues() {
    assertEquals(
        new Direction("mixed4", List.of(0.5, -1.0, 0.2)), parse("direction:mixed4:[0.5,-1,2e-1]"));
  }

  @Test
  void parsesClassIndex() {
    assertEquals(new ClassProbability(ClassRef.index(207)), parse("softmax:207"));
  }

  @Test
  void parsesQuotedLabelWithSpaceAndEscapes() {
    assertEquals(new ClassLogit(ClassRef.label("hot dog")), parse("logit:\"hot dog\""));
    assertEquals(
        new ClassLogit(ClassRef.label("say \"hi\" \\ bye")),
        parse("logit:\"say \\\"hi\\\" \\\\ bye\""));
  }

  @Test
  void parsesBareWordLabel() {
    assertEquals(new ClassProbability(ClassRef.label("goldfish")), parse("softmax:goldfish"));
    assertEquals(new ClassProbability(ClassRef.label("3d_glasses")), parse("softmax:3d_glasses"));
  }

  @Test
  void parsesScaledParenthesisedSumMinusRegularizer() {
    Objective expected =
        new Sum(
            new Scaled(2, new Sum(new Channel("mixed4", 1), new Channel("mixed4", 2))),
            new Scaled(-0.1, new L1()));
    assertEquals(expected, parse("2*(mixed4:1 + mixed4:2) - 0.1*l1"));
  }

  @Test
  void parsesInterpolationOverBatch() {
    ObjectiveSpec spec =
        ObjectiveParser.parse(
            "mixed4:97;0.75*mixed4:97+0.25*mixed4:98;0.25*mixed4:97+0.75*mixed4:98;mixed4:98");
    Channel a = new Channel("mixed4", 97);
    Channel b = new Channel("mixed4", 98);
    assertEquals(
        List.of(
            a,
            new Sum(new Scaled(0.75, a), new Scaled(0.25, b)),
            new Sum(new Scaled(0.25, a), new Scaled(0.75, b)),
            b),
        spec.perBatch());
    assertEquals(new Sum(new Scaled(0.25, a), new Scaled(0.75, b)), spec.objectiveFor(2, 4));
  }

  @Test
  void parsesDiversityPlusChannel() {
    assertEquals(
        new Sum(new Diversity("mixed4"), new Channel("mixed4", 97)),
        parse("diversity:mixed4 + mixed4:97"));
  }

  @Test
  void parsesAllRegularizers() {
    assertEquals(
        new Sum(List.of(new L1(), new L2(), new TotalVariation(), new Blur())),
        parse("l1 + l2 + tv + blur"));
  }

  @Test
  void readsRegularizerNameFollowedByColonAsLayer() {
    assertEquals(new Channel("tv", 3), parse("tv:3"));
    assertEquals(new Channel("blur", 0), parse("blur : 0"));
  }

  @Test
  void readsKeywordAfterKeywordColonAsLayerName() {
    assertEquals(new LayerObjective("layer"), parse("layer:layer"));
    assertEquals(new Neuron("neuron", 1), parse("neuron:neuron:1"));
  }

  @Test
  void acceptsLayerNamesWithSlashesDotsAndUnderscores() {
    assertEquals(new Channel("block_5/expand", 7), parse("block_5/expand:7"));
    assertEquals(new Channel("Mixed_5b.conv", 0), parse("Mixed_5b.conv:0"));
    assertEquals(new Channel("_private", 2), parse("_private:2"));
  }

  @Test
  void acceptsOnnxModulePathsStartingWithSlashInEveryLayerPosition() {
    String relu = "/layer3/layer3.1/relu_1/Relu";
    assertEquals(new Channel(relu, 5), parse(relu + ":5"));
    assertEquals(new Neuron(relu, 5, 1, 2), parse("neuron:" + relu + ":5@1,2"));
    assertEquals(new LayerObjective(relu), parse("layer: " + relu));
    assertEquals(new Diversity(relu), parse("diversity:" + relu));
    assertEquals(new Direction(relu, List.of(0.5, -1.0)), parse("direction:" + relu + ":[.5,-1]"));
  }

  @Test
  void tellsWhichNamesObjectivesCanName() {
    assertTrue(ObjectiveParser.isLayerName("/layer3/layer3.1/relu_1/Relu_output_0"));
    assertTrue(ObjectiveParser.isLayerName("_x"));
    assertFalse(ObjectiveParser.isLayerName("1122"));
    assertFalse(ObjectiveParser.isLayerName("conv:0"));
    assertFalse(ObjectiveParser.isLayerName(".5"));
    assertFalse(ObjectiveParser.isLayerName(""));
    assertFalse(ObjectiveParser.isLayerName("a".repeat(257)));
  }

  @Test
  void spellsImportedNamesObjectivesCanName() {
    assertEquals(Optional.of("/a/b.1/Relu"), ObjectiveParser.layerNameFor("/a/b.1/Relu"));
    assertEquals(Optional.of("/trunk/block1_0/Conv"),
        ObjectiveParser.layerNameFor("/trunk/block1-0/Conv"));
    assertEquals(Optional.of("conv_0"), ObjectiveParser.layerNameFor("conv:0"));
    assertEquals(Optional.empty(), ObjectiveParser.layerNameFor("1122"));
    assertEquals(Optional.empty(), ObjectiveParser.layerNameFor(""));
  }

  @Test
  void readsSlashAfterNumbersAndOperatorsAsTheStartOfALayerName() {
    Channel add = new Channel("/expanded_conv_9/Add_output_0", 3);
    assertEquals(new Scaled(0.5, add), parse("0.5*/expanded_conv_9/Add_output_0:3"));
    assertEquals(new Scaled(2, add), parse("/expanded_conv_9/Add_output_0:3*2"));
    assertEquals(new Sum(new Channel("/a", 1), new Scaled(-1, new Channel("/b.2", 0))),
        parse("/a:1-/b.2:0"));
    assertEquals(List.of(new Channel("/a", 1), new Scaled(-1, new Channel("/b", 2))),
        ObjectiveParser.parse("/a:1;-/b:2").perBatch());
    assertEquals(new Scaled(-0.25, new Sum(add, new L1())),
        parse("-.25*(/expanded_conv_9/Add_output_0:3+l1)"));
  }

  @Test
  void acceptsWhitespaceBetweenAllTokens() {
    assertEquals(
        parse("neuron:mixed4:97@3,4-0.5*tv"),
        parse(" neuron : mixed4 : 97 @ 3 , 4\n-\t0.5 * tv "));
    assertEquals(
        parse("direction:a:[1,-2]"), parse("direction : a : [ 1 , - 2 ]"));
  }

  @Test
  void acceptsNumberAfterFactorAndLeadingDotNumbers() {
    assertEquals(new Scaled(0.25, new Blur()), parse("blur*.25"));
    assertEquals(new Scaled(1e-3, new L2()), parse("1e-3*l2"));
    assertEquals(new Scaled(150, new L2()), parse("1.5E+2*l2"));
  }

  @Test
  void foldsUnaryMinusIntoScale() {
    assertEquals(new Scaled(-1, new Channel("a", 1)), parse("-a:1"));
    assertEquals(new Scaled(-0.5, new Channel("a", 1)), parse("-0.5*a:1"));
    assertEquals(new Scaled(-2, new Channel("a", 1)), parse("-(a:1*2)"));
    assertEquals(new Scaled(1, new Channel("a", 1)), parse("--a:1"));
  }

  @Test
  void keepsExplicitParenthesesAsNestedSums() {
    assertEquals(
        new Sum(new Sum(new Channel("a", 1), new Channel("a", 2)), new Channel("a", 3)),
        parse("(a:1 + a:2) + a:3"));
    assertEquals(new Channel("a", 1), parse("((a:1))"));
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    int depth = ObjectiveParser.MAX_DEPTH;
    String text = "(".repeat(depth) + "a:1" + ")".repeat(depth);
    assertEquals(new Channel("a", 1), parse(text));
  }

  @Test
  void listsReferencedLayersInOrderOfFirstMention() {
    ObjectiveSpec spec =
        ObjectiveParser.parse("mixed4:1 + layer:mixed3 - 0.1*tv; neuron:mixed5:2 + mixed4:3");
    assertEquals(List.of("mixed4", "mixed3", "mixed5"), List.copyOf(spec.referencedLayers()));
    assertFalse(spec.referencesClasses());
    assertEquals(Set.of(), parse("tv + logit:1").referencedLayers());
  }

  @Test
  void detectsClassReferencesInsideScaledTerms() {
    assertTrue(parse("mixed4:1 - 0.5*softmax:goldfish").referencesClasses());
    assertTrue(ObjectiveParser.parse("mixed4:1; 2*(tv + logit:3)").referencesClasses());
  }
}
