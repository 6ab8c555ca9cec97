/**
 * A title for an abstract that came without one, read from what the paper says it contributes:
 * "We present a robust multigrid solver for … ." → "A Robust Multigrid Solver for …",
 * "we aim to improve the robustness of object detection" → "Improving the Robustness of Object
 * Detection", "we propose SEAL (…), a new framework for link prediction" → "SEAL: A Framework for
 * Link Prediction", "a comprehensive overview of GNNs in power systems" → "A Survey of GNNs in
 * Power Systems". Every candidate sentence is scored and the best wins; when none says what it
 * contributes, the first sentence's subject is the title. Always cut at a phrase boundary.
 *
 * Written by hand: summarisation libraries need models, and this must run offline, fast and
 * deterministically on any list.
 */

const MAX_WORDS = 14;
const MIN_WORDS = 3;
const SENTENCES_READ = 8;

const SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'with', 'via', 'from', 'as', 'into', 'over', 'per', 'vs', 'than', 'under', 'using', 'between', 'through', 'across', 'towards', 'toward', 'without', 'within', 'among', 'its', 'their', 'our']);
/** Words a title cannot end on. */
const DANGLING = new Set([...SMALL, 'is', 'are', 'be', 'which', 'that', 'this', 'these', 'both', 'each', 'novel', 'new', 'such', 'more', 'most', 'very', 'can', 'we', 'it', 'not', 'only']);
/** Words that point back into the abstract: "these phenomena" means nothing on its own. */
const DEICTIC = /\b(?:this|these|those|such|it|them|its|their|above|aforementioned|former|latter)\b/i;

const SELF = String.raw`(?:we|this (?:paper|work|article|survey|study|report|note|review))`;
const ADVERB = String.raw`(?:(?:first|further|also|here|then|systematically|empirically|theoretically|comprehensively|carefully|thoroughly|extensively|formally)\s+)?`;

interface Pattern {
  regex: RegExp;
  score: number;
  build: (m: RegExpExecArray) => string | undefined;
}

const PATTERNS: Pattern[] = [
  {
    // "we propose X", "we introduce X, a Y": the thing itself is the title.
    regex: new RegExp(String.raw`\b${SELF}\s+${ADVERB}(?:propose|introduce|present|put forward|unveil)s?\s+(?!to\b)(.+)`, 'i'),
    score: 5,
    build: (m) => nominal(m[1]!),
  },
  {
    // "we analyze X and propose Y": the second verb names the contribution.
    regex: new RegExp(String.raw`\b${SELF}\s.*?\band\s+(?:then\s+)?(?:propose|introduce|present)s?\s+(?!to\b)(.+)`, 'i'),
    score: 4.5,
    build: (m) => nominal(m[1]!),
  },
  {
    regex: new RegExp(String.raw`\b${SELF}\s+${ADVERB}(?:develop|design|build|construct|formulate|devise|derive|establish|provide|offer|create)s?\s+(?!to\b)(.+)`, 'i'),
    score: 3,
    build: (m) => nominal(m[1]!),
  },
  {
    // "we aim to improve X", "we propose to smooth X": the activity is the title.
    regex: new RegExp(String.raw`\b${SELF}\s+(?:aim|seek|attempt|try|propose|set out|strive|want)s?\s+to\s+(?:(?:further|better|more|also|jointly|efficiently|effectively)\s+)?([a-z]+)\s+(.+)`, 'i'),
    score: 4,
    build: (m) => withWords(`${gerund(m[1]!)} ${cutPhrase(m[2]!) ?? ''}`),
  },
  {
    // "a comprehensive overview of X is proposed", "we survey X".
    regex: /\b(?:(?:comprehensive|systematic|thorough|brief|extensive)\s+)?(?:overview|survey|review)\s+(?:of|on)\s+(.+)/i,
    score: 5, // a survey's title says so, whatever else it proposes
    build: (m) => survey(m[1]!),
  },
  {
    regex: new RegExp(String.raw`\b${SELF}\s+${ADVERB}(?:survey|review)s?\s+(.+)`, 'i'),
    score: 5,
    build: (m) => survey(m[1]!),
  },
  {
    regex: new RegExp(String.raw`\b${SELF}\s+${ADVERB}(?:study|studies|investigate|investigates|explore|explores|analy[sz]e|analy[sz]es|examine|examines|revisit|revisits|evaluate|evaluates|benchmark|benchmarks|characteri[sz]e|characteri[sz]es)\s+(.+)`, 'i'),
    score: 2,
    build: (m) => {
      const phrase = cutPhrase(m[1]!);
      if (!phrase) return undefined;
      return /^(?:the|a|an|how|whether|what|why|when)\b/i.test(phrase) ? `On ${phrase}` : `On the ${phrase}`;
    },
  },
];

