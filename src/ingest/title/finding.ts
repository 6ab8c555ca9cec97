/**
 * A finding stated as a title: "we show that loss of Ascl2 promotes epithelial-mesenchymal
 * transition in colon cancer cells" → "Loss of Ascl2 Promotes Epithelial-Mesenchymal Transition in
 * Colon Cancer Cells". Biomedical titles are often such statements (subject, verb, object); an
 * abstract that proposes nothing and states no aim usually says what it found this way.
 */
import { nounPhraseWithAttachments } from './chunk.ts';
import { join, type Token } from './pos.ts';
import { phraseText } from './phrases.ts';

/** Verbs that report a finding when followed by "that": "we show that …", "our data suggest that …". */
export const FINDING = new Set(['show', 'demonstrate', 'find', 'reveal', 'report', 'establish', 'suggest', 'indicate', 'observe', 'confirm', 'uncover', 'discover']);
/** Modal verbs a title states without: "X may regulate Y" → "X Regulates Y" would overclaim, so such a clause is left. */
const HEDGE = new Set(['may', 'might', 'could', 'would', 'can', 'should']);
/** A statement title of at most this many words (the 16-word limit less room for a name). */
const MAX_WORDS = 14;

/** The clause after "that" at `i` as subject, verb and object, or undefined when it is not one. */
export function finding(tokens: Token[], i: number): string | undefined {
  const subject = nounPhraseWithAttachments(tokens, i, 2, 8);
  if (!subject || subject.tokens[0]?.pos === 'DET') return undefined;
  let k = subject.end;
  const verbs: Token[] = [];
  let finite = 0;
  let main = false;
  // Auxiliaries, one main verb and a preposition it takes: "is required for", "plays", "interferes with".
  while (k < tokens.length && (['AUX', 'ADV', 'PART'].includes(tokens[k]!.pos) || (tokens[k]!.pos === 'VERB' && !main) || (finite > 0 && tokens[k]!.pos === 'ADP' && verbs.at(-1)?.pos !== 'ADP'))) {
    const t = tokens[k]!;
    if (HEDGE.has(t.lower) || t.lower === 'not' || t.lower === "n't") return undefined;
    if (t.pos === 'VERB' || t.pos === 'AUX') finite++;
    if (t.pos === 'VERB') main = true;
    if (t.pos === 'ADP') {
      verbs.push(t);
      k++;
      break;
    }
    // Adverbs of degree ("significantly", "also") are the abstract's voice, not the title's.
    if (t.pos !== 'ADV') verbs.push(t);
    k++;
  }
  if (finite === 0 || verbs.at(-1)?.lower === 'to') return undefined;
  const object = nounPhraseWithAttachments(tokens, k, 2, 10, true);
  // An object that opens with a participle follows a verb that takes none ("occurred isolated …"): a misparse.
  if (!object || object.tokens[0]?.pos === 'VERB' || verbs.at(-1)?.lower === 'than') return undefined;
  // An object whose own phrase goes on past what could be read ("an increase | in both …") is cut.
  if (tokens[object.end]?.pos === 'ADP' && !object.tokens.some((x) => x.pos === 'ADP')) return undefined;
  const title = `${join(subject.tokens)} ${join(verbs)} ${phraseText(object.tokens)}`;
  return title.split(/\s+/).length <= MAX_WORDS ? title : undefined;
}
