package io.featureviz.api.gallery;

/**
 * The optional filters of {@code GET /v1/gallery}; null means "any". {@code objective} is one
 * batch element's objective in canonical text.
 */
public record GalleryFilter(String model, String objective) {}
