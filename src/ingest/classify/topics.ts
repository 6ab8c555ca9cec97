/**
 * One topic per paper, found in the papers themselves: Ward's hierarchical clustering of their
 * TF-IDF vectors (cluster.ts), cut into 8–20 groups with none over a quarter of the list, each
 * named after the terms its papers share and the others' do not (naming.ts).
 *
 * The taxonomy is a refinement, not a crutch: the papers it fits (steer.ts) gain a shared feature per
 * taxonomy topic, which pulls them together in the clustering, and a group whose papers mostly carry
 * one taxonomy topic takes that topic's name. Papers it does not fit are clustered on their words only.
 */
import type { Corpus } from './corpus.ts';
import type { PaperTags } from './tags.ts';
import type { Taxonomy } from './taxonomy.ts';
import { cutTree, membersOf, mergeTree } from './cluster.ts';
import { nameGroups } from './naming.ts';
import { taxonomyLabels } from './steer.ts';
import { addInto, centroid, dot, selfDot, type Vectors } from './vectors.ts';

/** A reading list shows 8 to 20 topics (issue 19). */
const MIN_TOPICS = 8;
const MAX_TOPICS = 20;
/** Topics wanted: this times √(papers), so a 100-paper list gets 18 and 125 papers or more get 20. */
const TOPICS_PER_ROOT = 1.8;
/** A group smaller than this share of the list (and than 2 papers) is not a topic; its papers join the nearest. */
const MIN_TOPIC_SHARE = 0.01;
/** Lists shorter than this are not split for size (as before issue 19). */
const MIN_SPLIT_LIST = 50;
/** No topic may hold more than this share of the papers (issue 19). */
const MAX_SHARE = 0.25;
/** The taxonomy applies to a paper at least this similar to its keyword-labelled papers, as a share of a typical labelled paper's similarity. */
const REGION_SIMILARITY = 0.5;

