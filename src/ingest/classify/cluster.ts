/**
 * Hierarchical (agglomerative) clustering of papers' TF-IDF vectors with Ward's criterion, the
 * standard choice for document clustering when the number of groups is small and not known in
 * advance (Manning, Raghavan & Schütze, *Introduction to Information Retrieval*, ch. 17). Unlike
 * k-means it needs no random start, and the whole merge tree is kept, so a topic that comes out too
 * large is split along the tree instead of re-clustered.
 *
 * Measured against the alternatives on gold-cross (the WordNet vectors of each field's 50 papers, ARI
 * vs A / vs B at 10 groups; session 5): Ward then 3 k-means steps (`refine`) biomedicine 0.351/0.365,
 * NLP 0.231/0.183 (at 8: 0.343/0.259); Ward alone 0.209/0.206; spherical k-means, mean of 8 seeds,
 * 0.222/0.232 and 0.148/0.122; average link on cosine 0.219/0.231 and 0.306/0.278 (with refine
 * 0.247/0.258, 0.173/0.155); Ward with 20 refine steps 0.323/0.358. Ward + refine stays.
 *
 * Session 10, with an empty taxonomy (`npm run eval -- --no-taxonomy`, where every topic is
 * clustered; with the shipped one the gold partitions barely pass through here, topics.ts), from
 * gold-80 0.312/0.300 (tune 0.244/0.241, held-out 0.421/0.346), biomedicine 0.350/0.354 (tune
 * 0.664/0.635, held-out 0.200/0.209), NLP 0.339/0.276 (tune 0.339/0.298, held-out 0.261/0.200):
 * - Ward + refine on a spectral embedding (Ng, Jordan & Weiss 2001: the k leading eigenvectors of
 *   the normalized affinity of the cosine graph of each paper's m nearest neighbours, rows at unit
 *   length), m 10 (scikit-learn's default): gold-80 0.375/0.335 (held-out 0.598/0.480), biomedicine
 *   0.379/0.392 (held-out 0.218/0.227), NLP 0.344/0.267 (tune 0.313/0.221, held-out 0.271/0.314);
 *   but m 5/8/12/15/20 give held-out gold-80 0.461-0.561 vs A, biomedicine 0.121-0.214, NLP
 *   0.089-0.314 (at 8, the best tune sum, NLP held-out 0.089/0.103): only the gold-80 gain holds
 *   across m, and an m x m neighbour graph per field would also need the leaves (MAX_LEAVES) at 10k.
 *   Not kept; the lead worth a larger gold set.
 * - The papers' tags (idf, L2) mixed into the words at weight 0.3/0.5 for a field's clustering: NLP
 *   0.035/0.060, 0.055/0.055, biomedicine 0.161/0.192, 0.188/0.218 (words alone, without WordNet,
 *   0.335/0.343 and 0.223/0.249): shared generic tags ("language models") make a field's papers alike.
 *
 * Session 12, not kept (empty taxonomy, same starting figures): consensus clustering by evidence
 * accumulation (Fred & Jain 2005), against the instability session 8 measured (vectors.ts): Ward +
 * refine run R times on random subspaces of the features (a share kept, seeded), each paper's row of
 * co-association (share of runs with each other paper) its vector for the final Ward + refine, in
 * parts of up to 400 papers. R 10, keep 0.7: gold-80 0.324/0.297 (held-out 0.480/0.389), biomedicine
 * 0.280/0.285 (0.179/0.187), NLP 0.344/0.311 (0.227/0.317); the tree from co-association, joins and
 * refine on the words: biomedicine held-out 0.124/0.151, NLP 0.124/0.129; R 20, keep 0.5 / 0.85:
 * biomedicine held-out 0.137/0.145, 0.166/0.174, NLP 0.056/0.066, 0.172/0.170. The held-out halves
 * swing as much as with one run.
 *
 * Session 13, not kept (empty taxonomy, same starting figures): a field's k chosen by the mean
 * silhouette (cosine distance, Rousseeuw 1987) of the Ward + refine cut, among its share of the
 * topics and up to 4 fewer (the budget caps it above): gold-80 and biomedicine unchanged (their
 * share wins), NLP 0.360/0.278 (held-out 0.236/0.219, tune 0.412/0.288; 8 topics for 9); among up
 * to 4 more as well: gold-80 0.317/0.266 (held-out 0.465/0.369), biomedicine 0.343/0.348 (held-out
 * 0.134/0.165), NLP 0.167/0.086 (held-out 0.172/0.170). On these sparse vectors the silhouette is
 * 0.04-0.08 at every k and grows with k: no elbow to choose by.
 *
 * Cost: the merge runs on the papers themselves up to MAX_LEAVES of them. A longer list is first
 * bisected into BISECT_LEAVES small groups by k-means (the usual "k-means, then agglomerate" scheme
 * for large collections), once per list; every merge tree of a part of it reuses those groups.
 *
 * Written here rather than imported: the npm hierarchical-clustering packages take a dense distance
 * matrix of the papers (10,000² doubles = 800 MB) or dense vectors, and know nothing of our sparse ones.
 */
