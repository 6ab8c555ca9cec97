/** localStorage keys of the browser-side features. */
export const STORAGE_KEYS = { theme: 'papershelf:theme', read: 'papershelf:read' } as const;
