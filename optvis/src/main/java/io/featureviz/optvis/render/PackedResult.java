package io.featureviz.optvis.render;

/**
 * One pack member's outcome.
 *
 * @param result its snapshots and steps (cancelled when its listener stopped it)
 * @param failure why it stopped early when its objective went non-finite; null otherwise. The
 *     other members of the pack are unaffected and go on.
 */
public record PackedResult(RenderResult result, NonFiniteObjectiveException failure) {}
