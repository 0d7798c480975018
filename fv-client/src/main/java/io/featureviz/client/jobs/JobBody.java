package io.featureviz.client.jobs;

/** A body of {@code POST /v1/jobs}: a render or a dataset-examples search. */
public sealed interface JobBody permits JobSpec, ExamplesSpec {}
