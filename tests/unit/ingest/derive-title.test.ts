import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { deriveTitle, deriveTitles, titleCase } from '../../../src/ingest/derive-title.ts';
import { contextDefects, mendColon } from '../../../src/ingest/title/context-defects.ts';
import { duplicateIndices, titleDefects } from '../../../src/ingest/title/defects.ts';
import { stem, wordCounts } from '../../../src/ingest/title/keyness.ts';
import { withSubtitle } from '../../../src/ingest/title/subtitle.ts';
import { nounPhraseWithAttachments } from '../../../src/ingest/title/chunk.ts';
import { join, tagEach } from '../../../src/ingest/title/pos.ts';

const words = (t: string) => t.split(/\s+/).length;
const lower = (t: string) => t.toLowerCase();

describe('the defect rules of issue 13', () => {
  test.each([
    // The broken titles the issue quotes, each with the rule it breaks.
    ['On the and Confirm the Utility of Employing GPT-4 as a Potential Alternative for Human Evaluation', 'bad-start'],
    ['And Open-Source GATITOS', 'bad-start'],
    ['That the Robustness of Language Models', 'bad-start'],
    ['VIP: An Inference-Time Challenge Dataset Designed', 'cut-phrase'],
    ['Zipf Posited That Wordforms', 'cut-phrase'],
    ['We Present Symbol Tuning - Finetuning Language Models', 'first-person'],
    ['ICL', 'too-short'],
    ['Large Language Models', 'too-short'],
    ['A Benchmark for Reasoning about Tables in the', 'bad-end'],
    ['Tuning Language Models with Symbols (and Labels', 'cut-phrase'],
  ])('%s breaks %s', (title, rule) => {
    expect(titleDefects(title)).toContain(rule);
  });

  test.each([
    'IAG: Induction-Augmented Generation Framework for Answering Reasoning Questions',
    'Dietary Sodium and Blood Pressure in Adolescents',
    'A Survey of Graph Neural Networks in Power Systems',
  ])('a real title keeps them all: %s', (title) => {
    expect(titleDefects(title)).toEqual([]);
  });

  test('a title repeated in a list, whatever its case and punctuation, is a duplicate', () => {
    expect([...duplicateIndices(['Large Language Models', 'Sparse Transformers', 'large language models.'])]).toEqual([0, 2]);
  });
});

/** Hand-written abstracts of three fields; none is in the fixtures. */
const NLP_NAMED =
  'Multilingual question answering systems often return answers without saying where they come from. ' +
  'In this paper, we propose CiteQA, a retrieval-augmented framework for attributed question answering in low-resource languages. ' +
  'CiteQA retrieves passages in the language of the question and trains the reader to cite them. ' +
  'On four benchmarks CiteQA improves attribution accuracy by 12 points over strong baselines.';
const ONCOLOGY_UNNAMED =
  'Immune checkpoint inhibitors have changed the treatment of advanced melanoma, but many patients do not respond. ' +
  'We investigate whether the composition of the gut microbiome predicts the response to anti-PD-1 immunotherapy in patients with metastatic melanoma. ' +
  'Stool samples of 212 patients were sequenced before treatment. ' +
  'Patients whose microbiome was rich in Ruminococcaceae had longer progression-free survival.';
const ASTROPHYSICS =
  'The masses of supermassive black holes in distant galaxies are hard to measure directly. ' +
  'We present a new calibration of the black hole mass scaling relation for active galactic nuclei based on reverberation mapping of 48 quasars. ' +
  'The calibration reduces the scatter of single-epoch mass estimates to 0.3 dex.';

/** Seismology: the topic (said four times) is only in the sentences after the contribution's. */
const SEISMOLOGY =
  'Earthquake early warning systems must estimate the magnitude of an event within seconds. ' +
  'We present a convolutional network that estimates magnitude from the first three seconds of a recording. ' +
  'The network is trained on 1.2 million waveforms from borehole seismometers in Japan. ' +
  'Borehole seismometers record far less surface noise than stations at the surface, ' +
  'and on the test set the magnitude error of borehole seismometers falls to 0.2 units. ' +
  'Networks of borehole seismometers could therefore warn earlier.';

