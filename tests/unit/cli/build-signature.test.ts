/** A reference-manager export added to the sources changes the build's input signature, so the next build runs. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSignature } from '../../../scripts/lib/build-signature.ts';
import { tempDir } from '../../support/temp-dir.ts';

test.each(['refs.bib', 'refs.ris', 'refs.json'])('adding %s to content/sources changes the signature', (name) => {
  const root = tempDir('papershelf-signature-');
  mkdirSync(join(root, 'content', 'sources'), { recursive: true });
  writeFileSync(join(root, 'content', 'sources', 'a.txt'), 'Title\nAbstract.\n');
  const before = buildSignature(root, {}, 'code');
  expect(buildSignature(root, {}, 'code')).toBe(before);
  writeFileSync(join(root, 'content', 'sources', name), '@article{k, title = {T}}\n');
  expect(buildSignature(root, {}, 'code')).not.toBe(before);
});
