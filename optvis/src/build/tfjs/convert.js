'use strict';
// Writes nsfwjs's InceptionV3 as a standard TensorFlow.js layers model (model.json plus one
// binary weight file), cut after `mixed5`: the layers after it were fine-tuned to an unrelated
// five-class task, so only the ImageNet trunk is kept. Weights stay uint8-quantized, with the
// manifest's per-tensor {dtype, min, scale}, so the output stays small.
//
// usage: node convert.js <output dir>
const fs = require('fs');
const path = require('path');
const { loadInceptionV3 } = require('./nsfwjs-inception-v3');

const LAST_LAYER = 'mixed5';
const WEIGHT_FILE = 'group1-shard1of1.bin';
const BYTES_PER_ELEMENT = { uint8: 1, uint16: 2, float16: 2, float32: 4, int32: 4 };

/** Names of `last` and every layer it depends on, through the functional graph's inbound nodes. */
function ancestors(layers, last) {
  const byName = new Map(layers.map((layer) => [layer.name, layer]));
  const kept = new Set();
  const pending = [last];
  while (pending.length > 0) {
    const name = pending.pop();
    if (kept.has(name)) continue;
    if (!byName.has(name)) throw new Error(`layer ${name} is not in the model`);
    kept.add(name);
    for (const node of byName.get(name).inbound_nodes) {
      for (const [inbound] of node) pending.push(inbound);
    }
  }
  return kept;
}

/** Splits the concatenated weight data into one Buffer per manifest entry, in manifest order. */
function sliceWeights(manifest, weightData) {
  let offset = 0;
  const slices = manifest.flatMap((group) => group.weights).map((spec) => {
    const dtype = spec.quantization ? spec.quantization.dtype : spec.dtype;
    const length = spec.shape.reduce((a, b) => a * b, 1) * BYTES_PER_ELEMENT[dtype];
    const bytes = weightData.subarray(offset, offset + length);
    offset += length;
    return { spec, bytes };
  });
  if (offset !== weightData.length) {
    throw new Error(`manifest describes ${offset} bytes, the shards hold ${weightData.length}`);
  }
  return slices;
}

function truncate({ modelTopology, weightsManifest, weightData }, last) {
  const config = modelTopology.model_config.config;
  const kept = ancestors(config.layers, last);
  const weights = sliceWeights(weightsManifest, weightData)
    .filter(({ spec }) => kept.has(spec.name.split('/')[0]));
  // training_config describes the fine-tuned head's loss and optimizer: meaningless for the trunk.
  const topology = {
    keras_version: modelTopology.keras_version,
    backend: modelTopology.backend,
    model_config: {
      class_name: modelTopology.model_config.class_name,
      config: {
        ...config,
        layers: config.layers.filter((layer) => kept.has(layer.name)),
        output_layers: [[last, 0, 0]],
      },
    },
  };
  return { topology, weights };
}

function writeModel(outDir, { topology, weights }) {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, WEIGHT_FILE), Buffer.concat(weights.map((w) => w.bytes)));
  const modelJson = {
    format: 'layers-model',
    generatedBy: `keras v${topology.keras_version}`,
    convertedBy: `featureviz convert.js from nsfwjs@4.4.0 inception_v3, cut after ${LAST_LAYER}`,
    modelTopology: topology,
    weightsManifest: [{ paths: [WEIGHT_FILE], weights: weights.map((w) => w.spec) }],
  };
  // model.json goes last and atomically: the build treats its presence as "conversion done".
  const target = path.join(outDir, 'model.json');
  fs.writeFileSync(`${target}.part`, JSON.stringify(modelJson));
  fs.renameSync(`${target}.part`, target);
}

function main() {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: node convert.js <output dir>');
  const model = truncate(loadInceptionV3(), LAST_LAYER);
  writeModel(outDir, model);
  const bytes = model.weights.reduce((sum, w) => sum + w.bytes.length, 0);
  console.log(`inception_v3 up to ${LAST_LAYER}: ${model.topology.model_config.config.layers.length}`
    + ` layers, ${model.weights.length} weight tensors, ${bytes} bytes -> ${outDir}`);
}

main();
