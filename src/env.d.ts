interface ImportMetaEnv {
  /** The abstract cache folder, set by astro.config.mjs (see src/site/markdown/abstract-html.ts). */
  readonly PAPERSHELF_ABSTRACT_CACHE?: string;
}
