package io.featureviz.optvis.model.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model file read with protobuf's {@code CodedInputStream} ({@code ModelProto}): the main
 * graph and the opset of the default operator domain. External tensor data is read from files
 * beside the model.
 *
 * @param opset the version of the {@code ai.onnx} operator set the model was written for
 */
record OnnxModelFile(long irVersion, long opset, OnnxGraph graph) {

  /** The ai.onnx opsets whose operators this importer implements. */
  static final long MIN_OPSET = 11;
  static final long MAX_OPSET = 18;

  static OnnxModelFile read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new OnnxImportException("cannot read ONNX model " + file + ": " + e, e);
    }
    Path folder = file.toAbsolutePath().getParent();
    long[] header = {-1, -1};
    OnnxGraph[] graph = new OnnxGraph[1];
    try {
      ProtoReader.parse(bytes, (number, r) -> {
        switch (number) {
          case 1 -> header[0] = r.int64();
          case 7 -> graph[0] = graph(r, folder);
          case 8 -> {
            long opset = opset(r);
            if (opset >= 0) {
              header[1] = opset;
            }
          }
          default -> r.skip();
        }
      });
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxImportException(file + " is not a valid ONNX protobuf (truncated or not"
          + " ONNX): " + e.getMessage(), e);
    } catch (IOException e) {
      throw new OnnxImportException("cannot read ONNX model " + file + ": " + e, e);
    }
    if (graph[0] == null || graph[0].nodes().isEmpty() || header[0] < 1) {
      throw new OnnxImportException(file + " is not an ONNX model: no IR version or no graph"
          + " with nodes");
    }
    if (header[1] < MIN_OPSET || header[1] > MAX_OPSET) {
      throw new OnnxImportException(file + ": ONNX opset " + (header[1] < 0 ? "(none)" : header[1])
          + " is not supported; this importer supports opsets " + MIN_OPSET + " to " + MAX_OPSET
          + " (re-export with opset_version in that range)");
    }
    return new OnnxModelFile(header[0], header[1], graph[0]);
  }

  /** The version of an {@code OperatorSetIdProto}, or -1 when it is not the default domain. */
  private static long opset(ProtoReader reader) throws IOException {
    String[] domain = {""};
    long[] version = {-1};
    reader.message((n, r) -> {
      switch (n) {
        case 1 -> domain[0] = r.string();
        case 2 -> version[0] = r.int64();
        default -> r.skip();
      }
    });
    return domain[0].isEmpty() || domain[0].equals("ai.onnx") ? version[0] : -1;
  }

  private static OnnxGraph graph(ProtoReader reader, Path folder) throws IOException {
    List<OnnxNode> nodes = new ArrayList<>();
    Map<String, Constant> initializers = new LinkedHashMap<>();
    List<ValueInfo> inputs = new ArrayList<>();
    List<ValueInfo> outputs = new ArrayList<>();
    reader.message((n, r) -> {
      switch (n) {
        case 1 -> nodes.add(node(r, folder));
        case 5 -> {
          TensorReader.NamedConstant tensor = TensorReader.read(r, folder);
          initializers.put(tensor.name(), tensor.value());
        }
        case 11 -> inputs.add(valueInfo(r));
        case 12 -> outputs.add(valueInfo(r));
        case 15 -> throw new OnnxImportException("sparse initializers are not supported");
        default -> r.skip();
      }
    });
    return new OnnxGraph(nodes, initializers, inputs, outputs);
  }

  private static OnnxNode node(ProtoReader reader, Path folder) throws IOException {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String[] text = {"", "", ""};
    Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
    reader.message((n, r) -> {
      switch (n) {
        case 1 -> inputs.add(r.string());
        case 2 -> outputs.add(r.string());
        case 3 -> text[0] = r.string();
        case 4 -> text[1] = r.string();
        case 7 -> text[2] = r.string();
        case 5 -> {
          OnnxAttribute attribute = attribute(r, folder);
          attributes.put(attribute.name(), attribute);
        }
        default -> r.skip();
      }
    });
    return new OnnxNode(text[0], text[1], text[2], List.copyOf(inputs), List.copyOf(outputs),
        Map.copyOf(attributes));
  }

  private static OnnxAttribute attribute(ProtoReader reader, Path folder) throws IOException {
    String[] name = {"", null};
    long[] kind = {0};
    float[] f = {0};
    long[] i = {0};
    Constant[] t = {null};
    List<Float> floats = new ArrayList<>();
    List<Long> ints = new ArrayList<>();
    reader.message((n, r) -> {
      switch (n) {
        case 1 -> name[0] = r.string();
        case 20 -> kind[0] = r.int64();
        case 2 -> f[0] = r.float32();
        case 3 -> i[0] = r.int64();
        case 4 -> name[1] = r.bytes().toStringUtf8();
        case 5 -> t[0] = TensorReader.read(r, folder).value();
        case 7 -> r.float32s(floats::add);
        case 8 -> r.int64s(ints::add);
        default -> r.skip();
      }
    });
    float[] floatArray = new float[floats.size()];
    for (int k = 0; k < floatArray.length; k++) {
      floatArray[k] = floats.get(k);
    }
    return new OnnxAttribute(name[0], (int) kind[0], f[0], i[0], name[1], t[0], floatArray,
        ints.stream().mapToLong(Long::longValue).toArray());
  }

  private static ValueInfo valueInfo(ProtoReader reader) throws IOException {
    String[] name = {""};
    long[] elemType = {0};
    List<Long> dims = new ArrayList<>();
    reader.message((n, r) -> {
      if (n == 1) {
        name[0] = r.string();
      } else if (n == 2) {
        r.message((typeField, type) -> {
          if (typeField != 1) {
            type.skip();
            return;
          }
          type.message((tensorField, tensor) -> {
            if (tensorField == 1) {
              elemType[0] = tensor.int64();
            } else if (tensorField == 2) {
              tensor.message((shapeField, shape) -> {
                if (shapeField == 1) {
                  dims.add(dimension(shape));
                } else {
                  shape.skip();
                }
              });
            } else {
              tensor.skip();
            }
          });
        });
      } else {
        r.skip();
      }
    });
    return new ValueInfo(name[0], (int) elemType[0],
        dims.stream().mapToLong(Long::longValue).toArray());
  }

  private static long dimension(ProtoReader reader) throws IOException {
    long[] value = {-1};
    reader.message((n, r) -> {
      if (n == 1) {
        value[0] = r.int64();
      } else {
        r.skip();
      }
    });
    return value[0];
  }
}
