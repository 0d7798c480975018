package io.featureviz.optvis.examples;

/**
 * One image scored against a channel: how strongly and where it drives it. Holds no pixels, so
 * a search over many images keeps only these and reloads the few it makes examples of.
 *
 * @param name the image's name, unique within a search; ties in activation are ranked by it
 * @param sourceWidth width of the image as given, in its own pixels
 * @param sourceHeight height of the image as given
 * @param maxActivation the channel's largest activation over the layer's grid
 * @param meanActivation the channel's mean activation over the grid (the channel objective)
 * @param positionX grid column of the largest activation (the first in row-major order on ties)
 * @param positionY grid row of the largest activation
 */
public record ScoredImage(String name, int sourceWidth, int sourceHeight, float maxActivation,
    float meanActivation, int positionX, int positionY) {}