import { addInto, dot, kmeans, type Vectors } from './vectors.ts';

/** Leaves of the merge tree; longer lists are grouped into this many parts first (see `leavesOf`). */
const MAX_LEAVES = 1024;
/**
 * A longer list is first bisected into this many groups. The merge costs grow with leaves × papers
 * (the inner products) and leaves² (the merges): measured on 10,000 papers, 1024 leaves took 12 s,
 * 256 leaves under 2 s; a leaf of 40 papers is still far finer than a topic (at most 20 topics).
 */
const BISECT_LEAVES = 256;
/** k-means iterations for each bisection (a split in two settles in a few). */
const BISECT_ITERATIONS = 5;

export interface MergeTree {
  /** Leaf of each paper. */
  readonly leafOf: Int32Array;
  readonly leaves: number;
  /** Merge i joined nodes left[i] and right[i] into node leaves + i (nodes < leaves are leaves). */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Papers under each node. */
  readonly size: Int32Array;
}

/**
 * Groups `members` (paper indexes) into at most MAX_LEAVES leaves; a paper is its own leaf in a short
 * list. Longer lists by bisecting k-means (Steinbach, Karypis & Kumar 2000): the largest group is
 * split in two until there are MAX_LEAVES. Two-level k-means (√L groups, then √L within each) was
 * measured at 170 s for 10,000 papers, because an unbalanced first split leaves one part with most
 * papers and most of the fine groups; bisecting costs about n·log₂(L) similarity computations.
 */
function leavesOf(v: Vectors, members: readonly number[]): number[] {
  const m = members.length;
  if (m <= MAX_LEAVES) return members.map((_, i) => i);
  // The whole list is bisected once; a subset (a field, a topic being split) reuses its leaves.
  let global = bisected.get(v);
  if (!global) {
    global = bisect(v, Array.from({ length: v.size }, (_, d) => d), BISECT_LEAVES);
    bisected.set(v, global);
  }
  const renumber = new Map<number, number>();
  return members.map((d) => {
    const leaf = global[d]!;
    if (!renumber.has(leaf)) renumber.set(leaf, renumber.size);
    return renumber.get(leaf)!;
  });
}
const bisected = new WeakMap<Vectors, Int32Array>();

/** A leaf number per paper of `members`: the largest group is split in two until there are `leaves` groups. */
function bisect(v: Vectors, members: readonly number[], leaves: number): Int32Array {
  const groups: number[][] = [members.map((_, i) => i)];
  const done: number[][] = [];
  while (groups.length + done.length < leaves && groups.length) {
    let largest = 0;
    for (let g = 1; g < groups.length; g++) if (groups[g]!.length > groups[largest]!.length) largest = g;
    const group = groups.splice(largest, 1)[0]!;
    const halves = kmeans(v, group.map((i) => members[i]!), 2, 7, BISECT_ITERATIONS);
    const [a, b] = [0, 1].map((h) => group.filter((_, j) => halves[j] === h));
    // Identical papers cannot be split: the group is a leaf.
    if (!a!.length || !b!.length) done.push(group);
    else groups.push(a!, b!);
  }
  const out = new Int32Array(v.size);
  [...groups, ...done].forEach((group, leaf) => group.forEach((i) => (out[members[i]!] = leaf)));
  return out;
}

