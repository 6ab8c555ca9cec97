/**
 * Every case folder of the bad-input and real-world fixtures, ingested alone: the ingest writes
 * exactly the report and entries of the case's `output/` (tests/support/fixture-cases.ts).
 * `UPDATE=1 npx vitest run tests/unit/ingest/fixture-cases.test.ts` rewrites them; review the diff
 * against the fixture's README (its checks are in bad-input.test.ts and real-world.test.ts).
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { casesIn, ingestCase, outputFiles, readOutput, updating, writeOutput } from '../../support/fixture-cases.ts';

const SUITES = ['tests/fixtures/bad-input', 'tests/fixtures/real-world'];

describe.each(SUITES)('%s', (suite) => {
  test.each(casesIn(suite))('%s: the ingest writes the expected report and entries', (name) => {
    const dir = join(suite, name);
    const actual = outputFiles(ingestCase(dir));
    if (updating()) return writeOutput(dir, actual);
    const expected = readOutput(dir);
    expect(expected.size, `${dir}/output is missing: run with UPDATE=1 and review what it writes`).toBeGreaterThan(0);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, text] of actual) expect(text, `${dir}/output/${file}`).toBe(expected.get(file));
  });
});
