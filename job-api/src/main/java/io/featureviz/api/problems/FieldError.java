package io.featureviz.api.problems;

/** One invalid part of a request: a field path such as {@code objective.terms[1].channel}. */
public record FieldError(String field, String message) {}