/**
 * The full Ward merge tree of `members`. Deterministic: ties go to the lower node numbers.
 * Ward's cost of merging A and B is |A||B|/(|A|+|B|)·‖μA − μB‖², computed from the inner products
 * of the groups' vector sums, which a merge updates by addition (Lance–Williams).
 */
export function mergeTree(v: Vectors, members: readonly number[]): MergeTree {
  const leafOfMember = leavesOf(v, members);
  const leaves = Math.max(0, ...leafOfMember) + 1;
  const nodes = 2 * leaves - 1;
  const size = new Int32Array(Math.max(nodes, 1));
  leafOfMember.forEach((l) => size[l]!++);
  // S[a][b] = sum_a · sum_b over the active nodes; row of a merged node reuses the slot of its left child.
  const S = Array.from({ length: leaves }, () => new Float64Array(leaves));
  const byLeaf: number[][] = Array.from({ length: leaves }, () => []);
  members.forEach((d, i) => byLeaf[leafOfMember[i]!]!.push(d));
  // Each leaf's vector sum as a sparse vector, then S row by row against one dense sum at a time:
  // a leaf sum has far fewer entries than its papers together (shared words), measured 5× faster
  // than summing paper by paper at 10,000 papers.
  const sparse = byLeaf.map((papers) => {
    const acc = new Map<number, number>();
    for (const d of papers) for (let i = v.start[d]!; i < v.start[d + 1]!; i++) acc.set(v.ids[i]!, (acc.get(v.ids[i]!) ?? 0) + v.weights[i]!);
    return { ids: Int32Array.from(acc.keys()), weights: Float64Array.from(acc.values()) };
  });
  const sum = new Float64Array(v.dims);
  for (let b = 0; b < leaves; b++) {
    const sb = sparse[b]!;
    for (let i = 0; i < sb.ids.length; i++) sum[sb.ids[i]!] = sb.weights[i]!;
    for (let a = 0; a <= b; a++) {
      const sa = sparse[a]!;
      let s = 0;
      for (let i = 0; i < sa.ids.length; i++) s += sa.weights[i]! * sum[sa.ids[i]!]!;
      S[a]![b] = s;
      S[b]![a] = s;
    }
    for (let i = 0; i < sb.ids.length; i++) sum[sb.ids[i]!] = 0;
  }
  const slotNode = Int32Array.from({ length: leaves }, (_, i) => i);
  const active = new Uint8Array(leaves).fill(1);
  const n = new Float64Array(leaves);
  for (let a = 0; a < leaves; a++) n[a] = size[a]!;
  const cost = (a: number, b: number): number => {
    const na = n[a]!;
    const nb = n[b]!;
    const d2 = S[a]![a]! / (na * na) + S[b]![b]! / (nb * nb) - (2 * S[a]![b]!) / (na * nb);
    return ((na * nb) / (na + nb)) * Math.max(0, d2);
  };
  // Nearest neighbour of each active slot, refreshed when it merges away.
  const nearest = new Int32Array(leaves).fill(-1);
  const nearCost = new Float64Array(leaves).fill(Infinity);
  const refresh = (a: number): void => {
    nearest[a] = -1;
    nearCost[a] = Infinity;
    for (let b = 0; b < leaves; b++) {
      if (b === a || !active[b]) continue;
      const c = cost(a, b);
      if (c < nearCost[a]!) {
        nearCost[a] = c;
        nearest[a] = b;
      }
    }
  };
  for (let a = 0; a < leaves; a++) refresh(a);
  const left = new Int32Array(Math.max(0, leaves - 1));
  const right = new Int32Array(Math.max(0, leaves - 1));
  for (let step = 0; step < leaves - 1; step++) {
    let a = -1;
    for (let x = 0; x < leaves; x++) if (active[x] && (a < 0 || nearCost[x]! < nearCost[a]!)) a = x;
    const b = nearest[a]!;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    left[step] = Math.min(slotNode[lo]!, slotNode[hi]!);
    right[step] = Math.max(slotNode[lo]!, slotNode[hi]!);
    const node = leaves + step;
    size[node] = size[slotNode[lo]!]! + size[slotNode[hi]!]!;
    // The merged group lives in slot lo.
    const Slo = S[lo]!;
    const Shi = S[hi]!;
    const self = Slo[lo]! + Shi[hi]! + 2 * Slo[hi]!;
    for (let c = 0; c < leaves; c++) {
      if (!active[c] || c === lo || c === hi) continue;
      const s = Slo[c]! + Shi[c]!;
      Slo[c] = s;
      S[c]![lo] = s;
    }
    Slo[lo] = self;
    n[lo] = n[lo]! + n[hi]!;
    active[hi] = 0;
    slotNode[lo] = node;
    // Ward's cost only grows under merging for the groups that were nearest to lo or hi; others may
    // now be nearest to the merged group, which the pass over them below catches.
    for (let c = 0; c < leaves; c++) {
      if (!active[c] || c === lo) continue;
      if (nearest[c] === lo || nearest[c] === hi) refresh(c);
      else {
        const x = cost(c, lo);
        if (x < nearCost[c]! || (x === nearCost[c]! && lo < nearest[c]!)) {
          nearCost[c] = x;
          nearest[c] = lo;
        }
      }
    }
    refresh(lo);
  }
  return { leafOf: Int32Array.from(leafOfMember), leaves, left, right, size };
}

