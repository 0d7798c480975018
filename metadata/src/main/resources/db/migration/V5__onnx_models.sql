-- ONNX uploads (POST /v1/models with format onnx).
ALTER TABLE models DROP CONSTRAINT models_format_check;
ALTER TABLE models ADD CONSTRAINT models_format_check
  CHECK (format IN ('tflite', 'savedmodel', 'graphdef', 'tfjs', 'onnx'));
