/**
 * The Markdown pipeline of paper entries, shared by astro.config.mjs and the tests that check
 * what a hostile abstract renders to. Abstracts are text, not markup: raw HTML shows as text,
 * and math goes to KaTeX at build time.
 */
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { rehypeMarkMathForSearch } from './rehype-mark-math-for-search.ts';
import { remarkHtmlAsText } from './remark-html-as-text.ts';

export const remarkPlugins = [remarkHtmlAsText, remarkMath];
export const rehypePlugins = [[rehypeKatex, { throwOnError: false, output: 'htmlAndMathml' }], rehypeMarkMathForSearch] as const;
