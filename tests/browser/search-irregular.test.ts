/**
 * Session 18's brief from a reader's side: on a site built from tests/fixtures/irregular-plurals (one paper
 * writes "mouse", another "mice", a third neither), the query "mice" finds both, served (Pagefind) and
 * opened from disk (the offline index); "mouse" already did. Before, "mice" found the "mice" paper alone:
 * Porter2 stems `mice` to `mice` and `mouse` to `mous`. The expected answers are the fixture README's.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBothEngines } from '../support/both-engines.ts';
import { build, copyProjectWithSources } from '../support/project-copy.ts';

const FIXTURE = 'tests/fixtures/irregular-plurals';
const MOUSE = 'A Circadian Receptor Knockout in the House Mouse';
const MICE = 'Sleep Loss in Knockout Mice';

const site = useBothEngines(() => {
  const dir = copyProjectWithSources('irregular-plurals', (sources) => cpSync(join(FIXTURE, 'list.txt'), join(sources, 'list.txt')));
  build(dir);
  return dir;
});

describe('an irregular plural and its singular find each other, served and from disk', () => {
  test.each(['mice', 'mouse'])('“%s” finds the paper writing “mouse” and the one writing “mice”, and no other', async (query) => {
    const [served, disk] = await site.search(query);
    expect([served.engine, disk.engine]).toEqual(['pagefind', 'offline']);
    for (const answer of [served, disk]) expect([...answer.titles].sort()).toEqual([MOUSE, MICE].sort());
    expect(site.served.consoleErrors).toEqual([]);
    expect(site.disk.consoleErrors).toEqual([]);
  });
});
