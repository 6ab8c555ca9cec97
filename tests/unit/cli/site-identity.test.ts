/**
 * A reading list names its own site: the intro page's title and description (README, "Your own list") are the
 * site's name and tagline everywhere the build writes them, and renaming the site renders every page again.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Paper } from '../../../src/core/paper.ts';
import { SITE_NAME, SITE_TAGLINE, siteIdentity } from '../../../src/core/site.ts';
import type { Slug } from '../../../src/core/slug.ts';
import { routes } from '../../../src/core/routes.ts';
import { feedXml } from '../../../src/publish/feed.ts';
import { planPaperPages, storePageSignatures } from '../../../scripts/lib/incremental-pages.ts';
import { readSiteIdentity } from '../../../scripts/lib/site-identity.ts';
import { tempDir } from '../../support/temp-dir.ts';

function projectWithIntro(text: string | undefined, name = 'intro.mdx'): string {
  const root = tempDir('papershelf-identity-');
  mkdirSync(join(root, 'content', 'pages'), { recursive: true });
  if (text !== undefined) writeFileSync(join(root, 'content', 'pages', name), text);
  return root;
}

describe('siteIdentity', () => {
  test('the intro page title names the site and its description is the tagline', () => {
    expect(siteIdentity({ title: ' Oncology Reading List ', description: 'Papers on tumour immunology.' })).toEqual({ name: 'Oncology Reading List', tagline: 'Papers on tumour immunology.' });
  });

  test('a missing or blank field falls back to the defaults', () => {
    expect(siteIdentity(undefined)).toEqual({ name: SITE_NAME, tagline: SITE_TAGLINE });
    expect(siteIdentity({ title: '  ', description: undefined })).toEqual({ name: SITE_NAME, tagline: SITE_TAGLINE });
  });
});

describe('readSiteIdentity', () => {
  test('reads the front matter of content/pages/intro.mdx, or of intro.md', () => {
    expect(readSiteIdentity(projectWithIntro('---\ntitle: "Linguistik: eine Leseliste"\ndescription: Aufsätze zur Syntax.\n---\n\nHallo.\n'))).toEqual({ name: 'Linguistik: eine Leseliste', tagline: 'Aufsätze zur Syntax.' });
    expect(readSiteIdentity(projectWithIntro('---\ntitle: Astrophysics\n---\n', 'intro.md'))).toEqual({ name: 'Astrophysics', tagline: SITE_TAGLINE });
  });

  test('no intro page, or one without front matter, gives the defaults', () => {
    expect(readSiteIdentity(projectWithIntro(undefined))).toEqual({ name: SITE_NAME, tagline: SITE_TAGLINE });
    expect(readSiteIdentity(projectWithIntro('Just text.\n'))).toEqual({ name: SITE_NAME, tagline: SITE_TAGLINE });
  });

  test('front matter that is not YAML is reported with file and line', () => {
    const root = projectWithIntro('---\ntitle: Fine\ndescription: [unclosed\n---\n');
    expect(() => readSiteIdentity(root)).toThrow(/content\/pages\/intro\.mdx:\d+: front matter is not valid YAML/);
  });
});

const paper = (slug: string, title: string): Paper => ({
  id: slug.padEnd(12, '0').slice(0, 12).replace(/[^0-9a-f]/g, 'a'),
  slug: slug as Slug,
  title,
  derivedTitle: false,
  topic: 'Optics',
  tags: ['lasers'],
  sources: [{ file: 'content/sources/a.txt', line: 1 }],
  aliases: [],
  related: [],
  abstract: 'We study lasers.',
  body: 'We study lasers.',
});

describe('the site name in what the build writes', () => {
  test('the feed is titled with the site name and described by its tagline', () => {
    const xml = feedXml([paper('a', 'Lasers')], undefined, { name: 'Optics & Photonics', tagline: 'Papers on light.' }, () => '');
    expect(xml).toContain('<title>Optics &amp; Photonics</title>');
    expect(xml).toContain('<description>Papers on light.</description>');
  });

  test('renaming the site keeps no page of the last build (each shows the name)', () => {
    const outDir = tempDir('papershelf-identity-dist-');
    const papers = [paper('a', 'Lasers'), paper('b', 'Lenses')];
    for (const p of papers) {
      mkdirSync(join(outDir, routes.paper(p.slug), '..'), { recursive: true });
      writeFileSync(join(outDir, routes.paper(p.slug)), '<html></html>');
    }
    const site = { url: '', identity: { name: 'Optics', tagline: 'Light.' } };
    storePageSignatures(outDir, planPaperPages(outDir, papers, 'code', site));
    const same = planPaperPages(outDir, papers, 'code', site);
    expect(same.keep).toHaveLength(2); // the test's pages are keepable at all
    storePageSignatures(outDir, same);
    expect(planPaperPages(outDir, papers, 'code', { ...site, identity: { name: 'Photonics', tagline: 'Light.' } }).keep).toEqual([]);
  });
});
