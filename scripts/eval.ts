/**
 * npm run eval — measures the tagging against the annotators of tests/fixtures/gold/ (topic ARI, tag
 * concept F1, as defined in its README): gold-80.json within the seed list, and gold-cross-100.json
 * organized as one list of exactly its papers (ARI within each field); then hygiene figures for the
 * seed list and for the real dumps of other fields; last, derived titles (scripts/lib/title-eval.ts).
 * `npm run eval -- --help` for the options.
 */
import { readFileSync } from 'node:fs';
import type { SourcePath } from '../src/core/issue.ts';
import { ingestSources, seedSources, sourcesIn } from '../tests/support/ingest-fixtures.ts';
import { classifyPapers, parseTaxonomy, relatedPapers, type Classification, type ClassifyInput, type Taxonomy } from '../src/ingest/classify/index.ts';
import { labelHygiene } from './lib/label-hygiene.ts';
import { fragmentTags } from './lib/tag-fragments.ts';
import { titleEvaluation } from './lib/title-eval.ts';
import { readCommandLine } from './lib/command-line.ts';

interface GoldLabel {
  topic: string;
  tags: string[];
  derivedTitle?: string;
}
interface GoldPaper {
  field?: string;
  title: string | null;
  abstract: string;
  A: GoldLabel;
  B: GoldLabel;
}

const HELP = `Usage: npm run eval -- [options]

Measures topics and tags against the two annotators of tests/fixtures/gold/ (topic ARI, tag concept F1),
hygiene figures for the seed list and the real dumps of other fields, and derived titles against real ones.

  --topics        also list the topics with their sizes and top tags
  --speed DIR     also time classify + related on the dumps in DIR (e.g. a corpus from make-corpus.mjs)
  --titles        list every derived title beside the real one
  --no-titles     topics and tags only (half the time, for tuning them)
  --no-taxonomy   with an empty taxonomy (topics from the papers alone)
  --errors        list the tune half's papers: our topic and tags beside annotators A and B
  --help          this text`;

const flag = { type: 'boolean' } as const;
const { values: args } = readCommandLine('eval', HELP, { topics: flag, speed: { type: 'string' }, titles: flag, 'no-titles': flag, 'no-taxonomy': flag, errors: flag });
const showTopics = args.topics === true;
const speedDir = args.speed;

const taxonomyFile = 'content/taxonomy.yaml';
// --no-taxonomy: topics and tags from the papers alone, as on a list of a field the taxonomy does not know.
const parsed = parseTaxonomy(args['no-taxonomy'] ? 'topics: []\ntags: {}\nstop-tags: []\n' : readFileSync(taxonomyFile, 'utf8'), taxonomyFile);
if (!parsed.ok) {
  console.error(parsed.error);
  process.exit(1);
}
const taxonomy = parsed.taxonomy;

const asInput = (p: { id: string; title: string; abstract: string }): ClassifyInput => ({ id: p.id, title: p.title, abstract: p.abstract });
const seeds = ingestSources(seedSources()).papers.map(asInput);
const seedLabels = classifyPapers(seeds, taxonomy);

// --- gold ---------------------------------------------------------------------------------------
const gold = JSON.parse(readFileSync('tests/fixtures/gold/gold-80.json', 'utf8')) as { papers: GoldPaper[] };
const norm = (s: string) => s.toLowerCase().replace(/\{\\[a-z]+\}/g, '').replace(/[^a-z0-9]+/g, '');
const byTitle = new Map(seeds.map((p) => [norm(p.title), p]));
const byAbstract = seeds.map((p) => ({ key: norm(p.abstract).slice(0, 120), p }));
const matched = gold.papers.map((g) => {
  const t = g.title ? byTitle.get(norm(g.title)) : undefined;
  if (t) return t;
  const a = norm(g.abstract).slice(0, 120);
  const hit = byAbstract.find((x) => x.key.slice(0, 60) === a.slice(0, 60));
  if (!hit) throw new Error(`gold paper not found among the seeds: ${g.title ?? g.abstract.slice(0, 60)}`);
  return hit.p;
});

