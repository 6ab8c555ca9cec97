/**
 * A card's image data (PNG's IDAT: one zlib stream, RFC 1950/1951) without deflating the rows it shares with
 * its frame. A card's body changes rows from its first line of ink down (`from`); every row above is its
 * frame's, the same on every card of that frame. Those rows are deflated once per frame and first row (`head`),
 * flushed to a byte boundary with Z_SYNC_FLUSH, and kept; per card only rows `from`…end are deflated, as a
 * stream of their own. A deflate stream may be a concatenation of independently compressed pieces (RFC 1951
 * §3.2.3: each block stands alone, and a piece that starts afresh refers to nothing before it; pigz builds its
 * streams this way), so the card's stream is the tail's zlib header, the head, the tail's blocks and the Adler-32
 * of the whole (`adler32Combine` of the head's and the tail's). The pixels are those of one deflate of the
 * whole card; the bytes differ (one more block, ≈5 bytes of flush).
 *
 * Measured on the 1,552 cards of the 1k bench corpus (load ≈20): a card's body starts on row 211 on average (31
 * distinct rows), and the frame's rows above it cost ≈0.14 ms of deflate a card, a sixth of the card's deflate.
 * The cards' pixels are the same to the bit; the files are ≈2 % smaller (24.3 → 23.8 KiB).
 * The rows below the body (≈150, the footer's) are deflated per card all the same: a cached tail would need the
 * Adler-32 of the card's own rows, which zlib computes only for a whole stream, and in JS it costs ≈1 ns a
 * byte (0.3 ms for 300 rows), more than deflating the tail.
 */
import { constants, deflateRawSync, deflateSync } from 'node:zlib';

/**
 * Z_RLE: a card's rows are long runs of one colour (see og-card-png.ts for levels and strategies measured).
 * zlib's defaults otherwise: smaller windows (9–13 bits) were 1.3–3× slower (more window slides), memLevel
 * 4–7 up to 9 % smaller and as fast or up to 30 % slower.
 */
const DEFLATE = { strategy: constants.Z_RLE } as const;

/** Adler-32's modulus (RFC 1950 §8.2). */
const BASE = 65521;

/** Adler-32 of `bytes` (RFC 1950 §8.2), from `adler` (1 for a fresh checksum). */
export function adler32(bytes: Uint8Array, adler = 1): number {
  let a = adler & 0xffff;
  let b = adler >>> 16;
  // Reduced every 5552 bytes, zlib's NMAX: the most after which `b` still fits 32 bits.
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= BASE;
    b %= BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * The Adler-32 of two pieces of data in a row from each one's (`first`, `second`) and the second's length in
 * bytes: zlib's `adler32_combine` (adler32.c), which node:zlib does not expose.
 */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % BASE;
  const a1 = first & 0xffff;
  const b1 = first >>> 16;
  const a2 = second & 0xffff;
  const b2 = second >>> 16;
  const a = (a1 + a2 + BASE - 1) % BASE;
  const b = (((rem * a1) % BASE) + b1 + b2 + BASE - rem) % BASE;
  return ((b << 16) | a) >>> 0;
}

interface Head {
  /** Raw deflate blocks of the frame's rows above the card's, ending on a byte boundary (sync flush). */
  blocks: Buffer;
  adler: number;
}

/**
 * Heads by frame (its raw rows) and length in bytes. A frame has at most one head per row, each smaller than the
 * frame deflated whole (≈10 KB): a few MB at worst; a build's cards start on a few dozen rows.
 */
const heads = new WeakMap<Uint8Array, Map<number, Head>>();

function headOf(frame: Uint8Array, length: number): Head {
  let byLength = heads.get(frame);
  if (!byLength) heads.set(frame, (byLength = new Map()));
  let head = byLength.get(length);
  if (!head) {
    const rows = frame.subarray(0, length);
    head = { blocks: length === 0 ? Buffer.alloc(0) : deflateRawSync(rows, { ...DEFLATE, finishFlush: constants.Z_SYNC_FLUSH }), adler: adler32(rows) };
    byLength.set(length, head);
  }
  return head;
}

/**
 * The zlib stream of an image whose raw data (rows after their filter bytes) is `frame`'s first `from` bytes
 * followed by `tail`. `frame` is a frame's raw data, kept as it is for as long as the frame is used: its
 * deflated head is cached by identity.
 */
export function framedZlib(frame: Uint8Array, from: number, tail: Uint8Array): Buffer {
  const head = headOf(frame, from);
  const stream = deflateSync(tail, DEFLATE);
  const out = Buffer.allocUnsafe(stream.length + head.blocks.length);
  stream.copy(out, 0, 0, 2); // the zlib header (RFC 1950 §2.2)
  head.blocks.copy(out, 2);
  stream.copy(out, 2 + head.blocks.length, 2, stream.length - 4);
  out.writeUInt32BE(adler32Combine(head.adler, stream.readUInt32BE(stream.length - 4), tail.length), out.length - 4);
  return out;
}
