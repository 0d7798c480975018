package io.featureviz.optvis.model.tflite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main subgraph of a {@code .tflite} file: its tensors (with constant data attached), its
 * operators in execution order, and its input and output tensor indices.
 */
final class TfliteModelFile {

  private final List<TfliteTensor> tensors;
  private final List<TfliteOperator> operators;
  private final int[] inputs;
  private final int[] outputs;

  private TfliteModelFile(
      List<TfliteTensor> tensors, List<TfliteOperator> operators, int[] inputs, int[] outputs) {
    this.tensors = List.copyOf(tensors);
    this.operators = List.copyOf(operators);
    this.inputs = inputs;
    this.outputs = outputs;
  }

  static TfliteModelFile read(Path file) throws IOException {
    return parse(ByteBuffer.wrap(Files.readAllBytes(file)), file.toString());
  }

  static TfliteModelFile parse(ByteBuffer file, String source) throws TfliteFormatException {
    if (file.remaining() < 8
        || !TfliteSchema.FILE_IDENTIFIER.equals(FlatBufferTable.fileIdentifier(file))) {
      throw new TfliteFormatException(source + " is not a TFLite model (no '"
          + TfliteSchema.FILE_IDENTIFIER + "' FlatBuffers identifier)");
    }
    try {
      FlatBufferTable model = FlatBufferTable.root(file);
      List<FlatBufferTable> subgraphs = model.tables(TfliteSchema.Model.SUBGRAPHS);
      if (subgraphs.isEmpty()) {
        throw new TfliteFormatException("no subgraph");
      }
      FlatBufferTable main = subgraphs.get(0);
      List<ByteBuffer> buffers = readBuffers(model, file);
      List<TfliteTensor> tensors = readTensors(main, buffers);
      return new TfliteModelFile(
          tensors,
          readOperators(main, readOpNames(model), tensors.size()),
          checkedIndices(main.ints(TfliteSchema.SubGraph.INPUTS), tensors.size()),
          checkedIndices(main.ints(TfliteSchema.SubGraph.OUTPUTS), tensors.size()));
    } catch (TfliteFormatException e) {
      throw new TfliteFormatException(source + ": " + e.getMessage());
    }
  }

  TfliteTensor tensor(int index) {
    return tensors.get(index);
  }

  List<TfliteOperator> operators() {
    return operators;
  }

  int[] inputs() {
    return inputs.clone();
  }

  int[] outputs() {
    return outputs.clone();
  }

  /** Each buffer's bytes, or null for the empty buffers that activations point at. */
  private static List<ByteBuffer> readBuffers(FlatBufferTable model, ByteBuffer file)
      throws TfliteFormatException {
    List<ByteBuffer> buffers = new ArrayList<>();
    for (FlatBufferTable buffer : model.tables(TfliteSchema.Model.BUFFERS)) {
      ByteBuffer data = buffer.bytes(TfliteSchema.Buffer.DATA);
      long offset = buffer.longField(TfliteSchema.Buffer.OFFSET, 0);
      if (data == null && offset > 1) {
        // Large models keep the data after the FlatBuffer; offset 1 is a placeholder.
        long size = buffer.longField(TfliteSchema.Buffer.SIZE, 0);
        if (offset + size > file.limit()) {
          throw new TfliteFormatException("truncated: buffer data at offset " + offset
              + " lies outside the " + file.limit() + "-byte file");
        }
        data = file.slice((int) offset, (int) size).order(ByteOrder.LITTLE_ENDIAN);
      }
      buffers.add(data == null || data.remaining() == 0 ? null : data);
    }
    return buffers;
  }

  /** The name of each entry of the model's operator code table. */
  private static List<String> readOpNames(FlatBufferTable model) throws TfliteFormatException {
    List<String> names = new ArrayList<>();
    for (FlatBufferTable code : model.tables(TfliteSchema.Model.OPERATOR_CODES)) {
      names.add(operatorName(builtinCode(code), code));
    }
    return names;
  }

  /**
   * Schema version 3 kept the code in an int8; newer files also write the int32 field. The larger
   * of the two is the real code (the old field saturates at 127, the new one is 0 when unset).
   */
  private static int builtinCode(FlatBufferTable code) throws TfliteFormatException {
    return Math.max(
        code.byteField(TfliteSchema.OperatorCode.DEPRECATED_BUILTIN_CODE, 0),
        code.intField(TfliteSchema.OperatorCode.BUILTIN_CODE, 0));
  }

  private static String operatorName(int builtinCode, FlatBufferTable code)
      throws TfliteFormatException {
    String custom = code.string(TfliteSchema.OperatorCode.CUSTOM_CODE);
    return builtinCode == BuiltinOperatorNames.CUSTOM && custom != null
        ? "custom op " + custom
        : BuiltinOperatorNames.of(builtinCode);
  }

  private static List<TfliteTensor> readTensors(FlatBufferTable subgraph, List<ByteBuffer> buffers)
      throws TfliteFormatException {
    List<TfliteTensor> tensors = new ArrayList<>();
    for (FlatBufferTable tensor : subgraph.tables(TfliteSchema.SubGraph.TENSORS)) {
      int buffer = tensor.intField(TfliteSchema.Tensor.BUFFER, 0);
      if (buffer < 0 || buffer >= buffers.size()) {
        throw new TfliteFormatException("tensor refers to missing buffer " + buffer);
      }
      String name = tensor.string(TfliteSchema.Tensor.NAME);
      tensors.add(new TfliteTensor(
          tensors.size(),
          name == null ? "" : name,
          tensor.ints(TfliteSchema.Tensor.SHAPE),
          TensorType.of(tensor.byteField(TfliteSchema.Tensor.TYPE, 0)),
          readQuantization(tensor.table(TfliteSchema.Tensor.QUANTIZATION)),
          buffers.get(buffer)));
    }
    return tensors;
  }

  private static Quantization readQuantization(FlatBufferTable params)
      throws TfliteFormatException {
    if (params == null) {
      return Quantization.NONE;
    }
    return new Quantization(
        params.floats(TfliteSchema.QuantizationParameters.SCALE),
        params.longs(TfliteSchema.QuantizationParameters.ZERO_POINT),
        params.intField(TfliteSchema.QuantizationParameters.QUANTIZED_DIMENSION, 0));
  }

  private static List<TfliteOperator> readOperators(
      FlatBufferTable subgraph, List<String> opNames, int tensorCount)
      throws TfliteFormatException {
    List<TfliteOperator> operators = new ArrayList<>();
    for (FlatBufferTable op : subgraph.tables(TfliteSchema.SubGraph.OPERATORS)) {
      int opcodeIndex = op.intField(TfliteSchema.Operator.OPCODE_INDEX, 0);
      if (opcodeIndex < 0 || opcodeIndex >= opNames.size()) {
        throw new TfliteFormatException("operator refers to missing opcode " + opcodeIndex);
      }
      operators.add(new TfliteOperator(
          opNames.get(opcodeIndex),
          checkedIndices(op.ints(TfliteSchema.Operator.INPUTS), tensorCount),
          checkedIndices(op.ints(TfliteSchema.Operator.OUTPUTS), tensorCount),
          op.table(TfliteSchema.Operator.BUILTIN_OPTIONS)));
    }
    return operators;
  }

  /** Tensor indices, where -1 marks an omitted optional input. */
  private static int[] checkedIndices(int[] indices, int tensorCount)
      throws TfliteFormatException {
    for (int index : indices) {
      if (index < -1 || index >= tensorCount) {
        throw new TfliteFormatException("reference to missing tensor " + index);
      }
    }
    return indices;
  }
}