/** "called X", "dubbed X", "known as X", or a capitalised "(X)" right after the phrase. */
const NAMED = /(?:called|dubbed|named|termed|coined|known as)\s+([A-Z][\w-]*(?:\s[A-Z][\w-]*){0,3})/;

/** Where a noun phrase ends: a clause, an aside, a purpose, or a second verb. */
const PHRASE_END = new RegExp(
  [
    String.raw`,\s`, String.raw`;\s`, String.raw`:\s`, String.raw`\s[-–—]\s`,
    String.raw`\s(?:that|which|where|whose|who|while|whereas|because|since|so that|in order to|thereby|such that|based on|rather than|instead of|such as|namely|including|due to|in terms of|focusing on|as well as)\b`,
    String.raw`\s(?:is|are|was|were|has|have|had|can|could|will|would|may|might|should)\s`,
    String.raw`\sto\s(?=[a-z]+\s)`,
    String.raw`\sby\s(?:[a-z]+ly\s)?[a-z]+ing\b`,
    String.raw`\sand\s(?:we|it|they|our)\s`,
    String.raw`\sand\s(?:then\s)?(?:show|demonstrate|prove|evaluate|apply|use|find|achieve|obtain|propose|introduce|present|develop|design|analy[sz]e|study|provide|release|report)s?\b`,
    String.raw`\sin\s(?:this|that|such|these)\s(?:setting|paper|work|context|regard|case|article|study)s?\b`,
  ].join('|'),
);

export function deriveTitle(abstract: string): string {
  const sentences = splitSentences(abstract).slice(0, SENTENCES_READ);
  let best: { title: string; score: number } | undefined;
  sentences.forEach((sentence, index) => {
    for (const pattern of PATTERNS) {
      const match = pattern.regex.exec(sentence);
      const title = match ? pattern.build(match) : undefined;
      if (!title || /https?:|www\./.test(title)) continue;
      // Later sentences and pointing words ("these phenomena") make a weaker title.
      const score = pattern.score - (DEICTIC.test(title) ? 3 : 0) - index * 0.01;
      if (!best || score > best.score) best = { title, score };
    }
  });
  const subject = subjectOf(sentences[0] ?? abstract);
  if (subject && (!best || best.score < 1.5)) return titleCase(subject);
  const title = titleCase(best?.title ?? trimToWords(abstract.replace(/[.!?]$/, ''), MAX_WORDS)).trim();
  // An "abstract" with no words at all ("?") still needs a title that is not empty.
  return title || (abstract.trim().slice(0, 80) || 'Untitled paper');
}

/** The object of "we propose …": a noun phrase, a named system, or "Name: what it is". */
function nominal(object: string): string | undefined {
  const text = object.replace(/^(?:and|or)\s+[a-z]+s\s+/i, ''); // "devises and proposes X" → X
  const named = NAMED.exec(text)?.[1];
  const parenthesised = /^[^()]{0,80}?\(([A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2})\)/.exec(text)?.[1];
  const plain = dropNovelty(dropParentheses(text));
  // "SEAL, a new framework for link prediction": the name, then what it is.
  const appositive = /^([\w-]+(?:\s[\w-]+){0,3}),\s+(?:an?|the)\s+(.+)/.exec(plain);
  if (appositive) {
    const what = cutPhrase(`a ${appositive[2]!}`);
    const name = appositive[1]!;
    if (/^(?:an?|the)\s/i.test(name)) return cutPhrase(name) ?? what; // "a method, a …": no name here
    return what ? `${name}: ${fixArticle(what)}` : name;
  }
  const phrase = cutPhrase(plain);
  // A one-word object that is a name (DiffusionNER, BERT-Large) is a title by itself.
  const name = named ?? parenthesised ?? /^([A-Z][\w-]*[A-Z][\w-]*)\b/.exec(plain)?.[1];
  if (!phrase) return name;
  return name && !phrase.includes(name) ? `${name}: ${fixArticle(phrase)}` : fixArticle(phrase);
}

function survey(object: string): string | undefined {
  const phrase = cutPhrase(dropParentheses(object).replace(/^(?:a (?:range|number|variety|set|family) of|the (?:state of the art|recent advances|progress) (?:of|in|on))\s+/i, ''));
  return phrase ? `A Survey of ${phrase.replace(/^(?:the)\s+/i, '')}` : undefined;
}

