package io.featureviz.optvis.attribution;

import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.RgbImage;
import java.util.List;
import java.util.Optional;

/**
 * An explanation's numbers and pictures.
 *
 * @param explanation the numbers
 * @param heatmap the spatial attribution over the image (the image at the model's input size)
 * @param groupMaps each group's map over the image, in the order of {@code explanation.groups()}
 * @param groupVisualizations one {@code direction:} objective per group, same order, to render
 *     as a batch; empty without groups
 */
public record ExplainResult(Explanation explanation, RgbImage heatmap, List<RgbImage> groupMaps,
    Optional<ObjectiveSpec> groupVisualizations) {}
