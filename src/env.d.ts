interface ImportMetaEnv {
  /** The abstract cache folder, set by astro.config.mjs (see src/site/markdown/abstract-html.ts). */
  readonly PAPERSHELF_ABSTRACT_CACHE?: string;
  /** A file listing paper pages the build kept from its last run, set by scripts/build.ts only. */
  readonly PAPERSHELF_KEPT_PAGES?: string;
}
