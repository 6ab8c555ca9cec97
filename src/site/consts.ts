/** Site-wide words, in one place. */
export const SITE_NAME = 'Papershelf';
export const SITE_TAGLINE = 'A reading list of research papers';
/** localStorage keys of the browser-side features. */
export const STORAGE_KEYS = { theme: 'papershelf:theme', read: 'papershelf:read' } as const;
