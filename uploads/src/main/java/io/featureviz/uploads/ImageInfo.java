package io.featureviz.uploads;

/**
 * What an image file turned out to be once decoded.
 *
 * @param contentType the media type it is served with, e.g. {@code image/jpeg}
 */
public record ImageInfo(String contentType, int width, int height) {}
