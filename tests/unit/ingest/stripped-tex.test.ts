/**
 * Math whose `\` and `$` were stripped in the paste (session 17: "computing the ell_infty local Lipschitz
 * constant", "defined by mathcal O_i(u) = sigmaleft( sum_j mathcal W_{ij} u …", "requires
 * mathcal{O}(1/epsilon^4) iterations" in the 10k bench corpus). The brief's rules: never a macro name in a
 * derived title, a subtitle or a tag, never title-cased ("Ell_infty"); restored as math where the reading is
 * unambiguous ("mathcal O" yes), never an ordinary word that is also a macro name ("left", "sum", "max",
 * "det", "log", "min" in prose).
 */
import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import type { SourcePath } from '../../../src/core/issue.ts';
import { cleanAbstract, cleanTitle, toPlainText } from '../../../src/ingest/clean-text.ts';
import { contextDefects } from '../../../src/ingest/title/context-defects.ts';
import { renderAbstract } from '../../../src/site/markdown/abstract-html.ts';
import { ingestSources } from '../../support/ingest-fixtures.ts';

const cleaned = (text: string) => toPlainText(cleanAbstract(text).nodes);

describe('stripped math in running text', () => {
  test.each([
    ['the ell_infty local Lipschitz constant', 'the $\\ell_\\infty$ local Lipschitz constant'],
    ['is defined by mathcal O_i(u) = sigmaleft( sum_j mathcal W_{ij} u + mathcal B_{ij}right). Next', 'is defined by $\\mathcal O_i(u) = \\sigma\\left( \\sum_j \\mathcal W_{ij} u + \\mathcal B_{ij}\\right)$. Next'],
    ['requires mathcal{O}(1/epsilon^4) iterations', 'requires $\\mathcal{O}(1/\\epsilon^4)$ iterations'],
    ['an obstacle in mathbb{R}^3 and', 'an obstacle in $\\mathbb{R}^3$ and'],
    ['the estimator hat{beta} is normal', 'the estimator $\\hat{\\beta}$ is normal'],
    ['a sphere in {mathbb R}^n, we compare', 'a sphere in ${\\mathbb R}^n$, we compare'],
    ['a step of frac12 and any varepsilon>0 accuracy', 'a step of $\\frac12$ and any $\\varepsilon>0$ accuracy'],
    ['bounded by o(sqrt[3]{log n}) then', 'bounded by $o(\\sqrt[3]{\\log n})$ then'],
    ['the ell_1-based smoothing (within O(varepsilon^{-1})).', 'the $\\ell_1$-based smoothing (within $O(\\varepsilon^{-1})$).'],
  ])('%s', (input, expected) => {
    expect(cleaned(input)).toBe(expected);
  });

  test.each([
    'The left hemisphere and the right one differ.',
    'We sum the scores, take the max and the min over folds, and report the log of the det of the covariance.',
    'An epsilon-greedy policy with alpha decay; the Phi-3 model; approx. 5% faster; the 4th run took 10min.',
    'We set max_length to 512, call log_softmax, and link https://github.com/org/repo/tree/master/models/x.',
  ])('leaves prose and identifiers as they are: %s', (input) => {
    expect(cleaned(input)).toBe(input);
  });

  test('a title keeps restored math as TeX between dollars, never title-cased', () => {
    expect(cleanTitle('Computing the ell_infty Local Lipschitz Constant')).toBe('Computing the $\\ell_\\infty$ Local Lipschitz Constant');
    // A title that is one formula and nothing else is restored too.
    expect(cleanTitle('mathcal{O}(1/epsilon^4)')).toBe('$\\mathcal{O}(1/\\epsilon^4)$');
  });

  test('a title part cut where its phrase goes on into math is a cut phrase', () => {
    const abstract = 'We develop a framework for computing the $\\ell_\\infty$ local Lipschitz constant via a novel $\\ell_1$ surrogate. A framework for images helps.';
    expect(contextDefects('A Framework for Computing', abstract)).toContain('cut-phrase');
    expect(contextDefects('Latency via a Novel', abstract)).toContain('cut-phrase');
    expect(contextDefects('A Framework for Images', abstract)).not.toContain('cut-phrase');
  });
});

