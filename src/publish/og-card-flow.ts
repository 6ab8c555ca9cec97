/**
 * Line breaking of a card's title for the compositor, as satori does it for left-to-right text: break
 * opportunities by UAX 14 (`linebreak`, the library satori uses), greedy filling where a line's trailing spaces
 * may hang past the edge, a line clamp whose last line ends in "…" (css-overflow-4's block ellipsis, satori's
 * rule: the last kept word is cut by graphemes until it and the ellipsis fit). Pure: widths come from `measure`.
 */
import LineBreaker from 'linebreak';

/** Text drawn as one piece (the text between two spaces), at `x` px from the line's start. */
export interface PlacedRun {
  text: string;
  x: number;
}

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The text between break opportunities (UAX 14), each with its trailing spaces. */
export function breakWords(text: string): string[] {
  const breaker = new LineBreaker(text);
  const words: string[] = [];
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    words.push(text.slice(last, bk.position));
    last = bk.position;
  }
  return words;
}

/**
 * Lays out `text` in lines at most `width` px wide and at most `maxLines` lines, each line its runs (the text
 * between spaces, and where the line is clamped, ending in the cut word and "…"). Returns undefined when a
 * word alone is wider than a line: satori then breaks inside it (overflow-wrap: anywhere), which this does not.
 * `measure(text)` is the advance of `text` in px.
 */
export function flowLines(text: string, width: number, maxLines: number, measure: (text: string) => number): PlacedRun[][] | undefined {
  const words = breakWords(text).map((raw) => {
    const core = raw.trimEnd();
    // Measured with its spaces, as satori does: a space takes the font of the letter before it.
    const width = measure(raw);
    return { core, width, trailing: width - measure(core), spaced: raw !== core };
  });
  const lines: Array<{ words: typeof words; width: number }> = [];
  for (const word of words) {
    if (word.width - word.trailing > width + 1e-3) return undefined;
    const line = lines[lines.length - 1];
    if (!line || line.width + word.width - word.trailing > width + 1e-3) lines.push({ words: [word], width: word.width });
    else {
      line.words.push(word);
      line.width += word.width;
    }
  }
  const clamped = lines.length > maxLines;
  return lines.slice(0, maxLines).map((line, index) => {
    const runs: PlacedRun[] = [];
    let x = 0;
    let glued = false;
    // satori draws the pieces between two spaces ("state-" "of-" "the-" "art") as one text from where the first
    // starts, shaped together (a hyphen between capitals takes its raised form): so does a run here.
    const add = (text: string) => {
      if (glued) runs[runs.length - 1]!.text += text;
      else runs.push({ text, x });
    };
    const last = clamped && index === maxLines - 1;
    for (let i = 0; i < line.words.length; i++) {
      const word = line.words[i]!;
      if (last) {
        const ellipsis = measure(ELLIPSIS);
        if (x + word.width + ellipsis > width || i === line.words.length - 1) {
          add(cutForEllipsis(word.core, x, width - ellipsis, measure) + ELLIPSIS);
          break;
        }
      }
      add(word.core);
      glued = !word.spaced;
      x += word.width;
    }
    return runs;
  });
}

/** The longest prefix of `word` (whole graphemes) that ends by `limit` px when it starts at `left` px; one grapheme at least at a line's start. */
function cutForEllipsis(word: string, left: number, limit: number, measure: (text: string) => number): string {
  let subset = '';
  for (const { segment } of graphemes.segment(word)) {
    if ((subset || left > 0) && left + measure(subset + segment) > limit) break;
    subset += segment;
  }
  return subset;
}
