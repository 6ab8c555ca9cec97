/**
 * A site of real-world fixtures (issue 14), built together with SITE_URL set, as a user would:
 * `03-arxiv-listing` (a copied arXiv search page), `10-og-rtl-emoji` (Arabic, Hebrew, emoji and ×) and
 * `17-formula-title` (titles that are formulas). An arXiv paper's page shows its authors and links to its
 * arXiv page; every paper gets its card, the build names no card with characters that no card font draws,
 * and the pages' previews read the formula titles as text. Which font draws which script is tested in
 * tests/unit/publish/og-card-scripts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';
import { copyProjectWithSources } from '../support/project-copy.ts';

const FIXTURES = resolve('tests/fixtures/real-world');
const CASES = ['03-arxiv-listing', '10-og-rtl-emoji', '17-formula-title'];
const SITE_URL = 'https://example.org/shelf/';
/** The list's own intro page (README, "Your own list"): its title and description name the site. */
const SITE_NAME = 'Scripts & Formulas';
const TAGLINE = 'A shelf of papers in many scripts.';

let dir: string;
let output: string;

beforeAll(() => {
  dir = copyProjectWithSources('cards', (sources) => {
    for (const name of CASES) cpSync(join(FIXTURES, name, 'input'), sources, { recursive: true });
  });
  writeFileSync(join(dir, 'content', 'pages', 'intro.mdx'), `---\ntitle: ${SITE_NAME}\ndescription: ${TAGLINE}\n---\n\nOur list.\n`);
  output = execFileSync(process.execPath, ['scripts/build.ts'], { cwd: dir, stdio: 'pipe', env: { ...process.env, SITE_URL } }).toString();
}, 300_000);

const papers = () => (JSON.parse(readFileSync(join(dir, 'dist', 'papers.json'), 'utf8')) as { papers: Array<{ slug: string; url: string; title: string }> }).papers;

describe('an arXiv listing paper (fixture 03)', () => {
  test('its page shows its authors and links to its arXiv page and PDF', () => {
    // The fixture's first record: arXiv:2403.01234, by these three authors (tests/fixtures/real-world/03-arxiv-listing/input).
    const paper = papers().find((p) => p.title === 'Contrastive Pretraining with Hard Negative Mining for Medical Images')!;
    const $ = load(readFileSync(join(dir, 'dist', paper.url), 'utf8'));
    expect($('.paper-authors').text()).toBe('Mira Okonkwo, Tomas Lindqvist, Priya Raman');
    const hrefs = $('.paper-links a').map((_, a) => $(a).attr('href')).get();
    expect(hrefs).toContain('https://arxiv.org/abs/2403.01234');
    expect(hrefs.some((h) => h.startsWith('https://arxiv.org/pdf/2403.01234'))).toBe(true);
    expect($('.find-paper').length).toBe(0);
  });
});

describe('cards of the real-world fixtures 03, 10 and 17', () => {
  test('every paper (3 + 3 + 3) has a 1200×630 card that its page points to', () => {
    expect(papers()).toHaveLength(9);
    for (const paper of papers()) {
      const card = join(dir, 'dist', 'og', 'papers', `${paper.slug}.png`);
      const png = readFileSync(card);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      const html = readFileSync(join(dir, 'dist', paper.url), 'utf8');
      expect(html).toContain(`<meta property="og:image" content="${SITE_URL}og/papers/${paper.slug}.png">`);
    }
  });

  test('no card has a character that no card font draws', () => {
    expect(output).toContain('og cards:');
    expect(output).not.toContain('no card font draws');
  });

  test('formula titles read as text in previews: E = mc², never E = mc2', () => {
    const titles = papers().map((p) => readFileSync(join(dir, 'dist', p.url), 'utf8').match(/<meta property="og:title" content="([^"]*)">/)![1]);
    expect(titles).toContain('E = mc²');
    expect(titles).toContain('ℓ₁-Regularised Regression with O(n log n) Updates');
    expect(titles.join('\n')).not.toMatch(/E = mc2|\$|\\[a-z]/);
  });
});

describe('a list with its own intro page', () => {
  test('the site is called by the intro title on every page, in link previews and in the feed', () => {
    const home = load(readFileSync(join(dir, 'dist', 'index.html'), 'utf8'));
    expect(home('h1').first().text()).toBe(SITE_NAME);
    expect(home('meta[name="description"]').attr('content')).toBe(TAGLINE);
    const paper = papers().find((p) => p.title === 'Contrastive Pretraining with Hard Negative Mining for Medical Images')!;
    const $ = load(readFileSync(join(dir, 'dist', paper.url), 'utf8'));
    expect($('.site-name').text().trim()).toBe(SITE_NAME);
    expect($('title').text()).toBe(`${paper.title} · ${SITE_NAME}`);
    expect($('meta[property="og:site_name"]').attr('content')).toBe(SITE_NAME);
    const rss = load(readFileSync(join(dir, 'dist', 'rss.xml'), 'utf8'), { xml: true });
    expect(rss('channel > title').text()).toBe(SITE_NAME);
    expect(rss('channel > description').text()).toBe(TAGLINE);
  });
});
