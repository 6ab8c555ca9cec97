/**
 * LaTeX leftovers in running text (outside math) → the characters they meant.
 *
 * Abstracts copied from arXiv keep the author's source: `Poincar\'e`, `{\L}ojasiewicz`, `100\%`,
 * `{\em word}`, `\url{…}`. Written by hand because no library converts *fragments* of LaTeX in
 * running text to Unicode plus emphasis while leaving literal braces (`{this http url}`) alone;
 * full LaTeX-to-HTML converters expect whole documents and interpret every brace.
 */
import type { PhrasingContent } from 'mdast';
import { LATEX_TEXT_COMMANDS } from '../core/citation-js.ts';

const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331',
};

const SYMBOLS: Record<string, string> = {
  // Letters outside ASCII
  L: 'Ł', l: 'ł', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', ss: 'ß', aa: 'å', AA: 'Å', i: 'ı', j: 'ȷ',
  // Text symbols
  deg: '°', textdegree: '°', S: '§', P: '¶', copyright: '©', textregistered: '®', texttrademark: '™',
  dag: '†', ddag: '‡', ldots: '…', dots: '…', textellipsis: '…', textendash: '–', textemdash: '—',
  textbullet: '•', pounds: '£', euro: '€', textbackslash: '\\', textasciitilde: '~', textunderscore: '_',
  LaTeX: 'LaTeX', TeX: 'TeX', quad: ' ', qquad: ' ', newline: ' ', par: ' ',
  // Math symbols that authors type outside math
  times: '×', pm: '±', mp: '∓', cdot: '·', approx: '≈', sim: '∼', simeq: '≃', leq: '≤', le: '≤', geq: '≥',
  ge: '≥', neq: '≠', ne: '≠', infty: '∞', rightarrow: '→', to: '→', leftarrow: '←', Rightarrow: '⇒',
  Leftarrow: '⇐', leftrightarrow: '↔', uparrow: '↑', downarrow: '↓', ell: 'ℓ', partial: '∂', nabla: '∇',
  in: '∈', forall: '∀', exists: '∃', sqrt: '√', sum: '∑', prod: '∏', circ: '∘', star: '⋆', ast: '∗',
  // Greek
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ', Phi: 'Φ',
  Psi: 'Ψ', Omega: 'Ω',
};

/** One-character escapes: `\%` is a percent sign, `\\` a line break (a space in running text). */
const ESCAPES: Record<string, string> = {
  '%': '%', '&': '&', $: '$', '#': '#', _: '_', '{': '{', '}': '}', ' ': ' ', ',': ' ', ';': ' ', ':': ' ', '!': '', '/': '', '-': '', '\\': ' ', '@': '',
};

type Style = 'emphasis' | 'strong' | 'plain';
/** Declarations that style the rest of their group: `{\em word}`. */
const STYLE_SWITCHES: Record<string, Style> = { em: 'emphasis', it: 'emphasis', sl: 'emphasis', itshape: 'emphasis', bf: 'strong', bfseries: 'strong', rm: 'plain', sc: 'plain', tt: 'plain', sf: 'plain', normalfont: 'plain', scshape: 'plain', ttfamily: 'plain', small: 'plain', footnotesize: 'plain', large: 'plain', Large: 'plain' };
/** Commands whose one argument is styled text: `\emph{word}`. */
const STYLE_COMMANDS: Record<string, Style> = { emph: 'emphasis', textit: 'emphasis', textsl: 'emphasis', textbf: 'strong', texttt: 'plain', textsc: 'plain', textrm: 'plain', textsf: 'plain', textnormal: 'plain', mbox: 'plain', text: 'plain', textup: 'plain', underline: 'plain', mathrm: 'plain' };
/** Commands whose arguments are not shown to readers. */
const DROPPED_COMMANDS = new Set(['label', 'vspace', 'hspace', 'footnotemark', 'nocite', 'protect']);

export interface LatexResult {
  nodes: PhrasingContent[];
  /** Macros the converter does not know, shown as their bare names (`\carb` → "carb"). */
  unknownMacros: string[];
}

/**
 * Converts LaTeX leftovers in a piece of running text. `\url{…}` and `\href{…}{…}` become link
 * nodes whose URL is the raw argument; the caller makes links safe and absolute.
 */
export function latexToNodes(text: string): LatexResult {
  const unknownMacros: string[] = [];
  const parser = new Parser(text, unknownMacros);
  const nodes = parser.parseSequence(false);
  return { nodes: mergeText(nodes), unknownMacros };
}

class Parser {
  private pos = 0;
  private readonly src: string;
  private readonly unknown: string[];

  constructor(src: string, unknown: string[]) {
    this.src = src;
    this.unknown = unknown;
  }

