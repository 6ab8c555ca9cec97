interface ImportMetaEnv {
  /** The abstract cache folder, set by astro.config.mjs (see src/site/markdown/abstract-html.ts). */
  readonly PAPERSHELF_ABSTRACT_CACHE?: string;
  /** The file of this Astro process's render plan (src/site/lib/kept-pages.ts), set by scripts/build.ts only. */
  readonly PAPERSHELF_RENDER_PLAN?: string;
  /** The paper entries the build's ingest wrote (src/site/content/paper-entries-file.ts), set by scripts/build.ts only. */
  readonly PAPERSHELF_PAPER_ENTRIES?: string;
  /** The citation cache folder (formatted references and BibTeX), set by astro.config.mjs (see src/site/lib/citation-cache.ts). */
  readonly PAPERSHELF_CITATION_CACHE?: string;
}

/** citation-js ships no types; src/core/citation-js.ts types the few calls Papershelf makes. */
declare module '@citation-js/core' {
  const core: unknown;
  export default core;
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-bibtex/lib/input/constants.js' {
  /** The command → character tables the BibTeX parser reads LaTeX with. */
  export const commands: Record<string, string>;
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/name' {
  /** A display name (`Anna van der Berg`) → its CSL parts (given, particles, family). */
  export function parse(name: string): { given?: string; family?: string; literal?: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string; suffix?: string };
}

/** linebreak (UAX 14, the line breaker satori uses) ships no types; src/publish/og-card-flow.ts uses its iterator. */
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