/** Verbs that end an abstract's opening subject; a suffix test cannot tell "networks" from "shows". */
const MAIN_VERB = new RegExp(
  String.raw`\s(?:is|are|was|were|has|have|had|can|could|may|might|will|would|should|must|typically|often|usually|generally|commonly|` +
    String.raw`(?:emphasi[sz]|achiev|show|play|provid|enabl|requir|suffer|reli|allow|offer|reveal|solv|captur|assum|employ|aim|attempt|becom|present|represent|seek|tend|continu|depend|lead|mak|us|focus|involv|consist|includ|lack|fac|remain|exhibit|contain|describ|consider|propos|introduc|address|studi|learn|perform|produc|generat|improv|increas|reduc|demonstrat|suggest|indicat|operat|transform|revolutioni[sz]|dominat|encod|predict|affect|pos|rais|receiv|attract|gain|draw|hav)(?:e?s|ed))\s`,
);

/** The first sentence's subject: "Lottery ticket hypothesis for deep networks emphasizes …". */
function subjectOf(sentence: string): string | undefined {
  const text = dropParentheses(sentence.replace(/^(?:recently|in recent years|nowadays|today|however|moreover|while|although)\b,?\s*/i, ''));
  const verb = MAIN_VERB.exec(text);
  if (!verb) return undefined;
  const words = text.slice(0, verb.index).split(/\s+/).filter(Boolean);
  const joined = words.join(' ');
  if (words.length < 2 || words.length > 10 || /[,;:]/.test(joined) || DEICTIC.test(joined) || /^(?:much|many|most|some|several|recent|there|it|we)\b/i.test(joined)) return undefined;
  return words.join(' ');
}

function withWords(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  return words.length >= MIN_WORDS ? words.join(' ') : undefined;
}

/** The noun phrase at the start of `text`, cut at the first phrase end and at MAX_WORDS. */
function cutPhrase(text: string): string | undefined {
  const stop = text.search(PHRASE_END);
  const phrase = (stop >= 0 ? text.slice(0, stop) : text).replace(/[.!?;:,]+$/, '').trim();
  const words = trimToWords(phrase, MAX_WORDS).split(' ');
  while (words.length > 0 && DANGLING.has(words.at(-1)!.toLowerCase())) words.pop();
  return words.length >= MIN_WORDS ? words.join(' ') : undefined;
}

/** At most `max` words, cut before a preposition so the result is a whole phrase. */
function trimToWords(text: string, max: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= max) return words.join(' ');
  let cut = max;
  for (let i = max; i >= MIN_WORDS; i--) {
    if (SMALL.has(words[i]!.toLowerCase())) {
      cut = i;
      break;
    }
  }
  return words.slice(0, cut).join(' ');
}

const dropParentheses = (text: string) => text.replace(/\s*\([^()]{0,120}\)/g, '');
const dropNovelty = (text: string) => text.replace(/\b(?:novel|new)\s+(?:and\s+\w+\s+)?/gi, '');

function gerund(verb: string): string {
  const v = verb.toLowerCase();
  if (/ie$/.test(v)) return `${v.slice(0, -2)}ying`;
  if (/[^aeiou]e$/.test(v) && v !== 'be') return `${v.slice(0, -1)}ing`;
  if (/^(?:[^aeiou]*[aeiou][bdgmnprt])$/.test(v)) return `${v}${v.at(-1)}ing`;
  return `${v}ing`;
}

function fixArticle(phrase: string): string {
  return phrase.replace(/^a (?=[aeiou])/i, 'an ').replace(/^an (?=[^aeiou])/i, 'a ');
}

/** Title case that keeps acronyms and mixed-case names (MgNO, R-CNN) as written. */
export function titleCase(text: string): string {
  const words = text.split(' ');
  return words
    .map((word, i) => {
      if (/[A-Z]/.test(word.slice(1)) || /\d/.test(word)) return word;
      const lower = word.toLowerCase();
      const afterColon = i > 0 && words[i - 1]!.endsWith(':');
      if (i > 0 && !afterColon && SMALL.has(lower)) return lower;
      // Each part of a compound is capitalised, except small words inside it: End-to-End.
      return word
        .split('-')
        .map((part, j) => (j > 0 && SMALL.has(part.toLowerCase()) ? part.toLowerCase() : part.replace(/^\p{Ll}/u, (ch) => ch.toUpperCase())))
        .join('-');
    })
    .join(' ');
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z"“(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}
