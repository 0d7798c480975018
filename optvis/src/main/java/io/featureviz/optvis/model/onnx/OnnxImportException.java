package io.featureviz.optvis.model.onnx;

import io.featureviz.optvis.model.tf.ModelImportException;

/**
 * An ONNX model this importer cannot read: a damaged file, an operator, attribute or opset it
 * does not support, a graph that does not hold together. The message names the node.
 */
public class OnnxImportException extends ModelImportException {

  public OnnxImportException(String message) {
    super(message);
  }

  public OnnxImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
