package io.featureviz.api.jobs;

import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The {@code image} part of an explain job sent as {@code multipart/form-data}, not yet checked.
 *
 * @param upload the file; null when the form has no such part
 */
record ImagePart(FileUpload upload) {}
