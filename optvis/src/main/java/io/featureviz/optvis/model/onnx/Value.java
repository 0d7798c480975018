package io.featureviz.optvis.model.onnx;

/** What an ONNX tensor is while a network is built: known at import, or computed by the graph. */
sealed interface Value permits Constant, Activation {}
