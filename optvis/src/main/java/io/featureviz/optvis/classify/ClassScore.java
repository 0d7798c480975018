package io.featureviz.optvis.classify;

/**
 * One class of a classifier's answer.
 *
 * @param index the class's index in the model's output (and its labels)
 * @param label the class's label, or its index as text when the model has no labels
 * @param probability the softmax of the model's logits at this class
 */
public record ClassScore(int index, String label, double probability) {}