describe('deriveTitle on abstracts of three fields', () => {
  test.each([NLP_NAMED, ONCOLOGY_UNNAMED, ASTROPHYSICS, SEISMOLOGY])('keeps every rule: %#', (abstract) => {
    const title = deriveTitle(abstract);
    expect(titleDefects(title)).toEqual([]);
    expect(words(title)).toBeGreaterThanOrEqual(4);
    expect(words(title)).toBeLessThanOrEqual(16);
  });

  test('a paper that names its method gets "Name: what it is" (issue: "We propose X, a …" → "X: …")', () => {
    const title = deriveTitle(NLP_NAMED);
    expect(title).toMatch(/^CiteQA: /);
    expect(lower(title)).toContain('attributed question answering');
  });

  test('a paper that names no method gets what it studies, in phrases the abstract uses', () => {
    const title = lower(deriveTitle(ONCOLOGY_UNNAMED));
    expect(title).toContain('gut microbiome');
    expect(title).toContain('immunotherapy');
  });

  test('a physics paper gets its contribution and its object', () => {
    const title = lower(deriveTitle(ASTROPHYSICS));
    expect(title).toContain('calibration');
    expect(title).toContain('black hole mass');
  });

  test('the topic a paper keeps returning to is in its title, even when only later sentences say it', () => {
    const title = lower(deriveTitle(SEISMOLOGY));
    expect(title).toContain('borehole seismometers');
    expect(title).toContain('convolutional network');
    // "the first three seconds" counts the seconds; "first" is not praise to be dropped here.
    expect(title).not.toContain('the three seconds');
  });

  test('all four as one list keep every rule, with four different titles', () => {
    const titles = deriveTitles([NLP_NAMED, ONCOLOGY_UNNAMED, ASTROPHYSICS, SEISMOLOGY]);
    for (const t of titles) expect(titleDefects(t)).toEqual([]);
    expect(duplicateIndices(titles).size).toBe(0);
  });

  test('a paper that proposes nothing and states a finding gets the finding as a statement', () => {
    // Hand-written, cell biology: the usual form of such a title is subject, verb and object.
    const abstract =
      'Cardiac fibroblasts respond to mechanical load, but the signals involved are poorly understood. ' +
      'Here we show that periostin secretion activates integrin signalling in cardiac fibroblasts after pressure overload. ' +
      'Mice lacking periostin developed less fibrosis, and periostin levels in patients tracked fibrosis on imaging.';
    const title = deriveTitle(abstract);
    expect(titleDefects(title)).toEqual([]);
    expect(lower(title)).toMatch(/^periostin secretion activates integrin signalling/);
    expect(title).not.toMatch(/\b(?:Here|We|Show)\b/);
  });

  test('a hedged finding ("may") is not stated as a title', () => {
    const abstract =
      'Cardiac fibroblasts respond to mechanical load. ' +
      'Our data suggest that periostin secretion may activate integrin signalling in cardiac fibroblasts. ' +
      'Mice lacking periostin developed less fibrosis.';
    expect(lower(deriveTitle(abstract))).not.toContain('may activate');
  });

  test('a finding whose object goes on past what can be read is not cut there', () => {
    const abstract =
      'Cardiac fibroblasts respond to mechanical load. ' +
      'We also show that periostin effects on fibrosis occur with an increase in both collagen and fibronectin, which was correlated with load. ' +
      'Mice lacking periostin developed less fibrosis.';
    expect(deriveTitle(abstract)).not.toMatch(/with an Increase$/);
  });

  test('a survey says so', () => {
    const title = deriveTitle('GNNs are used in power systems. In this paper, a comprehensive overview of graph neural networks (GNNs) in power systems is proposed. We review them.');
    expect(title).toBe('A Survey of Graph Neural Networks in Power Systems');
  });
});

