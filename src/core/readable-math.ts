/**
 * TeX math as readable plain text (`$\ell_2$` → `ℓ₂`, `$67.2 \rightarrow 71.4$` → `67.2 → 71.4`,
 * `$E = mc^2$` → `E = mc²`), for search excerpts, which show text, not typeset math. Written by
 * hand: KaTeX's MathML spells a formula out but drops the marks of sub- and superscripts
 * (`E = mc2`), and no library turns TeX into Unicode text for the browser without TeX's size.
 * Unknown commands lose their backslash, so the text stays readable if not pretty.
 */

const SYMBOLS: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', kappa: 'κ',
  lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ',
  omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', ell: 'ℓ',
  rightarrow: '→', to: '→', leftarrow: '←', Rightarrow: '⇒', leftrightarrow: '↔', mapsto: '↦', times: '×', cdot: '·',
  pm: '±', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '∼', propto: '∝', infty: '∞',
  sum: 'Σ', prod: 'Π', int: '∫', partial: '∂', nabla: '∇', in: '∈', subset: '⊂', cup: '∪', cap: '∩', sqrt: '√',
  ldots: '…', dots: '…', cdots: '⋯', log: 'log', exp: 'exp', sin: 'sin', cos: 'cos', max: 'max', min: 'min',
};
const SUPERSCRIPT: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻', n: 'ⁿ', i: 'ⁱ', T: 'ᵀ' };
const SUBSCRIPT: Record<string, string> = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', n: 'ₙ', t: 'ₜ' };
const BLACKBOARD: Record<string, string> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', E: '𝔼', P: 'ℙ' };

/** `^x`/`_x` as Unicode marks when every character has one, else `^(x)`/`_(x)`. */
function script(body: string, marks: Record<string, string>, sign: string): string {
  const chars = Array.from(body);
  if (chars.every((c) => marks[c])) return chars.map((c) => marks[c]).join('');
  return chars.length === 1 ? `${sign}${body}` : `${sign}(${body})`;
}

/** One formula's TeX source (without its `$` delimiters) as plain text. */
export function readableTex(tex: string): string {
  let text = tex
    .replace(/\\(?:text|mathrm|mathit|mathbf|mathsf|mathtt|operatorname|textbf|textit|mbox)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\mathbb\s*\{([A-Z])\}/g, (_, l: string) => BLACKBOARD[l] ?? l)
    .replace(/\\mathcal\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2')
    .replace(/\\(?:left|right|big|Big|bigg|Bigg)(?![a-zA-Z])/g, '')
    .replace(/\\([a-zA-Z]+)/g, (whole, name: string) => SYMBOLS[name] ?? name)
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\\([{}$%&#_])/g, '$1');
  text = text
    .replace(/\^\s*\{([^{}]*)\}|\^\s*(\S)/g, (_, group?: string, one?: string) => script(group ?? one ?? '', SUPERSCRIPT, '^'))
    .replace(/_\s*\{([^{}]*)\}|_\s*(\S)/g, (_, group?: string, one?: string) => script(group ?? one ?? '', SUBSCRIPT, '_'));
  return text.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}

/** Plain text whose `$…$` and `$$…$$` formulas are made readable text; an escaped `\$` stays a dollar. */
export function withReadableMath(text: string): string {
  return text.replace(/\$\$([^$]+)\$\$|(?<!\\)\$((?:\\.|[^$\\])+)\$/g, (_, display?: string, inline?: string) => readableTex(display ?? inline ?? ''));
}
