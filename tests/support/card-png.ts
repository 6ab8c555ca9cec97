/** Decodes the PNGs og-card-png.ts writes (8-bit palette or RGBA, rows with filter 0) to RGBA, for the card tests. */
import { inflateSync } from 'node:zlib';

export function decodeCardPng(bytes: Uint8Array): { rgba: Uint8Array; width: number; height: number; colourType: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = new Map<string, Buffer[]>();
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    chunks.set(type, [...(chunks.get(type) ?? []), buf.subarray(at + 8, at + 8 + length)]);
    at += 12 + length;
  }
  const ihdr = chunks.get('IHDR')![0]!;
  const [width, height, colourType] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[9]!];
  const raw = inflateSync(Buffer.concat(chunks.get('IDAT')!));
  const out = new Uint8Array(width * height * 4);
  const bpp = colourType === 3 ? 1 : 4;
  const plte = chunks.get('PLTE')?.[0];
  for (let y = 0; y < height; y++) {
    const row = y * (width * bpp + 1);
    if (raw[row] !== 0) throw new Error(`row ${y}: filter ${raw[row]}, not 0`);
    for (let x = 0; x < width; x++) {
      if (colourType === 3) {
        const i = raw[row + 1 + x]!;
        out.set([plte![i * 3]!, plte![i * 3 + 1]!, plte![i * 3 + 2]!, 255], (y * width + x) * 4);
      } else {
        out.set(raw.subarray(row + 1 + x * 4, row + 5 + x * 4), (y * width + x) * 4);
      }
    }
  }
  return { rgba: out, width, height, colourType };
}
