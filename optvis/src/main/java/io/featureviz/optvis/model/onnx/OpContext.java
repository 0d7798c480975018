package io.featureviz.optvis.model.onnx;

import io.featureviz.optvis.model.NetworkBuilder;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** One node being rebuilt: its attributes, its input values and the graph to build into. */
final class OpContext {

  private final OnnxNode node;
  private final long opset;
  private final NetworkBuilder net;
  private final List<Value> inputs;

  OpContext(OnnxNode node, long opset, NetworkBuilder net, List<Value> inputs) {
    this.node = node;
    this.opset = opset;
    this.net = net;
    this.inputs = inputs;
  }

  OnnxNode node() {
    return node;
  }

  long opset() {
    return opset;
  }

  NetworkBuilder net() {
    return net;
  }

  Ops tf() {
    return net.tf();
  }

  int inputCount() {
    return inputs.size();
  }

  /** An optional input, null when omitted (empty name or past the end). */
  Value optional(int i) {
    return i < inputs.size() ? inputs.get(i) : null;
  }

  Value input(int i) {
    Value value = optional(i);
    if (value == null) {
      throw refuse("input " + i + " is missing");
    }
    return value;
  }

  /** An input that must be known at import (weights, shapes, axes). */
  Constant constant(int i) {
    if (input(i) instanceof Constant c) {
      return c;
    }
    throw refuse("input " + i + " ('" + node.inputs().get(i) + "') must be a constant or"
        + " computable from the input's shape, but it depends on the image");
  }

  Constant optionalConstant(int i) {
    return optional(i) == null ? null : constant(i);
  }

  /** An input as a graph activation (a constant becomes a graph constant in ONNX layout). */
  Activation activation(int i) {
    Value value = input(i);
    return value instanceof Activation a ? a : Activation.onnx(((Constant) value).operand(tf()));
  }

  boolean allConstant() {
    return inputs.stream().allMatch(v -> v == null || v instanceof Constant);
  }

  /** Any value as a float operand in ONNX layout. */
  Operand<TFloat32> onnxOperand(Value value) {
    return value instanceof Activation a ? a.nchw(tf()) : ((Constant) value).operand(tf());
  }

  long intAttr(String name, long fallback) {
    OnnxAttribute a = node.attributes().get(name);
    return a == null ? fallback : a.i();
  }

  float floatAttr(String name, float fallback) {
    OnnxAttribute a = node.attributes().get(name);
    return a == null ? fallback : a.f();
  }

  String stringAttr(String name, String fallback) {
    OnnxAttribute a = node.attributes().get(name);
    return a == null || a.s() == null ? fallback : a.s();
  }

  long[] intsAttr(String name, long[] fallback) {
    OnnxAttribute a = node.attributes().get(name);
    return a == null ? fallback : a.ints();
  }

  boolean hasAttr(String name) {
    return node.attributes().containsKey(name);
  }

  Constant tensorAttr(String name) {
    OnnxAttribute a = node.attributes().get(name);
    return a == null ? null : a.t();
  }

  /** An import error naming this node, its op type and the opset. */
  OnnxImportException refuse(String problem) {
    return new OnnxImportException(node.label() + " (opset " + opset + "): " + problem);
  }
}
