'use strict';
// Decodes uncompressed 24- and 32-bit BMP files (what /work/shared/images holds) without native
// dependencies. Returns top-down RGB bytes.
function decodeBmp(buffer) {
  if (buffer.toString('latin1', 0, 2) !== 'BM') throw new Error('not a BMP file');
  const pixelOffset = buffer.readUInt32LE(10);
  const width = buffer.readInt32LE(18);
  const rawHeight = buffer.readInt32LE(22);
  const bitsPerPixel = buffer.readUInt16LE(28);
  const compression = buffer.readUInt32LE(30);
  // BI_RGB (0); BI_BITFIELDS (3) only for 32 bit with the usual BGRA masks is not handled.
  if (compression !== 0 || (bitsPerPixel !== 24 && bitsPerPixel !== 32)) {
    throw new Error(`unsupported BMP: ${bitsPerPixel} bit, compression ${compression}`);
  }
  const height = Math.abs(rawHeight);
  const bottomUp = rawHeight > 0;
  const bytesPerPixel = bitsPerPixel / 8;
  const rowStride = Math.ceil((width * bytesPerPixel) / 4) * 4;
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (bottomUp ? height - 1 - y : y) * rowStride;
    for (let x = 0; x < width; x++) {
      const src = row + x * bytesPerPixel;
      const dst = (y * width + x) * 3;
      rgb[dst] = buffer[src + 2];
      rgb[dst + 1] = buffer[src + 1];
      rgb[dst + 2] = buffer[src];
    }
  }
  return { width, height, rgb };
}

module.exports = { decodeBmp };
