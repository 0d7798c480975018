'use strict';
// Reads the Keras InceptionV3 bundled in nsfwjs@4.4.0 (dist/models/inception_v3/) after checking
// every file against the sha256 recorded here, so a changed package can never slip in silently.
// model.min.js and the shards are UMD wrappers: require() returns the model object and the
// base64 string of each shard.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const MODEL_DIR = path.join(__dirname, 'node_modules', 'nsfwjs', 'dist', 'models', 'inception_v3');

const SHA256 = {
  'model.min.js': '8c2b793b9d277840fc757725bf3b135c96d5a54ec020e2b4ab569fc3df6b3848',
  'group1-shard1of6.min.js': 'e9316ac20ff634f990e483062050afe9a4826885c3a212d676ce2cfda93a4884',
  'group1-shard2of6.min.js': '467b33d62b4c470edf8acd3da554e331f2d49f3f93ddd718f944f595c516cd82',
  'group1-shard3of6.min.js': '075300e057ca7e9fd2e282afbc3a6596a0404288c94bf781e9b20658cbeee664',
  'group1-shard4of6.min.js': 'b51ee46e062e752e81c28761a56369432671bfb3d59f4f062f5bd4dd58ff5303',
  'group1-shard5of6.min.js': 'd4149969b3c61e0d4dde1d4f555f5b00f4fc87f6bab1a4cd4967b24f62725de6',
  'group1-shard6of6.min.js': 'b684762a7d7c39b80183d260bdab6f072321349300f9f2ff144a085a382acfc4',
};

function requireVerified(file) {
  const full = path.join(MODEL_DIR, file);
  const actual = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  if (actual !== SHA256[file]) {
    throw new Error(`sha256 mismatch for ${full}: expected ${SHA256[file]}, got ${actual}`);
  }
  return require(full);
}

/** @returns {{modelTopology: object, weightsManifest: object[], weightData: Buffer}} */
function loadInceptionV3() {
  const { modelTopology, weightsManifest } = requireVerified('model.min.js');
  const shards = weightsManifest.flatMap((group) => group.paths);
  const weightData = Buffer.concat(
    shards.map((shard) => Buffer.from(requireVerified(`${shard}.min.js`), 'base64')));
  return { modelTopology, weightsManifest, weightData };
}

module.exports = { loadInceptionV3 };
