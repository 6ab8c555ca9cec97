/**
 * Stage 1: bytes → text. Detects binary files, byte-order marks, UTF-16 and legacy 8-bit text.
 */
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
 * Share of bytes in the first 8 KB that no text file has: C0 controls other than tab, newline,
 * carriage return and form feed. A stray NUL in a text file is repaired later; a binary file
 * has many.
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

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeSource(bytes: Uint8Array, file: SourcePath): Decoded {
  const skip = (rule: string, message: string, hint: string): Decoded => ({
    ok: false,
    issues: [issue('skipped', file, null, rule, message, hint)],
  });

  if (bytes.length === 0) {
    return skip('empty-file', 'empty file; skipped', 'Paste abstracts into it, or delete it.');
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = new TextDecoder(encoding).decode(bytes.subarray(2));
    return {
      ok: true, text, encoding,
      issues: [issue('repaired', file, null, 'utf-16', `decoded as ${encoding.toUpperCase()} (byte-order mark)`, 'Save the file as UTF-8 to avoid this conversion.')],
    };
  }
  if (BINARY_SIGNATURES.some((sig) => startsWith(bytes, sig)) || controlByteRatio(bytes) > 0.05) {
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
    // latin-1 for printable characters, so it is the best single guess for Western text.
    const text = new TextDecoder('windows-1252').decode(body);
    issues.push(issue('repaired', file, null, 'not-utf8', 'not valid UTF-8; decoded as latin-1 (windows-1252)', 'Save the file as UTF-8 if accented letters look wrong.'));
    return { ok: true, text, encoding: 'windows-1252', issues };
  }
}
