package io.featureviz.api.models;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The multipart/form-data body of {@code POST /v1/models}. */
public class ModelUploadForm {

  /** Optional; default {@code model-} and the start of the file's SHA-256. */
  @RestForm
  @Schema(description = "model id: lower-case letters, digits, '-' and '_', at most 63; default"
      + " model- and the first 12 hex digits of the file's SHA-256",
      pattern = "[a-z0-9][a-z0-9_-]{0,62}")
  public String id;

  @RestForm
  @Schema(description = "what file holds: tflite (a .tflite file), graphdef (a frozen GraphDef"
      + " .pb), savedmodel (a .zip of the SavedModel folder), tfjs (a .zip of a TF.js layers"
      + " model.json and its weight files) or onnx (a .onnx file, or a .zip holding one with its"
      + " external data files, featureviz-model.json and labels.txt)",
      enumeration = {"tflite", "graphdef", "savedmodel", "tfjs", "onnx"}, required = true)
  public String format;

  @RestForm
  @Schema(description = "the model file; a zip may hold the model at its top or in its only"
      + " folder", required = true)
  public FileUpload file;

  /** featureviz-model.json text; required for savedmodel and graphdef, optional for onnx. */
  @RestForm
  @Schema(description = "the featureviz-model.json text: required for savedmodel and graphdef"
      + " (input and layer tensors), optional for onnx (input_size, value_range or mean and"
      + " std), refused for tflite and tfjs")
  public String metadata;

  /** Class labels, one per line. */
  @RestForm
  @Schema(description = "class labels, one per line (not for tfjs)")
  public String labels;
}
