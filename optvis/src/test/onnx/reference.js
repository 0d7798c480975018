'use strict';
// The reference side of the ONNX importer's fidelity test: for each fixture folder written by
// export_torchvision.py, runs the model with onnxruntime-node on input.bin and saves every float
// node output, so the Java test can compare every layer it exposes, not only the logits.
//
// ONNX runtimes only return graph outputs, so every node output becomes one (by name only:
// onnxruntime infers its type and shape). Graph optimizations are off, so each saved tensor is
// what its own node computes, not a fused kernel's. The logits are checked against torch's
// (torch_logits.bin): if onnxruntime disagrees with the exporter, the reference is wrong, and
// the script fails rather than write it.
//
// Writes, beside model.onnx: outputs.json and tensors/<name>.bin (float32 little-endian, the
// ONNX layout, e.g. NCHW); and fixtures.json listing the fixtures, last, once all are right.
// usage: node reference.js <fixtures dir>
const fs = require('fs');
const path = require('path');
const { onnx } = require('onnx-proto');
const ort = require('onnxruntime-node');

const RUNTIME = `onnxruntime-node ${require('onnxruntime-node/package.json').version} (cpu, graph optimizations disabled)`;
const MAX_LOGITS_ERROR = 1e-4;
const TENSORS = 'tensors';

/** The model with every node output also declared as a graph output. */
function exposeNodeOutputs(model) {
  const declared = new Set(model.graph.output.map((output) => output.name));
  for (const name of model.graph.node.flatMap((node) => node.output)) {
    if (name && !declared.has(name)) {
      model.graph.output.push(onnx.ValueInfoProto.create({ name }));
      declared.add(name);
    }
  }
  return onnx.ModelProto.encode(model).finish();
}

function readFloats(file) {
  const bytes = fs.readFileSync(file);
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Largest absolute difference over the largest absolute reference value. */
function relativeError(actual, expected) {
  let difference = 0;
  let scale = 0;
  expected.forEach((value, i) => {
    difference = Math.max(difference, Math.abs(actual[i] - value));
    scale = Math.max(scale, Math.abs(value));
  });
  return difference / scale;
}

/** File names from tensor names (`/layer1/layer1.0/relu/Relu_output_0`), unique in the folder. */
function fileNamer() {
  const used = new Set();
  return (name) => {
    const base = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[_.]+/, '') || 'tensor';
    let file = `${base}.bin`;
    for (let i = 2; used.has(file.toLowerCase()); i += 1) file = `${base}_${i}.bin`;
    used.add(file.toLowerCase());
    return file;
  };
}

async function writeReference(dir) {
  const exported = JSON.parse(fs.readFileSync(path.join(dir, 'export.json'), 'utf8'));
  const model = onnx.ModelProto.decode(fs.readFileSync(path.join(dir, 'model.onnx')));
  const inputName = model.graph.input[0].name;
  const logitsName = model.graph.output[0].name;
  const producers = new Map(model.graph.node.flatMap((node) => node.output.map((name) => [name, node])));
  const session = await ort.InferenceSession.create(exposeNodeOutputs(model), {
    graphOptimizationLevel: 'disabled',
  });
  const floats = session.outputMetadata.filter((meta) => meta.isTensor && meta.type === 'float32');
  const input = new ort.Tensor('float32', readFloats(path.join(dir, exported.input)), exported.input_shape);
  const results = await session.run({ [inputName]: input }, floats.map((meta) => meta.name));

  const torchLogits = readFloats(path.join(dir, exported.torch_logits));
  const logitsError = relativeError(results[logitsName].data, torchLogits);
  if (!(logitsError <= MAX_LOGITS_ERROR)) {
    throw new Error(`${dir}: onnxruntime's logits differ from torch's by ${logitsError} (relative)`);
  }

  fs.rmSync(path.join(dir, TENSORS), { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, TENSORS));
  const fileName = fileNamer();
  const outputs = {};
  for (const { name } of floats) {
    const tensor = results[name];
    const file = `${TENSORS}/${fileName(name)}`;
    fs.writeFileSync(path.join(dir, file), Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    const node = producers.get(name);
    outputs[name] = { node: node.name, op: node.opType, shape: tensor.dims, file };
  }
  const description = {
    model: 'model.onnx',
    opset: exported.opset,
    runtime: RUNTIME,
    input_name: inputName,
    input: exported.input,
    input_size: exported.input_size,
    input_shape: exported.input_shape,
    logits: logitsName,
    logits_error_vs_torch: logitsError,
    encoding: 'float32 little-endian, ONNX layout (NCHW for activations), row-major',
    outputs,
  };
  fs.writeFileSync(path.join(dir, 'outputs.json'), `${JSON.stringify(description, null, 2)}\n`);
  return { tensors: floats.length, logitsError };
}

async function main() {
  const [fixturesDir] = process.argv.slice(2);
  if (!fixturesDir) throw new Error('usage: node reference.js <fixtures dir>');
  const dirs = fs.readdirSync(fixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(fixturesDir, entry.name, 'model.onnx')))
    .map((entry) => entry.name)
    .sort();
  const fixtures = {};
  for (const name of dirs) {
    const { tensors, logitsError } = await writeReference(path.join(fixturesDir, name));
    console.log(`${name}: ${tensors} float tensors, logits vs torch ${logitsError.toExponential(2)} relative`);
    fixtures[name] = { tensors, logits_error_vs_torch: logitsError };
  }
  const index = { runtime: RUNTIME, fixtures };
  fs.writeFileSync(path.join(fixturesDir, 'fixtures.json'), `${JSON.stringify(index, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
