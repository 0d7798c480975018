package io.featureviz.api.datasets;

import java.nio.file.Path;

/**
 * A received file that is to be an image of a dataset, not yet checked.
 *
 * @param field the form field it came in, for errors: {@code images[2]} or {@code archive}
 * @param source how errors name it, e.g. {@code archive entry 'birds/owl.jpg'}
 * @param name its safe name in the dataset
 */
record ImageFile(String field, String source, String name, Path file, long bytes) {}
