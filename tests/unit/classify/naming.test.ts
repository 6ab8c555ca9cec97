/**
 * Topic names as a librarian writes them (issue 19): never a term cut from a longer one ("Math Word"
 * of "math word problems", "Short-Term Memory" of "long short-term memory"), and never two names a
 * reader cannot tell apart ("Language Models" beside "Large Language Models").
 */
import { describe, expect, test } from 'vitest';
import { clashes } from '../../../src/ingest/classify/naming.ts';
import { librarianName } from '../../../src/ingest/classify/name-phrase.ts';

const papers = (...abstracts: string[]) => abstracts.map((abstract, i) => ({ id: `p${i}`, title: `Paper ${i}`, abstract }));

describe('a candidate term read where its papers write it', () => {
  test('is extended by the noun that follows it in most papers', () => {
    const texts = papers(
      'We solve math word problems with a language model and verify each step.',
      'A benchmark of math word problems for children shows where models fail.',
      'Solving math word problems needs arithmetic reasoning over several steps.',
    );
    expect(librarianName('math word', texts)).toBe('Math Word Problems');
  });

  test('is refused when the same modifier precedes it everywhere, even an everyday one the name may not take', () => {
    const texts = papers(
      'We train a long short-term memory network on speech and compare it with transformers.',
      'A long short-term memory cell gates what the network keeps from step to step.',
      'Stacked long short-term memory layers model the sequence of sensor readings.',
    );
    expect(librarianName('short-term memory', texts)).toBeNull();
    expect(librarianName('short-term memory', texts, 1, 0)).toBeNull();
  });

  test('keeps a term its papers qualify in different ways', () => {
    const texts = papers(
      'The host galaxies of long gamma-ray bursts are faint star-forming dwarfs.',
      'The afterglow of a short gamma-ray burst followed a gravitational-wave signal.',
    );
    expect(librarianName('gamma-ray bursts', texts)).toMatch(/^Gamma-Ray Bursts?$/);
  });

  test('keeps a species binomial as its papers write it: genus capitalised, epithet lowercase (issue 19 review: "Escherichia Coli")', () => {
    const texts = papers(
      'Escherichia coli cells lacking the chaperone grow slowly at high temperature.',
      'We measured the membrane potential of Escherichia coli during starvation.',
      'Biofilms of Escherichia coli resist antibiotics that kill planktonic cells.',
    );
    expect(librarianName('escherichia coli', texts)).toBe('Escherichia coli');
  });

  test('title-cases a name whose first word is capitalised only where it opens a title (session 14: "Prosodic phrasing")', () => {
    // One paper of the topic writes the term, and its title opens with it: the title is read first.
    const texts = [{ id: 'p0', title: 'Prosodic phrasing and intonation in Spanish declaratives', abstract: 'Intonation marks the prosodic phrasing of sentences in six dialects.' }];
    expect(librarianName('prosodic phrasing', texts, 1)).toBe('Prosodic Phrasing');
  });

  test('title-cases an everyday word after a proper name ("Poincaré Balls")', () => {
    const texts = papers('We embed trees in Poincaré balls of low dimension.', 'Hyperbolic layers map words into Poincaré balls.');
    expect(librarianName('poincaré balls', texts)).toBe('Poincaré Balls');
  });

  // Session 16: a psychology list's anxiety topic was "Cross-Lagged Panel Models Show", a cryosphere list's "Permafrost Thaw Releases".
  test('is not extended by the verb of its clause, which the tagger reads as a noun ("models show that", "thaw releases organic carbon")', () => {
    const models = papers(
      'Cross-lagged panel models show that poor arithmetic performance predicted later math anxiety.',
      'Random-intercept cross-lagged panel models show that test anxiety lowers exam scores.',
      'In cross-lagged panel models show that self-efficacy and anxiety are reciprocal.',
    );
    expect(librarianName('cross-lagged panel models', models)).toBe('Cross-Lagged Panel Models');
    const thaw = papers('Permafrost thaw releases organic carbon that was frozen for millennia.', 'Abrupt permafrost thaw releases organic carbon to Arctic rivers.');
    expect(librarianName('permafrost thaw', thaw)).toBe('Permafrost Thaw');
  });

  test('is not extended by the word after it in a Title Case title, where the tagger reads every word as a proper noun ("Permafrost Thaw Releases Organic Carbon: Yedoma Deposits", a derived title)', () => {
    const texts = [{ id: 'p0', title: 'Permafrost Thaw Releases Organic Carbon: Yedoma Deposits', abstract: 'Permafrost thaw releases organic carbon that was frozen for millennia.' }];
    expect(librarianName('permafrost thaw', texts, 1)).toBe('Permafrost Thaw');
    // Nor is it extended by a question's verb of its abstract ("why does contrastive learning work", a real-world fixture).
    const question = [{ id: 'p0', title: 'A Theory of Augmentation Overlap in Contrastive Learning', abstract: 'Why does contrastive learning work when positive pairs never share exact pixels?' }];
    expect(librarianName('contrastive learning', question, 1) ?? '').not.toMatch(/ Work$/);
  });
});

describe('near-identical topic names', () => {
  const taken = new Set(['language models']);
  test('a name whose words contain or are contained in a taken name clashes with it', () => {
    expect(clashes('Large Language Models', taken)).toBe(true);
    expect(clashes('Pretrained Language Model', taken)).toBe(true);
    expect(clashes('Models', taken)).toBe(true);
  });
  test('names that share only some words do not', () => {
    expect(clashes('Language Understanding', taken)).toBe(false);
    expect(clashes('Vision-Language Models', taken)).toBe(false);
  });
});