describe('a structured abstract', () => {
  // As PubMed writes it (the shape of fixture 15-pubmed-structured), labels and all.
  const abstract =
    'OBJECTIVE: To estimate how strongly dietary sodium intake is associated with blood pressure in adolescents. ' +
    'DESIGN: Cross-sectional analysis of a national nutrition survey with 24-hour dietary recall. ' +
    'RESULTS: Each additional gram of sodium per day was associated with a 1.2 mm Hg higher systolic pressure. ' +
    'CONCLUSIONS: Sodium intake is a modifiable risk factor for high blood pressure already in adolescence.';

  test('is titled from its objective, without its labels', () => {
    const title = deriveTitle(abstract);
    expect(title).not.toMatch(/OBJECTIVE|DESIGN|RESULTS|CONCLUSIONS/);
    expect(titleDefects(title)).toEqual([]);
    expect(lower(title)).toContain('dietary sodium');
    expect(lower(title)).toContain('blood pressure');
  });
});

describe('an aim to look at something', () => {
  test('is titled by what is looked at, as a nominal ("Effect of X on Y"), not by the looking', () => {
    // Hand-written (ecology); the form of a biomedical or ecological title.
    const abstract =
      'OBJECTIVE: To assess the effect of nitrogen deposition on seedling survival in boreal forests. ' +
      'METHODS: Seedlings were planted in 40 plots fertilised at four levels for three years. ' +
      'RESULTS: Survival fell by a third at the highest level.';
    const title = deriveTitle(abstract);
    expect(title).toMatch(/^Effect of Nitrogen Deposition on Seedling Survival/);
    expect(titleDefects(title)).toEqual([]);
  });
});

describe('an abstract not in English', () => {
  // The abstracts of fixture 13-non-english.
  test.each([
    ["Nous proposons une méthode d'apprentissage par renforcement pour piloter le chauffage des bâtiments tertiaires. L'agent apprend une politique qui réduit la consommation d'énergie de douze pour cent tout en respectant le confort des occupants.", 'méthode'],
    ['Wir untersuchen, warum große Sprachmodelle beim Feinabstimmen auf kleinen Datensätzen instabil werden. Unsere Experimente zeigen, dass eine geringere Lernrate in den ersten Schritten und eine gemischte Genauigkeit die Streuung der Ergebnisse deutlich verringern.', 'Sprachmodelle'],
    ['В данной работе мы предлагаем архитектуру нейронной сети для прогнозирования временных рядов с пропусками. Модель сочетает рекуррентный кодировщик и механизм внимания и превосходит классические методы на трёх открытых наборах данных.', 'нейронной сети'],
  ])('gets a title in its own language, from its own words: %#', (abstract, phrase) => {
    const title = deriveTitle(abstract);
    expect(title).toContain(phrase);
    const abstractWords = new Set(abstract.toLowerCase().split(/[\s,.]+/));
    for (const w of title.toLowerCase().split(/\s+/)) expect(abstractWords).toContain(w);
    expect(words(title)).toBeGreaterThanOrEqual(4);
    expect(title).not.toMatch(/^(?:Nous|Wir|Мы)\b/);
  });
});