/**
 * Cuts the tree into groups: starting from the root, the largest group is split into its two
 * children while there are fewer than `k` groups holding at least `minSize` papers, or while a
 * group holds more than `maxSize` papers. A tree that never has k such groups is cut where it has
 * the most (the first such cut with no group over maxSize). Returns the tree nodes of the groups,
 * largest first.
 */
export function cutTree(tree: MergeTree, k: number, minSize: number, maxSize: number): number[] {
  const root = tree.leaves * 2 - 2;
  let groups = [root];
  const big = (g: number) => tree.size[g]! >= minSize;
  // The first cut with the most groups of minSize, once none is over maxSize: a tree with fewer than k
  // such groups anywhere (a short list: 23 papers, k 9, at most 8 pairs in its tree) would otherwise be
  // split down to its leaves, every paper a group below minSize, and all joined into one topic.
  let best: number[] | undefined;
  let bestCount = 0;
  let count = 0;
  for (;;) {
    const splittable = groups.filter((g) => g >= tree.leaves).sort((a, b) => tree.size[b]! - tree.size[a]! || b - a);
    const tooBig = splittable.find((g) => tree.size[g]! > maxSize);
    count = groups.filter(big).length;
    if (!tooBig && count > bestCount) [best, bestCount] = [groups, count];
    const next = tooBig ?? (count < k ? splittable[0] : undefined);
    if (next === undefined) break;
    const i = next - tree.leaves;
    groups = groups.filter((g) => g !== next).concat([tree.left[i]!, tree.right[i]!]);
  }
  if (count < bestCount) groups = best!;
  return groups.sort((a, b) => tree.size[b]! - tree.size[a]! || a - b);
}

/** The group (index into `groups`) of each member, or -1 for members under no listed group. */
export function membersOf(tree: MergeTree, groups: readonly number[], memberCount: number): Int32Array {
  const nodes = tree.leaves * 2 - 1;
  const groupOf = new Int32Array(nodes).fill(-1);
  groups.forEach((g, i) => (groupOf[g] = i));
  // Children are numbered below their parents, so one pass from the root down labels every node.
  for (let node = nodes - 1; node >= tree.leaves; node--) {
    const i = node - tree.leaves;
    if (groupOf[node]! >= 0) {
      groupOf[tree.left[i]!] = groupOf[tree.left[i]!]! >= 0 ? groupOf[tree.left[i]!]! : groupOf[node]!;
      groupOf[tree.right[i]!] = groupOf[tree.right[i]!]! >= 0 ? groupOf[tree.right[i]!]! : groupOf[node]!;
    }
  }
  const out = new Int32Array(memberCount);
  for (let i = 0; i < memberCount; i++) out[i] = groupOf[tree.leafOf[i]!]!;
  return out;
}

