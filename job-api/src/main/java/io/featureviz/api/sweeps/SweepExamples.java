package io.featureviz.api.sweeps;

/** Dataset examples asked for with a sweep: a search of {@code dataset} per channel. */
public record SweepExamples(String dataset, int topK) {}
