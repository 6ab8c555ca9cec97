/**
 * content/papers/ is replaced as a whole or not at all (scripts/lib/entries-dir.ts): a rebuild that changes a few
 * entries updates them in place through a journal, leaving the others' files (inode, time) as they were, and a run
 * killed after the journal's commit is finished by the next one. The entries the build hands its Astro processes are
 * what the paper loader reads from the files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseEntry } from '../../../src/core/entry-file.ts';
import { entriesAsRead, readExistingEntries, recoverInterruptedSwap, replaceEntries } from '../../../scripts/lib/entries-dir.ts';
import { tempDir } from '../../support/temp-dir.ts';

const SEEDS = 'content/papers';

/** `count` seed entries, by file name. */
function seedFiles(count: number): Map<string, string> {
  const names = readdirSync(SEEDS).filter((n) => n.endsWith('.md')).sort().slice(0, count);
  return new Map(names.map((n) => [n, readFileSync(join(SEEDS, n), 'utf8')]));
}

const folder = (dir: string) => new Map(readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n), 'utf8')]));

describe('replacing the entries folder', () => {
  test('a few changes are written in place: unchanged files keep their inode and time, removed files go', () => {
    const dir = join(tempDir('entries-dir-'), 'papers');
    const files = seedFiles(20);
    replaceEntries(dir, files, new Map());
    const names = [...files.keys()];
    const before = new Map(names.map((n) => [n, statSync(join(dir, n))]));
    const next = new Map(files);
    next.set(names[0]!, `${files.get(names[0]!)!}\nedited\n`);
    next.delete(names[1]!);
    next.set('a-new-paper.md', files.get(names[2]!)!);
    const result = replaceEntries(dir, next, files);
    expect(result).toEqual({ written: 2, unchanged: 18, removed: 1 });
    expect(folder(dir)).toEqual(new Map([...next].sort(([a], [b]) => (a < b ? -1 : 1))));
    for (const n of names.slice(2)) {
      const now = statSync(join(dir, n));
      expect([now.ino, now.mtimeMs]).toEqual([before.get(n)!.ino, before.get(n)!.mtimeMs]);
    }
    expect(readdirSync(join(dir, '..')).sort()).toEqual(['papers']);
  });

  test('a journal committed by a run that was killed is finished by the next one', () => {
    const root = tempDir('entries-dir-');
    const dir = join(root, 'papers');
    const files = seedFiles(6);
    replaceEntries(dir, files, new Map());
    const [first, second] = [...files.keys()];
    // What a run leaves when it dies after the commit, before it moved anything into place.
    mkdirSync(join(root, 'papers.commit'));
    writeFileSync(join(root, 'papers.commit', first!), 'new text\n');
    writeFileSync(join(root, 'papers.commit', '.removed.json'), JSON.stringify([second]));
    expect(recoverInterruptedSwap(dir)).toBe(true);
    expect(readFileSync(join(dir, first!), 'utf8')).toBe('new text\n');
    expect(existsSync(join(dir, second!))).toBe(false);
    expect(existsSync(join(root, 'papers.commit'))).toBe(false);
    // An uncommitted journal is not applied: the previous entries stay.
    mkdirSync(join(root, 'papers.next'));
    writeFileSync(join(root, 'papers.next', first!), 'never committed\n');
    expect(recoverInterruptedSwap(dir)).toBe(false);
    expect(readFileSync(join(dir, first!), 'utf8')).toBe('new text\n');
  });

  test('a swap interrupted between its renames is undone', () => {
    const root = tempDir('entries-dir-');
    const dir = join(root, 'papers');
    const files = seedFiles(4);
    replaceEntries(dir, files, new Map());
    renameSync(dir, join(root, 'papers.previous'));
    expect(recoverInterruptedSwap(dir)).toBe(true);
    expect(folder(dir)).toEqual(files);
  });
});

describe('the entries handed to Astro', () => {
  test('are the front matter the loader parses from each file, in file-name order, whether the file changed or not', () => {
    const dir = join(tempDir('entries-dir-'), 'papers');
    const files = seedFiles(12);
    replaceEntries(dir, files, new Map());
    const previous = readExistingEntries(dir, 'content/papers');
    const next = new Map([...files].reverse());
    const [edited] = [...files.keys()];
    next.set(edited!, files.get(edited!)!.replace(/^title: .*$/m, 'title: "A Retitled Paper"'));
    const handed = entriesAsRead(next, previous, 'content/papers');
    expect(handed.map((e) => e.id)).toEqual([...files.keys()].map((n) => n.slice(0, -3)));
    for (const e of handed) {
      const parsed = parseEntry(next.get(`${e.id}.md`)!);
      expect(parsed.ok && e).toStrictEqual({ id: e.id, data: parsed.ok ? parsed.data : null, filePath: `content/papers/${e.id}.md` });
    }
    expect(handed[0]!.data.title).toBe('A Retitled Paper');
  });
});