describe('deriveTitles on a list', () => {
  const about = (topic: string) => `Large language models are used everywhere. We evaluate large language models on ${topic}. They fail often.`;

  test('never gives two papers the same title, and never numbers them', () => {
    const abstracts = [about('arithmetic word problems'), about('legal case retrieval'), 'Large language models are used everywhere. They are large.', 'Large language models are used everywhere. They are very large.'];
    const titles = deriveTitles(abstracts);
    expect(duplicateIndices(titles).size).toBe(0);
    for (const t of titles) expect(t).not.toMatch(/\(\d+\)|#\d|\b\d+$/);
  });

  test('keeps clear of the real titles of the list', () => {
    const abstract = about('legal case retrieval');
    const [alone] = deriveTitles([abstract]);
    const [beside] = deriveTitles([abstract], [alone!]);
    expect(lower(beside!)).not.toBe(lower(alone!));
  });
});

describe('faults a new-user review found in derived titles (session 9), on the real EMNLP abstracts of acl-bare', () => {
  // The faults, as the review quoted them: "Backdoor Poisoning Attacks Exhibit: Defence Method",
  // "… Text Game with Theory: Mind Inference Tasks", "Sets of Candidate Explanations for Example",
  // "An Annotated Dataset for the Hallucination in Hallucinations …", "…: Language Model".
  const manifest = JSON.parse(readFileSync('tests/fixtures/real-dumps/manifest.json', 'utf8'));
  const abstracts: string[] = manifest.files['acl-bare.txt'].papers.map((p: { abstract: string }) => p.abstract);
  let titles: string[] = [];
  beforeAll(() => {
    titles = deriveTitles(abstracts);
  });
  const titleOf = (words: string) => titles[abstracts.findIndex((a) => a.includes(words))]!;
  const parts = (t: string) => t.split(/:\s+/);

  test('no part ends on a verb the tagger read as a noun ("attacks exhibit a spurious correlation")', () => {
    for (const part of parts(titleOf('backdoor poisoning attacks exhibit a spurious'))) expect(part).not.toMatch(/\bExhibit$/);
  });

  test('a phrase the abstract writes as one unit is not split at its preposition ("Theory of Mind")', () => {
    expect(titleOf('with Theory of Mind (ToM) inference')).not.toMatch(/\bTheory:|:\s*Mind\b/);
  });

  test('a discourse marker is not read as a phrase ("for each example" is not "for Example")', () => {
    expect(titleOf('sets of candidate explanations for each example')).not.toMatch(/\bfor example\b/i);
  });

  test('no part says one word twice where the abstract does not ("the Hallucination in Hallucinations")', () => {
    for (const part of parts(titleOf('annotated dataset for the hallucination and omission'))) {
      const stems = part.toLowerCase().split(/\s+/).filter((w) => w.length > 3).map(stem);
      expect(new Set(stems).size).toBe(stems.length);
    }
  });

  test('no part is only words most abstracts of the list use ("…: Language Model")', () => {
    for (const part of parts(titleOf('the masking policy on the downstream task performance'))) expect(part).not.toMatch(/^(?:the )?language models?$/i);
  });

  test('each rule, against its abstract', () => {
    const abstract = 'This paper posits that backdoor attacks exhibit a spurious correlation. We model theory of mind, for example, in games. Theory of mind matters. We annotate hallucination and omission. Hallucinations in translation are errors.';
    expect(contextDefects('Backdoor Attacks Exhibit: Spurious Correlation', abstract)).toContain('cut-phrase');
    expect(contextDefects('Agents with Theory: Mind in Games', abstract)).toContain('split-unit');
    expect(contextDefects('Games for Example', abstract)).toContain('discourse-marker');
    expect(contextDefects('A Dataset for the Hallucination in Hallucinations in Translation', abstract)).toContain('repeated-word');
    expect(contextDefects('Backdoor Attacks: Spurious Correlation', abstract, (w) => (/^(?:spurio|correlation)/.test(w) ? 0.1 : 1))).toContain('weak-part');
    expect(contextDefects('Theory of Mind in Games: Backdoor Attacks and Spurious Correlation', abstract)).toEqual([]);
  });

  test('a colon is mended where the abstract writes both parts as one phrase', () => {
    const abstract = 'We find that the squared norm encodes the information gain. Agents play with theory of mind inference. Theory of mind helps. This paper posits that backdoor attacks exhibit a spurious correlation.';
    expect(mendColon('Squared Norm Encodes: Information Gain', abstract)).toBe('Squared Norm Encodes Information Gain');
    expect(mendColon('Agents Play with Theory: Mind Inference', abstract)).toBe('Agents Play with Theory of Mind Inference');
    expect(mendColon('Backdoor Poisoning Attacks Exhibit: Defence Method', abstract)).toBe('Backdoor Poisoning Attacks: Defence Method');
    expect(mendColon('Masking Policy on Task Performance: Language Model', abstract, (w) => (/^(?:language|model)$/.test(w) ? 0.1 : 1))).toBe('Masking Policy on Task Performance');
    expect(mendColon('Theory of Mind: Spurious Correlation', abstract)).toBe('Theory of Mind: Spurious Correlation');
  });

  test('a verb is not dropped when the part would end on a function word', () => {
    // The title reader cut the phrase where the abstract goes on into math it does not read.
    const abstract = 'We develop a framework for computing the $\\ell_\\infty$ local Lipschitz constant. Neural module networks compose modules.';
    const mended = mendColon('A Framework for Computing: Neural Module Networks', abstract);
    expect(mended).not.toMatch(/\b(?:for|the|a|of|and)\s*:/i);
    expect(contextDefects(mended, abstract)).toContain('cut-phrase');
  });
});

describe('a subtitle for a title that leaves out the abstract\'s topic', () => {
  // Hand-written (plasma physics): the topic, said four times, is not in the contribution's phrase.
  const abstract =
    'Solar flares release stored magnetic energy. We present a kinetic simulation code for collisionless plasmas. ' +
    'The code follows magnetic reconnection in three dimensions; magnetic reconnection rates saturate at 0.1, ' +
    'and magnetic reconnection heats ions more than electrons in 12 runs. Magnetic reconnection is thus fast.';
  const counts = wordCounts(abstract);
  const title = 'A Kinetic Simulation Code for Collisionless Plasmas';

  test('adds the phrase that holds the recurring words, with the preposition the abstract gave it', () => {
    const phrases = [
      { text: 'solar flares', after: '' },
      { text: 'magnetic reconnection', after: 'follows' },
      { text: 'magnetic reconnection rates', after: '' },
    ];
    expect(withSubtitle(title, phrases, counts, () => 1)).toBe('A Kinetic Simulation Code for Collisionless Plasmas: Magnetic reconnection');
    expect(withSubtitle(title, [{ text: 'magnetic reconnection', after: 'in' }], counts, () => 1)).toBe(`${title} in magnetic reconnection`);
  });

  test('gives a title with a colon no second one: only a phrase its own preposition joins', () => {
    const named = 'KineticPIC: A Simulation Code for Collisionless Plasmas';
    expect(withSubtitle(named, [{ text: 'magnetic reconnection', after: 'follows' }], counts, () => 1)).toBeUndefined();
    expect(withSubtitle(named, [{ text: 'magnetic reconnection', after: 'in' }], counts, () => 1)).toBe(`${named} in magnetic reconnection`);
  });

  test('adds no phrase that points back into the abstract ("other …", "a variety of …")', () => {
    // As if the abstract said "other" and "variety" as often as the topic: only the pointing makes them wrong.
    const often = new Map([...counts, ['other', 4], ['variety', 4]]);
    expect(withSubtitle(title, [{ text: 'other magnetic reconnection rates', after: '' }], often, () => 1)).toBeUndefined();
    expect(withSubtitle(title, [{ text: 'a variety of magnetic reconnection rates', after: '' }], often, () => 1)).toBeUndefined();
    expect(withSubtitle(title, [{ text: 'magnetic reconnection rates', after: '' }], often, () => 1)).toBe(`${title}: Magnetic reconnection rates`);
  });

  test('adds no phrase the abstract writes as a measurement\'s condition ("at room temperature")', () => {
    // The same phrase, the same counts: only its preposition differs (issue 19: "…: Room Temperature").
    expect(withSubtitle(title, [{ text: 'magnetic reconnection', after: 'at', preposition: true }], counts, () => 1)).toBeUndefined();
    expect(withSubtitle(title, [{ text: 'magnetic reconnection', after: 'of', preposition: true }], counts, () => 1)).toBe(`${title}: Magnetic reconnection`);
  });

  test('adds nothing said once, nothing that reports a result, nothing to a title that already has the topic', () => {
    expect(withSubtitle(title, [{ text: 'solar flares', after: '' }, { text: 'stored magnetic energy', after: '' }], counts, () => 1)).toBeUndefined();
    expect(withSubtitle(title, [{ text: '12 magnetic reconnection runs', after: 'in' }], counts, () => 1)).toBeUndefined();
    expect(withSubtitle('Magnetic Reconnection in Collisionless Plasmas', [{ text: 'magnetic reconnection rates', after: '' }], counts, () => 1)).toBeUndefined();
  });
});

describe('titleCase', () => {
  test.each([
    ['a survey of graph neural networks', 'A Survey of Graph Neural Networks'],
    ['SEAL: a framework for MgNO', 'SEAL: A Framework for MgNO'],
    ['an end-to-end trainable framework', 'An End-to-End Trainable Framework'],
  ])('%s → %s', (text, expected) => {
    expect(titleCase(text)).toBe(expected);
  });
});

describe('phrase boundaries: names and ranges are kept whole (session 13 probe)', () => {
  // Hand-written abstracts of fields the seeds lack (history, ecology, astronomy, sociolinguistics).
  const has = (title: string, phrase: string) => expect(lower(title)).toContain(lower(phrase));
  const lacksCut = (title: string, cut: RegExp) => expect(title).not.toMatch(cut);

  test('a range "between X and Y" stays whole, never "… between 1850"', () => {
    const title = deriveTitle('Urban growth reshaped European port cities. We study grain prices in Baltic ports between 1850 and 1914 using customs ledgers. Grain prices converged across ports as steamships spread.');
    lacksCut(title, /between 1850(?! and)/i);
    if (/between/i.test(title)) has(title, 'between 1850 and 1914');
  });

  test('"between" with only one end (a name the sentence goes on to explain) is left out', () => {
    const title = deriveTitle('Retail mergers raise prices. We study the price effects of the alliance between NorthMart, which joined the two largest grocers in Norway in 2011. Prices of both chains rose by four percent after the alliance.');
    lacksCut(title, /between NorthMart\b/i);
  });

  test('a proper name that opens with a word like "New" keeps it', () => {
    const title = deriveTitle('Commuting times shape housing choices. We study the rental market of New South Wales using tenancy bond records of four million leases. Rents near new rail lines rose by six percent.');
    has(title, 'New South Wales');
  });

  test('a lower-case "new" before a capitalised name is still praise, whatever the tagger calls it', () => {
    // The tagger reads this "new" as a proper noun (new/PROPN Full/PROPN …).
    const [tokens = []] = tagEach(['We introduce a new Full Reference Image Quality Assessment dataset of human judgments.']);
    expect(join(nounPhraseWithAttachments(tokens, 2)!.tokens)).toBe('a Full Reference Image Quality Assessment dataset of human judgments');
  });

  test('two names joined by an en dash are one word, and the phrase they modify is not cut after the first', () => {
    const title = deriveTitle('Bilingual speakers transfer sounds between their languages. We measure vowel merger in 40 Spanish–Catalan and 40 Basque–Spanish bilingual adults using a picture naming task. Vowel merger was stronger in the Basque–Spanish group.');
    has(title, 'Spanish–Catalan');
    lacksCut(title, /\b40 Spanish\b(?!–)/);
  });

  test('a name ending in a glued mark or a capital letter keeps them ("Centaurus A*")', () => {
    const [tokens = []] = tagEach(['We present the first polarimetric images of Centaurus A*, the compact core of the nearest radio galaxy.']);
    const at = tokens.findIndex((t) => t.lower === 'polarimetric');
    expect(join(nounPhraseWithAttachments(tokens, at)!.tokens)).toBe('polarimetric images of Centaurus A*');
  });

  test('a numeric range is one modifier ("aged three to six"), never cut after its first number', () => {
    const [tokens = []] = tagEach(['We tested 30 bilingual children aged three to six using a naming task.']);
    const at = tokens.findIndex((t) => t.lower === 'bilingual');
    // No attached phrases read: the range must not come in as one ("to six").
    expect(join(nounPhraseWithAttachments(tokens, at, 0)!.tokens)).toBe('bilingual children aged three to six');
  });

  test('a name that waits for the noun of its conjunct is left out when that conjunct cannot be read', () => {
    const [tokens = []] = tagEach(['We measure vowel merger in 12 Welsh–English and 12 Basque–Spanish very old rural bilingual adult sheep farm workers.']);
    const at = tokens.findIndex((t) => t.lower === 'vowel');
    expect(join(nounPhraseWithAttachments(tokens, at, 2, 30)!.tokens)).toBe('vowel merger');
  });

  test('a noun the tagger reads as a verb after its adjective does not end the phrase ("negative concord")', () => {
    const title = deriveTitle('Double negation marks many dialects. We compare the rates and constraints of negative concord in Scottish English and Newfoundland English using interview corpora. Negative concord was more frequent in Newfoundland English.');
    has(title, 'negative concord');
  });
});

describe('the subject is what the paper is about, not its means (session 13 probe)', () => {
  test('"we use X to describe Y" is titled by Y', () => {
    const title = deriveTitle('Sea turtles cross whole basins. We use satellite tags on 60 loggerhead turtles to describe the migration corridors of loggerhead turtles in the Mediterranean Sea. Migration corridors of loggerhead turtles follow fronts of warm water.');
    expect(title).not.toMatch(/^Using\b/);
    expect(lower(title)).toContain('migration corridors');
  });

  test('an adjective\'s own "to" is not a purpose ("quasars localized to host galaxies")', () => {
    // The tagger reads "localized" as an adjective and "host" as a verb here.
    const title = deriveTitle('Quasars light up early galaxies. We use a sample of 50 quasars localized to host galaxies with measured redshifts. Quasars in host galaxies grow fast.');
    expect(title).not.toMatch(/^Hosting\b/);
  });
});

describe('a subtitle carries the abstract\'s topic, and no part ends inside a phrase (session 13 probe)', () => {
  test('a structured abstract whose comparison never names the disease gets it from the opening', () => {
    const abstract =
      'BACKGROUND: Mesothelioma, a rare cancer of the pleura, is usually fatal within a year. The standard of care for unresectable mesothelioma is chemotherapy. ' +
      'We compared chemotherapy alone with chemotherapy plus daily bevacizumab followed by maintenance bevacizumab. ' +
      'METHODS: Patients with unresectable mesothelioma were randomly assigned to receive chemotherapy alone or chemotherapy plus bevacizumab followed by maintenance bevacizumab. ' +
      'RESULTS: Median survival was 18.8 months with bevacizumab and 16.1 months without it. ' +
      'CONCLUSIONS: The addition of bevacizumab to chemotherapy for unresectable mesothelioma improved survival with acceptable toxicity.';
    expect(lower(deriveTitle(abstract))).toContain('mesothelioma');
  });

  test('the topic\'s words tip a subtitle choice that the counts alone leave close', () => {
    // Hand-written counts: both phrases add recurring words of near-equal worth.
    const counts = new Map([['mesothelioma', 4], ['unresectable', 3], ['maintenance', 3], ['bevacizumab', 5]]);
    const phrases = [
      { text: 'maintenance bevacizumab', after: '' },
      { text: 'unresectable mesothelioma', after: 'for' },
    ];
    const title = 'Comparing Chemotherapy Regimens';
    expect(withSubtitle(title, phrases, counts, () => 1)).toBe(`${title}: Maintenance bevacizumab`);
    expect(withSubtitle(title, phrases, counts, () => 1, new Set(['mesothelioma']))).toBe(`${title} for unresectable mesothelioma`);
  });

  test('a part ending on "the" and a participle that the abstract goes on from is cut', () => {
    const abstract = 'We map the spread of the invading cane toad population across Queensland from 1935 to 2020. The invading cane toad front sped up over time.';
    expect(contextDefects('Cane Toad Range Maps: Spread of the Invading', abstract)).toContain('cut-phrase');
    // The same words ending the abstract's own phrase are whole.
    const whole = 'We study how native frogs respond to the invading. Native frogs avoid ponds held by the invading.';
    expect(contextDefects('Native Frog Responses: Avoidance of the Invading', whole)).not.toContain('cut-phrase');
  });
});
