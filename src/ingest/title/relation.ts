/**
 * A study of how two things relate, titled as the two things: "we investigate whether X predicts Y"
 * → "X and Y" (the usual form of such a title in biomedicine).
 */
import { nounPhraseWithAttachments, type Phrase } from './chunk.ts';
import { join, type Token } from './pos.ts';

/** Words that open a clause about how two things relate: "we investigate whether X predicts Y". */
export const RELATION_CLAUSE = new Set(['whether', 'how', 'if']);

/**
 * "whether the gut microbiome predicts the response to immunotherapy" → "Gut Microbiome and the
 * Response to Immunotherapy"; "how strongly dietary sodium is associated with blood pressure in
 * adolescents" → "Dietary Sodium and Blood Pressure in Adolescents": the two things related, the
 * usual form of such a title.
 */
export function relation(tokens: Token[], i: number): { title: string; needsTask: boolean; rest: number } | undefined {
  let k = i;
  while (tokens[k]?.pos === 'ADV' || tokens[k]?.pos === 'ADJ' && tokens[k + 1]?.pos !== 'NOUN') k++; // "how strongly"
  const first = nounPhraseWithAttachments(tokens, k, 1, 7);
  if (!first) return undefined;
  k = first.end;
  let verbs = 0;
  while (k < tokens.length && (tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'PART' || (verbs > 0 && tokens[k]!.pos === 'ADP'))) {
    if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') verbs++;
    k++;
  }
  if (verbs === 0) return undefined;
  const second = nounPhraseWithAttachments(tokens, k, 2, 8, true);
  if (!second) return undefined;
  const strip = (p: Phrase) => (p.tokens[0]?.lower === 'a' || p.tokens[0]?.lower === 'an' ? p.tokens.slice(1) : p.tokens);
  return { title: `${join(strip(first))} and ${join(strip(second))}`, needsTask: false, rest: second.end };
}