  /** Parses until the end, or until the `}` closing the current group when `inGroup`. */
  parseSequence(inGroup: boolean): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    let style: Style | null = null;
    const startOfStyled = { index: 0 };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '}' && inGroup) break;
      if (ch === '\\') {
        const name = this.readMacroName();
        const switched = STYLE_SWITCHES[name];
        if (inGroup && switched && style === null) {
          style = switched;
          startOfStyled.index = out.length;
          this.skipSpaces();
          continue;
        }
        out.push(...this.expandMacro(name));
        continue;
      }
      if (ch === '{' && this.src[this.pos + 1] === '\\' && this.hasClosingBrace()) {
        // A brace group opened for a macro, `{\L}` or `{\em word}`: its braces are LaTeX syntax.
        this.pos++;
        const inner = this.parseSequence(true);
        this.pos++; // the closing brace
        out.push(...inner);
        continue;
      }
      out.push({ type: 'text', value: this.readPlain(inGroup) });
    }
    if (style && style !== 'plain') {
      const styled = out.splice(startOfStyled.index);
      out.push(wrap(style, styled));
    }
    return out;
  }

  private readPlain(inGroup: boolean): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '\\' || (ch === '}' && inGroup) || (ch === '{' && this.src[this.pos + 1] === '\\')) break;
      this.pos++;
    }
    return this.src.slice(start, this.pos);
  }

  private readMacroName(): string {
    this.pos++; // backslash
    const rest = this.src.slice(this.pos);
    const word = /^[A-Za-z]+/.exec(rest);
    if (word) {
      this.pos += word[0].length;
      return word[0];
    }
    const ch = rest[0] ?? '';
    this.pos += ch.length;
    return ch;
  }

  private expandMacro(name: string): PhrasingContent[] {
    if (name === '') return [text('\\')];
    const accent = ACCENTS[name];
    if (accent && (name.length === 1 || this.peek() === '{' || this.peek() === ' ')) {
      if (name.length > 1 || this.peek() === ' ') this.skipSpaces();
      const base = this.readAccentBase();
      if (base !== undefined) return [text((base + accent).normalize('NFC'))];
    }
    if (name in ESCAPES) return [text(ESCAPES[name]!)];
    const symbol = SYMBOLS[name] ?? (Object.hasOwn(LATEX_TEXT_COMMANDS, name) ? LATEX_TEXT_COMMANDS[name] : undefined);
    if (symbol !== undefined) {
      this.skipEmptyGroup();
      return [text(symbol)];
    }
    if (name === 'url') {
      const url = this.readRawArgument();
      return url === undefined ? [text('url')] : [{ type: 'link', url, children: [text(url)] }];
    }
    if (name === 'href') {
      const url = this.readRawArgument();
      if (url !== undefined && this.peek() === '{') {
        this.pos++;
        const label = this.parseSequence(true);
        this.pos++;
        return [{ type: 'link', url, children: label.length ? (label as never) : [text(url)] }];
      }
      return url === undefined ? [text('href')] : [{ type: 'link', url, children: [text(url)] }];
    }
    const styled = STYLE_COMMANDS[name];
    if (styled && this.peek() === '{' && this.hasClosingBrace()) {
      this.pos++;
      const inner = this.parseSequence(true);
      this.pos++;
      return styled === 'plain' ? inner : [wrap(styled, inner)];
    }
    if (DROPPED_COMMANDS.has(name)) {
      this.readRawArgument();
      return [];
    }
    if (STYLE_SWITCHES[name]) return []; // `\em` outside a group: nothing to style.
    // An unknown macro: show its argument if it has one, else its name, never the backslash.
    if (/^[A-Za-z]+$/.test(name)) this.unknown.push(`\\${name}`);
    if (this.peek() === '{' && this.hasClosingBrace()) {
      this.pos++;
      const inner = this.parseSequence(true);
      this.pos++;
      return inner;
    }
    return [text(name)];
  }

  /** The letter an accent applies to: `\'e`, `\'{e}`, `\'{\i}`. */
  private readAccentBase(): string | undefined {
    const ch = this.peek();
    if (ch === '{') {
      const m = /^\{(\\[ij]|[A-Za-z])\}/.exec(this.src.slice(this.pos));
      if (!m) return undefined;
      this.pos += m[0].length;
      return m[1] === '\\i' ? 'i' : m[1] === '\\j' ? 'j' : m[1];
    }
    if (ch === '\\' && /^\\[ij](?![A-Za-z])/.test(this.src.slice(this.pos))) {
      const letter = this.src[this.pos + 1]!;
      this.pos += 2;
      return letter;
    }
    if (ch !== undefined && /\p{L}/u.test(ch)) {
      this.pos++;
      return ch;
    }
    return undefined;
  }

  /** A `{…}` argument taken literally (for URLs), or undefined when there is none. */
  private readRawArgument(): string | undefined {
    if (this.peek() !== '{') return undefined;
    const end = this.src.indexOf('}', this.pos);
    if (end < 0) return undefined;
    const value = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    return value;
  }

  private hasClosingBrace(): boolean {
    let depth = 0;
    for (let i = this.pos; i < this.src.length; i++) {
      const ch = this.src[i];
      if (ch === '\\') i++;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) return true;
    }
    return false;
  }

  private skipEmptyGroup(): void {
    if (this.src.startsWith('{}', this.pos)) this.pos += 2;
  }

  private skipSpaces(): void {
    while (this.src[this.pos] === ' ') this.pos++;
  }

  private peek(): string | undefined {
    return this.src[this.pos];
  }
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function wrap(style: 'emphasis' | 'strong', children: PhrasingContent[]): PhrasingContent {
  return { type: style, children: mergeText(children) } as PhrasingContent;
}

/** Joins neighbouring text nodes, so later stages see whole words. */
export function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else if (node.type !== 'text' || node.value !== '') out.push(node);
  }
  return out;
}
