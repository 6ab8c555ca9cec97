/**
 * A glaciology and polar-climate list in five shapes (tests/fixtures/cryosphere-list), ingested as one
 * with an empty taxonomy: what its README says a librarian expects of its tags and topic names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { runIngest } from '../../../src/ingest/pipeline.ts';

const DIR = 'tests/fixtures/cryosphere-list';
const sources = readdirSync(DIR).filter((f) => f !== 'README.md').sort().map((f) => ({ path: `x/${f}` as SourcePath, bytes: readFileSync(`${DIR}/${f}`) }));
const papers = runIngest({ sources, existing: [], state: null, taxonomy: { topics: [], tags: [], stopTags: [] } }).papers;
const tags = [...new Set(papers.flatMap((p) => p.tags))];
const topics = [...new Set(papers.map((p) => p.topic))];

test('no tag or topic name runs on into the verb of its clause ("glaciers show crevasse", "Permafrost Thaw Releases")', () => {
  expect(papers.length).toBeGreaterThan(0);
  const verbs = /\b(?:show|releases|controls)\b/i;
  expect(tags.filter((t) => verbs.test(t))).toEqual([]);
  expect(topics.filter((t) => verbs.test(t))).toEqual([]);
});

test('no tag is a person the abstract cites ("as Hélène Dupré and co-workers suggested")', () => {
  expect(tags.filter((t) => /dupré|hélène/i.test(t))).toEqual([]);
});

test('a formula keeps its digits: no topic or tag ends in "CO" cut from "CO$_2$"', () => {
  expect([...topics, ...tags].filter((t) => /\bCO$/i.test(t))).toEqual([]);
});
