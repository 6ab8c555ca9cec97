/**
 * Stage 1: bytes → text. Detects binary files, byte-order marks, UTF-16 and UTF-32 (with or
 * without a byte-order mark) and legacy 8-bit text.
 *
 * The encoding is chardet's answer (an ICU port): it recognises the UTF-16 and UTF-32 byte-order
 * marks and BOM-less UTF-32, and ranks the 8-bit code pages. It has no recogniser for UTF-16
 * without a byte-order mark (node_modules/chardet/lib/encoding/unicode.js matches UTF-16 by its
 * BOM only), so `utf16ByZeroBytes` supplies that one case; see there.
 */
import chardet from 'chardet';
import { issue, type IngestIssue, type SourcePath } from '../core/issue.ts';

export type Decoded =
  | { ok: true; text: string; encoding: string; issues: IngestIssue[] }
  | { ok: false; issues: IngestIssue[] };

/** Magic numbers of formats people drop into a folder by accident. */
const BINARY_SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, EPUB
  [0x1f, 0x8b], // gzip
];

const SNIFF_BYTES = 8192;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Share of bytes in the first 8 KB that no 8-bit or UTF-8 text file has: C0 controls other than
 * tab, newline, carriage return and form feed. A stray NUL in a text file is repaired later; a
 * binary file has many (and so has UTF-16 or UTF-32 text, which is recognised before this test).
 */
function controlByteRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return n === 0 ? 0 : controls / n;
}

/**
 * UTF-16 without a byte-order mark, the one case chardet has no recogniser for. Text whose
 * characters are mostly below U+0100 (every Latin, Greek-free, Cyrillic-free dump) has a zero
 * high byte in most code units: at even offsets in big-endian, odd ones in little-endian, and
 * none at the other parity. Required: at least 30 % of code units with a zero byte, all at one
 * parity, and a strict decode in that byte order. A binary file has zeros at both parities.
 */
function utf16ByZeroBytes(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const units = n / 2;
  const order = even === 0 && odd >= 0.3 * units ? 'utf-16le' : odd === 0 && even >= 0.3 * units ? 'utf-16be' : null;
  if (!order || bytes.length % 2 !== 0) return null;
  try {
    new TextDecoder(order, { fatal: true }).decode(bytes);
    return order;
  } catch {
    return null;
  }
}

/** UTF-32 code units → text; TextDecoder has no UTF-32 (the Encoding Standard dropped it). */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string | null {
  if (bytes.length % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    parts.push(String.fromCodePoint(cp));
  }
  return parts.join('');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-16 or UTF-32 text, dropping its byte-order mark; null when the bytes are not that. */
function decodeWide(bytes: Uint8Array, encoding: string): string | null {
  const unit = encoding.startsWith('utf-32') ? 4 : 2;
  const le = encoding.endsWith('le');
  const bom = unit === 4 ? (le ? [0xff, 0xfe, 0, 0] : [0, 0, 0xfe, 0xff]) : le ? [0xff, 0xfe] : [0xfe, 0xff];
  const body = startsWith(bytes, bom) ? bytes.subarray(unit) : bytes;
  if (unit === 4) return decodeUtf32(body, le);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return null;
  }
}

export function decodeSource(bytes: Uint8Array, file: SourcePath): Decoded {
  const skip = (rule: string, message: string, hint: string): Decoded => ({
    ok: false,
    issues: [issue('skipped', file, null, rule, message, hint)],
  });

  if (bytes.length === 0) {
    return skip('empty-file', 'empty file; skipped', 'Paste abstracts into it, or delete it.');
  }
  if (BINARY_SIGNATURES.some((sig) => startsWith(bytes, sig))) {
    return skip('not-text', 'not a text file (binary content); skipped', 'Remove it from the sources, or export it as plain text.');
  }

  const detected = chardet.detect(bytes.subarray(0, SNIFF_BYTES))?.toLowerCase() ?? null;
  const wide = detected && /^utf-(?:16|32)(?:le|be)$/.test(detected) ? detected : utf16ByZeroBytes(bytes);
  if (wide) {
    const text = decodeWide(bytes, wide);
    if (text !== null) {
      const bom = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || startsWith(bytes, [0, 0, 0xfe, 0xff]);
      return {
        ok: true, text, encoding: wide,
        issues: [issue('repaired', file, null, wide.slice(0, 6), `decoded as ${wide.toUpperCase()} (${bom ? 'byte-order mark' : 'no byte-order mark'})`, 'Save the file as UTF-8 to avoid this conversion.')],
      };
    }
  }
  if (controlByteRatio(bytes) > 0.05) {
    return skip('not-text', 'not a text file (binary content); skipped', 'Remove it from the sources, or export it as plain text.');
  }

  const issues: IngestIssue[] = [];
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    body = bytes.subarray(3);
    issues.push(issue('repaired', file, 1, 'bom', 'removed a UTF-8 byte-order mark', 'Nothing to do; some editors add it.'));
  }
  try {
    return { ok: true, text: utf8.decode(body), encoding: 'utf-8', issues };
  } catch {
    // Not valid UTF-8: text from an old editor or a Windows tool. windows-1252 is a superset of
    // latin-1 for printable characters, so it stands for chardet's ISO-8859-1 answer; another
    // code page chardet names (ISO-8859-2, windows-1251 …) is used as named.
    const named = detected && detected !== 'iso-8859-1' && isDecodable(detected) ? detected : 'windows-1252';
    const text = new TextDecoder(named).decode(body);
    const what = named === 'windows-1252' ? 'latin-1 (windows-1252)' : named;
    issues.push(issue('repaired', file, null, 'not-utf8', `not valid UTF-8; decoded as ${what}`, 'Save the file as UTF-8 if accented letters look wrong.'));
    return { ok: true, text, encoding: named, issues };
  }
}

function isDecodable(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
