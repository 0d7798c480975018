package io.featureviz.client.models;

import java.nio.file.Path;

/**
 * What {@code POST /v1/models} takes: the model file, its format key, and optionally an id, the
 * featureviz-model.json text and the labels text (nulls are left out of the form).
 */
public record ModelUpload(Path file, String format, String id, String metadata, String labels) {}
