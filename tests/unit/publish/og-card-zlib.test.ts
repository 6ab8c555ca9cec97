/**
 * A card's zlib stream built of its frame's rows deflated once (og-card-zlib.ts) and a glyph's runs of ink
 * (og-card-glyphs.ts `inkSpans`), what the compositor draws.
 */
import { randomBytes } from 'node:crypto';
import { constants, deflateRawSync, deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inkSpans } from '../../../src/publish/og-card-glyphs.ts';
import { adler32, adler32Combine, framedZlib } from '../../../src/publish/og-card-zlib.ts';

/** zlib's own Adler-32 of `bytes`: the last four bytes of its zlib stream (RFC 1950 §2.2). */
const zlibAdler = (bytes: Uint8Array) => {
  const stream = deflateSync(bytes, { level: 1 });
  return stream.readUInt32BE(stream.length - 4);
};

/** Rows of a flat image with a few stripes, as a frame's raw data is: `rows × (1 + width)` bytes. */
function frameRows(rows: number, width: number): Uint8Array {
  const raw = new Uint8Array(rows * (width + 1));
  for (let r = 0; r < rows; r++) for (let c = 0; c < width; c++) raw[r * (width + 1) + 1 + c] = r % 7 === 0 ? 3 : c < 20 || c >= width - 20 ? 1 : 2;
  return raw;
}

describe('Adler-32', () => {
  it('matches the checksum of the RFC’s algorithm (Wikipedia’s example: "Wikipedia" is 0x11E60398)', () => {
    expect(adler32(Buffer.from('Wikipedia', 'ascii'))).toBe(0x11e60398);
    expect(adler32(new Uint8Array(0))).toBe(1);
  });

  it('matches zlib’s over more than one reduction, and combines two pieces as zlib’s adler32_combine', () => {
    const data = randomBytes(200_000);
    expect(adler32(data)).toBe(zlibAdler(data));
    for (const cut of [0, 1, 5552, 65521, 65522, 131042, 199_999, 200_000]) {
      const [a, b] = [data.subarray(0, cut), data.subarray(cut)];
      expect(adler32Combine(adler32(a), adler32(b), b.length), `cut at ${cut}`).toBe(zlibAdler(data));
    }
  });
});

describe('framedZlib (a frame’s rows deflated once, the card’s rows per card)', () => {
  const width = 300;
  const frame = frameRows(120, width);
  const stride = width + 1;
  const card = (mark: number) => {
    const raw = frame.slice();
    for (let r = 60; r < 90; r++) raw.fill(mark, r * stride + 40, r * stride + 40 + mark * 3);
    return raw;
  };

  it('decodes to the frame’s rows then the card’s, its Adler-32 checked by zlib, as the card deflated alone', () => {
    for (const mark of [5, 9]) {
      const raw = card(mark);
      const from = 60 * stride;
      const stream = framedZlib(frame, from, raw.subarray(from));
      expect(Buffer.from(inflateSync(stream)).equals(Buffer.from(raw))).toBe(true); // inflateSync throws on a wrong check value
      expect(stream.readUInt32BE(stream.length - 4)).toBe(zlibAdler(raw));
      expect(Buffer.from(inflateSync(deflateSync(raw))).equals(Buffer.from(inflateSync(stream)))).toBe(true);
    }
  });

  it('puts the same deflated frame rows, verbatim, in two cards that start on the same row', () => {
    const from = 60 * stride;
    const head = deflateRawSync(frame.subarray(0, from), { strategy: constants.Z_RLE, finishFlush: constants.Z_SYNC_FLUSH });
    const [a, b] = [5, 9].map((mark) => framedZlib(frame, from, card(mark).subarray(from)));
    expect(a!.subarray(2, 2 + head.length).equals(head)).toBe(true);
    expect(b!.subarray(2, 2 + head.length).equals(head)).toBe(true);
    expect(a!.equals(b!)).toBe(false);
  });

  it('is a whole card’s stream when the card starts on row 0, and the frame’s when it draws nothing', () => {
    const raw = card(7);
    expect(Buffer.from(inflateSync(framedZlib(frame, 0, raw))).equals(Buffer.from(raw))).toBe(true);
    expect(Buffer.from(inflateSync(framedZlib(frame, frame.length, new Uint8Array(0)))).equals(Buffer.from(frame))).toBe(true);
  });
});

describe('inkSpans', () => {
  it('lists runs of full and of partial coverage per row, and no run where there is none', () => {
    // Rows of a 6 × 3 bitmap: runs worked out by hand.
    const coverage = Uint8Array.from([0, 255, 255, 128, 0, 255, 0, 0, 0, 0, 0, 0, 12, 40, 255, 255, 255, 1]);
    expect([...inkSpans(coverage, 6, 3)]).toEqual([0, 1, 3, 1, 0, 3, 4, 0, 0, 5, 6, 1, 2, 0, 2, 0, 2, 2, 5, 1, 2, 5, 6, 0]);
  });
});