/** Paper d's topic name at index d. Deterministic. */
export function assignTopics(corpus: Corpus, taxonomy: Taxonomy, vectors: Vectors, tags: readonly PaperTags[]): string[] {
  const n = corpus.size;
  if (!n) return [];
  const k = Math.max(MIN_TOPICS, Math.min(MAX_TOPICS, Math.round(TOPICS_PER_ROOT * Math.sqrt(n))));
  const minSize = Math.max(2, Math.round(MIN_TOPIC_SHARE * n));
  // A list of a few dozen papers may well be mostly about one thing: only longer lists are split for size.
  const maxSize = n < MIN_SPLIT_LIST ? n : Math.max(minSize, Math.floor(MAX_SHARE * n));
  // The taxonomy applies to the papers that resemble the papers its keywords clearly describe.
  const label = taxonomyLabels(corpus, taxonomy, vectors, (seeded) => {
    const seeds = Array.from(seeded.keys()).filter((d) => seeded[d]! >= 0);
    const sum = new Float64Array(vectors.dims);
    for (const d of seeds) addInto(vectors, d, sum);
    let norm2 = 0;
    for (const x of sum) norm2 += x * x;
    const norm = Math.sqrt(norm2) || 1;
    // Leave-one-out for the seeds themselves, so the scale is not set by each paper resembling itself.
    const sim = (d: number) => {
      const s = dot(vectors, d, sum);
      if (seeded[d]! < 0) return s / norm;
      const self = selfDot(vectors, d);
      return (s - self) / Math.sqrt(Math.max(1e-12, norm * norm - 2 * s + self));
    };
    const own = seeds.map(sim).sort((a, b) => a - b);
    const typical = own[Math.floor(own.length / 2)] ?? Infinity;
    return Uint8Array.from({ length: n }, (_, d) => (sim(d) >= REGION_SIMILARITY * typical ? 1 : 0));
  });
  // Papers the taxonomy does not label are clustered on their words, into the topics left over.
  const rest = Array.from(label.keys()).filter((d) => label[d]! < 0);
  const used = new Set(label.filter((t) => t >= 0)).size;
  const restK = Math.max(1, Math.min(MAX_TOPICS - used, Math.round(TOPICS_PER_ROOT * Math.sqrt(rest.length)), k));
  const restGroups = rest.length ? clusters(vectors, rest, restK, minSize, maxSize) : new Int32Array(0);
  const data = new Int32Array(n);
  rest.forEach((d, i) => (data[d] = restGroups[i]!));
  const key = Array.from(data, (g, d) => (label[d]! >= 0 ? -1 - label[d]! : g));
  const { groupOf, count } = renumber(Int32Array.from(key));
  const taxonomyOf = new Int32Array(count).fill(-1);
  key.forEach((x, d) => x < 0 && (taxonomyOf[groupOf[d]!] = -1 - x));

  // A group over the size limit (a taxonomy topic that is a whole field of this list) is split
  // into parts of the typical topic size, along its own merge tree.
  const typical = n / k;
  let groups = count;
  for (let g = 0; g < count; g++) {
    const members = Array.from(groupOf.keys()).filter((d) => groupOf[d] === g);
    if (members.length <= maxSize) continue;
    const parts = clusters(vectors, members, Math.max(2, Math.round(members.length / typical)), minSize, maxSize);
    taxonomyOf[g] = -1;
    members.forEach((d, i) => parts[i]! > 0 && (groupOf[d] = groups + parts[i]! - 1));
    groups += Math.max(...parts);
  }
  // Groups too small to browse (a few papers of the taxonomy's region that fit none of its topics)
  const sizes = new Int32Array(groups);
  for (const g of groupOf) sizes[g]!++;
  const all = Array.from({ length: n }, (_, d) => d);
  // join the nearest group, and so do the smallest groups beyond MAX_TOPICS.
  const bySize = Array.from(sizes.keys()).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const rank = new Int32Array(groups);
  bySize.forEach((g, i) => (rank[g] = i));
  joinNearest(vectors, all, groupOf, Array.from(sizes, (s, g) => s >= minSize && rank[g]! < MAX_TOPICS));
  const final = renumber(groupOf);
  const taxonomyName = new Array<string>(final.count).fill('');
  groupOf.forEach((g, d) => g < count && taxonomyOf[g]! >= 0 && (taxonomyName[final.groupOf[d]!] = taxonomy.topics[taxonomyOf[g]!]!.name));
  const unnamed = Int32Array.from(final.groupOf, (g) => (taxonomyName[g] ? -1 : g));
  const found = nameGroups(corpus, unnamed, final.count, tags.map((t) => t.names), new Set(taxonomy.topics.map((t) => t.name)));
  return Array.from(final.groupOf, (g) => taxonomyName[g] || found[g]!);
}

/** Ward clusters of `members` cut into about k groups of at least minSize and at most maxSize papers; a group number per member. */
function clusters(vectors: Vectors, members: readonly number[], k: number, minSize: number, maxSize: number): Int32Array {
  const tree = mergeTree(vectors, members);
  const groups = cutTree(tree, k, minSize, maxSize);
  const groupOf = membersOf(tree, groups, members.length);
  joinNearest(vectors, members, groupOf, groups.map((g) => tree.size[g]! >= minSize));
  return renumber(groupOf).groupOf;
}

/** Papers of the groups not kept join the kept group whose centroid is nearest (in place). */
function joinNearest(vectors: Vectors, members: readonly number[], groupOf: Int32Array, kept: readonly boolean[]): void {
  const keep = kept.flatMap((x, g) => (x ? [g] : []));
  if (!keep.length) return;
  const centers = keep.map((g) => centroid(vectors, members.filter((_, i) => groupOf[i] === g)));
  for (let i = 0; i < groupOf.length; i++) {
    if (kept[groupOf[i]!]) continue;
    const d = members[i]!;
    let best = 0;
    for (let j = 1; j < keep.length; j++) if (dot(vectors, d, centers[j]!) > dot(vectors, d, centers[best]!)) best = j;
    groupOf[i] = keep[best]!;
  }
}

/** Group numbers 0 … count − 1 in order of first appearance. */
function renumber(groupOf: Int32Array): { groupOf: Int32Array; count: number } {
  const map = new Map<number, number>();
  const out = Int32Array.from(groupOf, (g) => {
    if (!map.has(g)) map.set(g, map.size);
    return map.get(g)!;
  });
  return { groupOf: out, count: map.size };
}
