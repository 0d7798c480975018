'use strict';
// Produces the Java importer's reference fixture: runs the full original nsfwjs InceptionV3 with
// TensorFlow.js (pure JavaScript CPU backend) on one photo and saves the preprocessed input and
// the activations at mixed2 and mixed5 as gzip'd float32 little-endian NHWC arrays, plus
// fixture.json describing them. The Java test feeds the saved input, so both sides compare the
// importers, not the preprocessing.
//
// usage: node reference.js <image.bmp> <fixture dir>
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const tf = require('@tensorflow/tfjs');
const { decodeBmp } = require('./bmp');
const { loadInceptionV3 } = require('./nsfwjs-inception-v3');

const SIZE = 299;
const LAYERS = ['mixed2', 'mixed5'];

async function loadFullModel() {
  const { modelTopology, weightsManifest, weightData } = loadInceptionV3();
  const weightSpecs = weightsManifest.flatMap((group) => group.weights);
  const buffer = weightData.buffer.slice(
    weightData.byteOffset, weightData.byteOffset + weightData.byteLength);
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData: buffer }));
}

/** Pixels / 255 (the range nsfwjs feeds this model), resized bilinearly to 299 x 299. */
function preprocess(imagePath) {
  const { width, height, rgb } = decodeBmp(fs.readFileSync(imagePath));
  return tf.tidy(() => {
    const pixels = tf.tensor3d(rgb, [height, width, 3], 'int32').toFloat().div(255);
    return tf.image.resizeBilinear(pixels, [SIZE, SIZE], false, true).expandDims(0);
  });
}

function writeArray(dir, name, tensor) {
  const data = Buffer.from(tensor.dataSync().buffer);
  const file = `${name}.f32.gz`;
  fs.writeFileSync(path.join(dir, file), zlib.gzipSync(data, { level: 9 }));
  return { file, shape: tensor.shape };
}

async function main() {
  const [imagePath, outDir] = process.argv.slice(2);
  if (!imagePath || !outDir) throw new Error('usage: node reference.js <image.bmp> <fixture dir>');
  const model = await loadFullModel();
  const trunk = tf.model({
    inputs: model.inputs,
    outputs: LAYERS.map((name) => model.getLayer(name).output),
  });
  const input = preprocess(imagePath);
  const outputs = trunk.predict(input);
  fs.mkdirSync(outDir, { recursive: true });
  const fixture = {
    source: 'nsfwjs@4.4.0 dist/models/inception_v3 through @tensorflow/tfjs@4.22.0 (cpu backend)',
    image: path.basename(imagePath),
    preprocessing: 'pixels / 255, tf.image.resizeBilinear to 299x299 (halfPixelCenters)',
    encoding: 'gzip of float32 little-endian, NHWC row-major',
    input: writeArray(outDir, 'input', input),
    layers: Object.fromEntries(LAYERS.map((name, i) => [name, writeArray(outDir, name, outputs[i])])),
  };
  fs.writeFileSync(path.join(outDir, 'fixture.json'), `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(JSON.stringify(fixture));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