/** Abstracts of several fields in the shape the bench corpus has them, one a line, without titles. */
const OPERATOR = 'The output of the i-th neuron in a nonlinear operator layer is defined by mathcal O_i(u) = sigmaleft( sum_j mathcal W_{ij} u + mathcal B_{ij}right).';
const ABSTRACTS = [
  `We develop an efficient framework for computing the ell_infty local Lipschitz constant of a neural network by tightly bounding the norm of the Clarke Jacobian. ${OPERATOR}`,
  `We introduce neural operators that learn maps between function spaces for partial differential equations. ${OPERATOR} Here, mathcal W_{ij} denotes the bounded linear operator connecting the j-th input neuron to the i-th output neuron.`,
  `We study operator learning with attention for solving parametric partial differential equations on irregular meshes. ${OPERATOR} The bias mathcal B_{ij} takes the form of a function rather than a scalar.`,
  'We study the scattering of electromagnetic waves by a bounded obstacle in mathbb{R}^3 and prove uniqueness of the solution. The field satisfies the Helmholtz equation in mathbb{R}^3 outside the obstacle, and the scattered wave decays like mathcal{O}(1/r) at infinity.',
  'We study acoustic scattering by a penetrable inhomogeneous medium in mathbb{R}^3 and prove stability of the inverse problem. The far-field pattern determines the refractive index in mathbb{R}^3 uniquely.',
  'We propose a debiased lasso estimator hat{beta} for high-dimensional linear regression and show that hat{beta} is asymptotically normal. Confidence intervals based on hat{beta} have nominal coverage when the design is sub-Gaussian.',
  'We propose a robust estimator hat{beta} for linear regression with heavy-tailed noise and show that hat{beta} attains the minimax rate. Simulations confirm the coverage of intervals built on hat{beta}.',
  'We prove that our stochastic bilevel algorithm requires mathcal{O}(1/epsilon^4) iterations to find an epsilon-stationary point of a nonconvex objective, for any given varepsilon>0 accuracy.',
  'We show that our stochastic bilevel method requires mathcal{O}(1/epsilon^4) iterations under unbounded smoothness, for any given varepsilon>0 accuracy of the hypergradient.',
];
/** Letters of a macro name read as a word, or a sub/superscript outside math. */
const TEX_WORDS = /\b(?:ell|infty|mathcal|mathbb|sigmaleft|sigma|hat|beta|frac|varepsilon|sqrt)\b|[_^{}]/i;
const outsideMath = (text: string) => text.replace(/\$[^$]*\$/g, ' ');

describe('ingesting abstracts with stripped math (ML, physics, statistics, optimisation)', () => {
  const out = ingestSources([{ path: 'content/sources/stripped.txt' as SourcePath, bytes: Buffer.from(ABSTRACTS.join('\n\n')), fromFolder: true }]);

  test('derives every title', () => {
    expect(out.papers.map((p) => p.derivedTitle)).toEqual(ABSTRACTS.map(() => true));
  });

  test('puts no macro name and no script in a derived title or subtitle', () => {
    for (const paper of out.papers) expect(outsideMath(paper.title)).not.toMatch(TEX_WORDS);
  });

  test('puts none in a tag', () => {
    const tags = out.papers.flatMap((p) => p.tags);
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).not.toMatch(TEX_WORDS);
  });

  test('keeps the math in the abstract as TeX for KaTeX', () => {
    const bodies = out.papers.map((p) => p.body).join('\n');
    for (const math of ['$\\ell_\\infty$', '$\\mathbb{R}^3$', '$\\hat{\\beta}$', '$\\mathcal{O}(1/\\epsilon^4)$', '$\\varepsilon>0$', '$\\mathcal W_{ij}$']) expect(bodies).toContain(math);
    for (const paper of out.papers) expect(outsideMath(paper.body)).not.toMatch(/\b(?:ell|infty|mathcal|mathbb|sigmaleft|varepsilon)\b/);
  });

  test('the page typesets it with KaTeX', async () => {
    const physics = out.papers.find((p) => p.body.includes('Helmholtz'))!;
    const html = load(await renderAbstract(physics.body));
    expect(html('.katex').length).toBe(3);
    expect(html('.katex-error').length).toBe(0);
  });
});
