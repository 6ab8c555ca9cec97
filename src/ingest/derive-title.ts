/**
 * A title for an abstract that came without one, read from its contribution sentence:
 * "We present a robust multigrid solver for … ." → "A Robust Multigrid Solver for …",
 * "In this work, we aim to improve the robustness of object detection." → "Improving the
 * Robustness of Object Detection". Falls back to the opening phrase of the first sentence, always
 * cut at a phrase boundary, never mid-phrase.
 */

const MAX_WORDS = 14;
const MIN_WORDS = 3;

const SMALL = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'with', 'via', 'from', 'as', 'into', 'over', 'per', 'vs', 'than', 'under', 'using', 'between', 'through', 'across', 'towards', 'toward', 'without', 'within', 'among', 'its', 'their', 'our']);
/** Words a title cannot end on. */
const DANGLING = new Set([...SMALL, 'is', 'are', 'be', 'which', 'that', 'this', 'these', 'both', 'each', 'novel', 'new', 'such', 'more', 'most', 'very', 'can', 'we', 'it']);

/** Nominal contributions: the object is the title ("We propose X" → "X"). */
const NOMINAL = /\b(?:we|this (?:paper|work|article|survey|study|report|note))\s+(?:first\s+|further\s+|also\s+|here\s+)?(?:present|propose|introduce|develop|describe|design|provide|offer|build|construct|formulate|devise|derive|establish)(?:s|es)?\s+(.+)/i;
/** Activities: the gerund is the title ("we aim to improve X" → "Improving X"). */
const ACTIVITY = /\b(?:we|this (?:paper|work|article|study))\s+(?:aim|seek|attempt|try|propose|set out|strive)s?\s+to\s+([a-z]+)\s+(.+)/i;
const STUDY = /\b(?:we|this (?:paper|work|article|survey|study))\s+(?:systematically\s+|empirically\s+|theoretically\s+|comprehensively\s+)?(?:study|studies|investigate|investigates|explore|explores|analy[sz]e|analy[sz]es|examine|examines|review|reviews|survey|surveys|revisit|revisits)\s+(.+)/i;
const NAMED = /(?:,\s*)?(?:called|dubbed|named|termed|coined)\s+([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)/;

/** Where a noun phrase ends: a clause, an aside, or a purpose. */
const PHRASE_END = /,\s|;\s|:\s|\s(?:that|which|where|whose|who|while|whereas|because|since|so that|in order to|thereby|such that|to (?=[a-z]+ )|by (?=[a-z]+ing\b)|and (?:show|demonstrate|prove|evaluate|apply|use|find|achieve|obtain)s?\b)|\s[-–—]\s|\s\(/;

export function deriveTitle(abstract: string): string {
  const sentences = splitSentences(abstract);
  for (const sentence of sentences.slice(0, 6)) {
    const candidate = fromContribution(sentence);
    if (candidate) return candidate;
  }
  return fromOpening(sentences[0] ?? abstract);
}

function fromContribution(sentence: string): string | undefined {
  const named = NAMED.exec(sentence)?.[1];
  const activity = ACTIVITY.exec(sentence);
  if (activity) {
    const phrase = cutPhrase(activity[2]!);
    if (phrase) return titleCase(`${gerund(activity[1]!)} ${phrase}`);
  }
  const nominal = NOMINAL.exec(sentence);
  if (nominal) {
    const phrase = cutPhrase(nominal[1]!.replace(/^(?:a |an )?(?:novel|new)\s+/i, (m) => (/^an? /i.test(m) ? 'a ' : '')));
    if (phrase) return withName(named, titleCase(fixArticle(phrase)));
  }
  const study = STUDY.exec(sentence);
  if (study) {
    const phrase = cutPhrase(study[1]!);
    if (phrase) return withName(named, titleCase(/^(?:the|how|whether|what|why)\b/i.test(phrase) ? `On ${phrase}` : `On the ${phrase}`));
  }
  return undefined;
}

function fromOpening(sentence: string): string {
  const phrase = cutPhrase(sentence.replace(/^(?:recently|in recent years|nowadays|today|however),?\s+/i, ''));
  return titleCase(phrase ?? trimToWords(sentence.replace(/[.!?]$/, ''), MAX_WORDS));
}

function withName(name: string | undefined, title: string): string {
  return name && !title.includes(name) ? `${name}: ${title}` : title;
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
  return text
    .split(' ')
    .map((word, i) => {
      if (/[A-Z]/.test(word.slice(1)) || /\d/.test(word)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && SMALL.has(lower)) return lower;
      return word.replace(/(^|-)(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(' ');
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z"“(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}
