/**
 * The Markdown pipeline of paper entries, shared by astro.config.mjs and the tests that check
 * what a hostile abstract renders to. Abstracts are text, not markup: raw HTML shows as text,
 * and math goes to KaTeX at build time.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { Options as KatexOptions } from 'rehype-katex';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { remarkHtmlAsText } from './remark-html-as-text.ts';

// rehype-katex reports bad math as a build warning and shows it as source; it never throws.
const katex: KatexOptions = { output: 'htmlAndMathml' };

export const remarkPlugins: RemarkPlugins = [remarkHtmlAsText, remarkMath];
export const rehypePlugins: RehypePlugins = [[rehypeKatex, katex]];
