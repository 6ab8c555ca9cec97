import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { papersJson, readPage, siteDir } from '../support/site.ts';

describe('topics, tags and related papers in the built site', () => {
  const data = papersJson();

  test('every tag and topic in papers.json has its page, with its count', () => {
    for (const term of [...data.tags, ...data.topics]) {
      expect(existsSync(join(siteDir(), term.url)), term.url).toBe(true);
      expect(readPage(term.url)('.lead').text()).toMatch(new RegExp(`^${term.count} papers?\\b`));
    }
    expect(data.topics.length).toBeGreaterThanOrEqual(10);
    expect(data.tags.length).toBeGreaterThan(50);
  });

  test('papers.json counts match the papers', () => {
    const counts = new Map<string, number>();
    for (const p of data.papers) for (const t of p.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect(Object.fromEntries(data.tags.map((t) => [t.name, t.count]))).toEqual(Object.fromEntries(counts));
  });

  test('each paper page links its topic and each of its tags', () => {
    const topicUrl = new Map(data.topics.map((t) => [t.name, t.url]));
    const tagUrl = new Map(data.tags.map((t) => [t.name, t.url]));
    for (const paper of data.papers) {
      const $ = readPage(paper.url);
      const hrefs = $('.paper-header a').map((_, a) => $(a).attr('href')!.replace(/^\.\.\//, '')).get();
      expect(hrefs, paper.url).toEqual([topicUrl.get(paper.topic), ...paper.tags.map((t: string) => tagUrl.get(t))]);
    }
  });

  test('every paper page lists three to five related papers that exist', () => {
    for (const paper of data.papers) {
      const $ = readPage(paper.url);
      const links = $('.related a').map((_, a) => $(a).attr('href')!).get();
      expect(links.length, paper.url).toBeGreaterThanOrEqual(3);
      expect(links.length, paper.url).toBeLessThanOrEqual(5);
      for (const href of links) expect(existsSync(join(siteDir(), 'papers', href.replace(/^\.\.\/papers\//, '')))).toBe(true);
    }
  });

  test('a topic page shows the topic’s most common tags', () => {
    const $ = readPage(data.topics[0]!.url);
    expect($('.term-cloud .tag').length).toBeGreaterThan(3);
  });
});