/**
 * Refines a partition of `members` by spherical k-means steps started from it (each paper moves to
 * the nearest group centroid, at most `rounds` times): a hierarchical merge never revisits a paper it
 * attached early to the wrong branch, and this moves such strays to the group they resemble most
 * (the usual "agglomerate, then refine" scheme). In place; no group shrinks below `minSize` papers
 * by it (a paper only leaves a group larger than that).
 */
export function refine(v: Vectors, members: readonly number[], groupOf: Int32Array, rounds: number, minSize = 1): void {
  const k = Math.max(0, ...groupOf) + 1;
  for (let round = 0; round < rounds; round++) {
    const sums = Array.from({ length: k }, () => new Float64Array(v.dims));
    const sizes = new Int32Array(k);
    members.forEach((d, i) => {
      addInto(v, d, sums[groupOf[i]!]!);
      sizes[groupOf[i]!]!++;
    });
    const norms = sums.map((s) => Math.sqrt(s.reduce((a, x) => a + x * x, 0)) || 1);
    let moved = 0;
    members.forEach((d, i) => {
      const own = groupOf[i]!;
      if (sizes[own]! <= minSize) return;
      // Leave-one-out for the paper's own group, so a group does not keep a paper merely by containing it.
      const self = dot(v, d, sums[own]!);
      const ownNorm = Math.sqrt(Math.max(1e-12, norms[own]! ** 2 - 2 * self + 1));
      let best = own;
      let top = (self - 1) / ownNorm;
      for (let g = 0; g < k; g++) {
        if (g === own || !sizes[g]) continue;
        const s = dot(v, d, sums[g]!) / norms[g]!;
        if (s > top) {
          top = s;
          best = g;
        }
      }
      if (best !== own) {
        groupOf[i] = best;
        sizes[own]!--;
        sizes[best]!++;
        moved++;
      }
    });
    if (!moved) break;
  }
}

/**
 * Fields of a list: the top of the merge tree is split while the two halves share little vocabulary
 * (their centroids' cosine below `maxCosine`) and both are at least `minSize` papers; then each
 * paper moves to the field whose centroid it resembles most (see `refine`), because Ward's criterion
 * attaches a paper unlike everything to the broadest group. Returns a field number per member.
 */
export function splitFields(v: Vectors, tree: MergeTree, members: readonly number[], maxCosine: number, minSize: number): Int32Array {
  const fields: number[] = [];
  const open = [tree.leaves * 2 - 2];
  while (open.length) {
    const node = open.pop()!;
    if (node < tree.leaves) {
      fields.push(node);
      continue;
    }
    const i = node - tree.leaves;
    const [l, r] = [tree.left[i]!, tree.right[i]!];
    if (tree.size[l]! < minSize || tree.size[r]! < minSize) {
      fields.push(node);
      continue;
    }
    const side = membersOf(tree, [l, r], members.length);
    const [cl, cr] = [0, 1].map((s) => {
      const c = new Float64Array(v.dims);
      members.forEach((d, j) => side[j] === s && addInto(v, d, c));
      return c;
    });
    let cos = 0;
    let nl = 0;
    let nr = 0;
    for (let j = 0; j < v.dims; j++) {
      cos += cl![j]! * cr![j]!;
      nl += cl![j]! * cl![j]!;
      nr += cr![j]! * cr![j]!;
    }
    if (cos / Math.sqrt(nl * nr || 1) < maxCosine) open.push(r, l);
    else fields.push(node);
  }
  const out = membersOf(tree, fields, members.length);
  refine(v, members, out, FIELD_REFINE_ROUNDS);
  return out;
}

/** k-means steps that settle papers between fields; measured: strays on the real dumps stop moving after 3. */
const FIELD_REFINE_ROUNDS = 5;