const STOP = new Set('of for and the a an in on with to via by'.split(' '));
function conceptWords(tag: string): Set<string> {
  return new Set(
    tag
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !STOP.has(w))
      .map((w) =>
        w.endsWith('ies') && w.length > 4 ? w.slice(0, -3) + 'y' : /(sses|xes|ches|shes)$/.test(w) ? w.slice(0, -2) : w.endsWith('s') && !w.endsWith('ss') && w.length > 3 ? w.slice(0, -1) : w,
      ),
  );
}
function tagsMatch(a: string, b: string): boolean {
  const x = conceptWords(a);
  const y = conceptWords(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  if (!x.size || !y.size) return false;
  return shared === x.size || shared === y.size || shared / (x.size + y.size - shared) >= 0.5;
}
/** Concept F1 averaged over papers, with the mean precision and recall behind it. */
function tagF1(product: string[][], reference: string[][]): { f1: number; precision: number; recall: number } {
  let f1 = 0;
  let precisions = 0;
  let recalls = 0;
  product.forEach((mine, i) => {
    const ref = reference[i]!;
    const recall = ref.filter((r) => mine.some((m) => tagsMatch(m, r))).length / ref.length;
    const precision = mine.length ? mine.filter((m) => ref.some((r) => tagsMatch(m, r))).length / mine.length : 0;
    f1 += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    precisions += precision;
    recalls += recall;
  });
  return { f1: f1 / product.length, precision: precisions / product.length, recall: recalls / product.length };
}
function ari(a: string[], b: string[]): number {
  const choose2 = (x: number) => (x * (x - 1)) / 2;
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  a.forEach((x, i) => {
    const y = b[i]!;
    cells.set(`${x}\u0000${y}`, (cells.get(`${x}\u0000${y}`) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
  });
  const index = [...cells.values()].reduce((s, c) => s + choose2(c), 0);
  const sumRows = [...rows.values()].reduce((s, c) => s + choose2(c), 0);
  const sumCols = [...cols.values()].reduce((s, c) => s + choose2(c), 0);
  const expected = (sumRows * sumCols) / choose2(a.length);
  const max = (sumRows + sumCols) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** [homogeneity, completeness] of the partition `mine` against `ref` (Rosenberg & Hirschberg 2007, V-measure). */
function homogeneityCompleteness(mine: string[], ref: string[]): [number, number] {
  const n = mine.length;
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const entropy = (m: Map<string, number>) => [...m.values()].reduce((s, c) => s - (c / n) * Math.log(c / n), 0);
  const joint = entropy(count(mine.map((x, i) => `${x}\u0000${ref[i]}`)));
  const [hm, hr] = [entropy(count(mine)), entropy(count(ref))];
  // H(ref | mine) = H(joint) − H(mine); H(mine | ref) = H(joint) − H(ref).
  return [hr ? 1 - (joint - hm) / hr : 1, hm ? 1 - (joint - hr) / hm : 1];
}

/**
 * How much one paper weighs in an ARI: the mean change of ARI(mine, ref) when one paper moves to
 * another of `mine`'s topics, over every paper and topic. On the held-out halves (21-39 papers) it is
 * 0.04-0.07, so a change smaller than this is one paper or less: noise, not a better method.
 */
function onePaperSwing(mine: string[], ref: string[]): number {
  const base = ari(mine, ref);
  const topics = [...new Set(mine)];
  let sum = 0;
  let count = 0;
  mine.forEach((own, i) => {
    for (const other of topics) {
      if (other === own) continue;
      const moved = mine.slice();
      moved[i] = other;
      sum += Math.abs(ari(moved, ref) - base);
      count++;
    }
  });
  return count ? sum / count : 0;
}

// A fixed split by title hash: "tune" is the half looked at while tuning, "held-out" the other.
const half = gold.papers.map((g) => (hash(g.title ?? g.abstract) % 2 === 0 ? 'tune' : 'held-out'));
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const mine = matched.map((p) => seedLabels.get(p.id)!);
const row = (name: string, pick: (i: number) => boolean) => {
  const idx = gold.papers.map((_, i) => i).filter(pick);
  const t = (who: 'A' | 'B') => ari(idx.map((i) => mine[i]!.topic), idx.map((i) => gold.papers[i]![who].topic));
  const f = (who: 'A' | 'B') => tagF1(idx.map((i) => mine[i]!.tags), idx.map((i) => gold.papers[i]![who].tags));
  const human = ari(idx.map((i) => gold.papers[i]!.A.topic), idx.map((i) => gold.papers[i]!.B.topic));
  const humanF = tagF1(idx.map((i) => gold.papers[i]!.A.tags), idx.map((i) => gold.papers[i]!.B.tags)).f1;
  const [fa, fb] = [f('A'), f('B')];
  const pr = (x: { precision: number; recall: number }) => `P ${x.precision.toFixed(2)} R ${x.recall.toFixed(2)}`;
  const swing = onePaperSwing(idx.map((i) => mine[i]!.topic), idx.map((i) => gold.papers[i]!.A.topic));
  // Homogeneity/completeness as for gold-cross below: whether a low ARI comes from merging or splitting.
  const hc = (who: 'A' | 'B') => homogeneityCompleteness(idx.map((i) => mine[i]!.topic), idx.map((i) => gold.papers[i]![who].topic)).map((x) => x.toFixed(2)).join('/');
  console.log(
    `${name.padEnd(16)} ${String(idx.length).padStart(3)}  ARI vs A ${t('A').toFixed(3)}  vs B ${t('B').toFixed(3)}  (A vs B ${human.toFixed(3)}; one paper ±${swing.toFixed(3)})   ` +
      `tag F1 vs A ${fa.f1.toFixed(3)}  vs B ${fb.f1.toFixed(3)}  (A vs B ${humanF.toFixed(3)})   [vs A ${pr(fa)}, vs B ${pr(fb)}]   ` +
      `${new Set(idx.map((i) => mine[i]!.topic)).size} topics, homogeneity/completeness vs A ${hc('A')}, vs B ${hc('B')}`,
  );
};
console.log('Gold papers (tests/fixtures/gold/gold-80.json)');
row('all', () => true);
row('tune half', (i) => half[i] === 'tune');
row('held-out half', (i) => half[i] === 'held-out');

// --- cross-field gold: its 100 papers as one reading list -----------------------------------------
// As the annotators worked: titled papers as a listing dump (title line, abstract line), untitled
// ones as a bare dump (one abstract a line), through the whole ingest, so derived titles count too.
const cross = JSON.parse(readFileSync('tests/fixtures/gold/gold-cross-100.json', 'utf8')) as { papers: GoldPaper[] };
const listing = cross.papers.filter((g) => g.title).map((g) => `${g.title}\n${g.abstract}\n`).join('');
const bare = cross.papers.filter((g) => !g.title).map((g) => `${g.abstract}\n`).join('');
const crossPapers = ingestSources([
  { path: 'gold-cross/listing.txt' as SourcePath, bytes: new TextEncoder().encode(listing) },
  { path: 'gold-cross/bare.txt' as SourcePath, bytes: new TextEncoder().encode(bare) },
]).papers.map(asInput);
if (crossPapers.length !== cross.papers.length) throw new Error(`gold-cross-100 ingested as ${crossPapers.length} papers, not ${cross.papers.length}`);
const crossLabels = classifyPapers(crossPapers, taxonomy);
const crossByAbstract = crossPapers.map((p) => ({ key: norm(p.abstract).slice(0, 60), p }));
const crossMine = cross.papers.map((g) => {
  const key = norm(g.abstract).slice(0, 60);
  const hit = crossByAbstract.find((x) => x.key === key);
  if (!hit) throw new Error(`gold-cross paper not found after the ingest: ${g.title ?? g.abstract.slice(0, 60)}`);
  return crossLabels.get(hit.p.id)!;
});
const crossHalf = cross.papers.map((g) => (hash(g.title ?? g.abstract) % 2 === 0 ? 'tune' : 'held-out'));
console.log('\nCross-field gold as one list (tests/fixtures/gold/gold-cross-100.json)');
for (const field of [...new Set(cross.papers.map((g) => g.field!))].sort()) {
  const idx = cross.papers.map((_, i) => i).filter((i) => cross.papers[i]!.field === field);
  const t = (who: 'A' | 'B') => ari(idx.map((i) => crossMine[i]!.topic), idx.map((i) => cross.papers[i]![who].topic));
  const human = ari(idx.map((i) => cross.papers[i]!.A.topic), idx.map((i) => cross.papers[i]!.B.topic));
  const topics = new Set(idx.map((i) => crossMine[i]!.topic)).size;
  console.log(`topic ARI within ${field.padEnd(12)} ${String(idx.length).padStart(3)}  vs A ${t('A').toFixed(3)}  vs B ${t('B').toFixed(3)}  (A vs B ${human.toFixed(3)})   ${topics} product topics`);
  // The same fixed split by hash as the tags below: the partition of each half's papers.
  for (const name of ['tune', 'held-out'] as const) {
    const part = idx.filter((i) => crossHalf[i] === name);
    const h = (who: 'A' | 'B') => ari(part.map((i) => crossMine[i]!.topic), part.map((i) => cross.papers[i]![who].topic));
    const hh = ari(part.map((i) => cross.papers[i]!.A.topic), part.map((i) => cross.papers[i]!.B.topic));
    const swing = onePaperSwing(part.map((i) => crossMine[i]!.topic), part.map((i) => cross.papers[i]!.A.topic));
    // Homogeneity (1: no product topic mixes an annotator's topics) and completeness (1: no
    // annotator's topic is split across product topics), Rosenberg & Hirschberg's V-measure parts:
    // whether a low ARI comes from merging or from splitting.
    const hc = (who: 'A' | 'B') => homogeneityCompleteness(part.map((i) => crossMine[i]!.topic), part.map((i) => cross.papers[i]![who].topic)).map((x) => x.toFixed(2)).join('/');
    console.log(`  ${name.padEnd(9)} ${String(part.length).padStart(3)}                  vs A ${h('A').toFixed(3)}  vs B ${h('B').toFixed(3)}  (A vs B ${hh.toFixed(3)}; one paper ±${swing.toFixed(3)})   ${new Set(part.map((i) => crossMine[i]!.topic)).size} topics, homogeneity/completeness vs A ${hc('A')}, vs B ${hc('B')}`);
  }
}
{
  const all = cross.papers.map((_, i) => i);
  const f = (who: 'A' | 'B') => tagF1(all.map((i) => crossMine[i]!.tags), all.map((i) => cross.papers[i]![who].tags));
  const humanF = tagF1(all.map((i) => cross.papers[i]!.A.tags), all.map((i) => cross.papers[i]!.B.tags)).f1;
  const [fa, fb] = [f('A'), f('B')];
  const pr = (x: { precision: number; recall: number }) => `P ${x.precision.toFixed(2)} R ${x.recall.toFixed(2)}`;
  console.log(`tag F1 (all ${all.length})              vs A ${fa.f1.toFixed(3)}  vs B ${fb.f1.toFixed(3)}  (A vs B ${humanF.toFixed(3)})   [vs A ${pr(fa)}, vs B ${pr(fb)}]`);
  // The same fixed split by hash as gold-80: tune on one half, check progress on the other.
  for (const name of ['tune', 'held-out'] as const) {
    const idx = all.filter((i) => crossHalf[i] === name);
    const g = (who: 'A' | 'B') => tagF1(idx.map((i) => crossMine[i]!.tags), idx.map((i) => cross.papers[i]![who].tags));
    const h = tagF1(idx.map((i) => cross.papers[i]!.A.tags), idx.map((i) => cross.papers[i]!.B.tags)).f1;
    const [ga, gb] = [g('A'), g('B')];
    console.log(`tag F1 ${name.padEnd(9)} ${String(idx.length).padStart(3)}      vs A ${ga.f1.toFixed(3)}  vs B ${gb.f1.toFixed(3)}  (A vs B ${h.toFixed(3)})   [vs A ${pr(ga)}, vs B ${pr(gb)}]`);
  }
}
hygiene('Cross-field gold list', crossPapers, crossLabels);

// --- hygiene ------------------------------------------------------------------------------------
function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
function hygiene(name: string, papers: ClassifyInput[], labels: Map<string, Classification>): void {
  const h = labelHygiene(papers, labels);
  const { topics, tagsPerPaper: perPaper, tagUse } = h;
  const n = h.papers;
  console.log(`\n${name}: ${n} papers`);
  console.log(`  topics ${topics.size}, largest topic share ${pct(h.largestTopicShare)}, catch-all share ${pct(h.catchAllShare)}`);
  console.log(
    `  tags per paper min ${perPaper[0]} / median ${perPaper[Math.floor(n / 2)]} / max ${perPaper[n - 1]}, ` +
      `distinct tags ${tagUse.size}, used by ≥2 papers ${pct(h.sharedTagShare)}, untagged papers ${perPaper.filter((c) => c === 0).length}`,
  );
  const fragments = fragmentTags(tagUse.keys(), papers.map((p) => `${p.title}. ${p.abstract}`));
  const kinds = [...fragments].map(([kind, tags]) => `${kind} ${tags.length} (${tags.slice(0, 4).join(', ')})`);
  console.log(`  fragment tags ${[...fragments.values()].reduce((s, t) => s + t.length, 0)}${kinds.length ? `: ${kinds.join('; ')}` : ''}`);
  if (showTopics) {
    for (const [topic, count] of [...topics].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      const tags = new Map<string, number>();
      for (const p of papers) if (labels.get(p.id)!.topic === topic) for (const t of labels.get(p.id)!.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
      const top = [...tags].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 6).map(([t]) => t);
      console.log(`    ${String(count).padStart(5)}  ${topic}  — ${top.join(', ')}`);
    }
  }
}

hygiene('Seed reading list (content/sources)', seeds, seedLabels);
const real = ingestSources(sourcesIn('tests/fixtures/real-dumps', (name) => name.endsWith('.txt'))).papers.map(asInput);
hygiene('Real dumps of other fields (tests/fixtures/real-dumps: ACL 2023, EMNLP 2023, MEDLINE)', real, classifyPapers(real, taxonomy));

if (speedDir) speed(speedDir, taxonomy);

// --- derived titles (issue 13) -------------------------------------------------------------------
if (!args['no-titles']) titleEvaluation(args.titles === true);

function speed(dir: string, tax: Taxonomy): void {
  const papers = ingestSources(sourcesIn(dir)).papers.map(asInput);
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const labels = classifyPapers(papers, tax);
  const t1 = performance.now();
  relatedPapers(papers, labels);
  const t2 = performance.now();
  const rss = process.memoryUsage().rss;
  console.log(
    `\nSpeed on ${papers.length} papers of ${dir}: classify ${((t1 - t0) / 1000).toFixed(2)} s + related ${((t2 - t1) / 1000).toFixed(2)} s ` +
      `= ${((t2 - t0) / 1000).toFixed(2)} s; RSS ${(rss / 2 ** 20).toFixed(0)} MB (${((rss - before) / 2 ** 20).toFixed(0)} MB above the ingested input)`,
  );
}

if (args.errors) {
  // Error analysis on the tune half only; the held-out half stays unseen.
  gold.papers.forEach((g, i) => {
    if (half[i] !== 'tune') return;
    console.log(`\n${matched[i]!.title.slice(0, 90)}\n  topic: ${mine[i]!.topic}  | A: ${g.A.topic} | B: ${g.B.topic}`);
    console.log(`  mine: ${mine[i]!.tags.join('; ')}\n  A:    ${g.A.tags.join('; ')}\n  B:    ${g.B.tags.join('; ')}`);
  });
  cross.papers.forEach((g, i) => {
    if (crossHalf[i] !== 'tune') return;
    console.log(`\n[cross ${g.field}] ${(g.title ?? g.abstract).slice(0, 90)}\n  topic: ${crossMine[i]!.topic}  | A: ${g.A.topic} | B: ${g.B.topic}`);
    console.log(`  mine: ${crossMine[i]!.tags.join('; ')}\n  A:    ${g.A.tags.join('; ')}\n  B:    ${g.B.tags.join('; ')}`);
  });
}
