/** The offline search engine run in Node on an index built in memory, as a page opened from disk runs it. */

/** Where the fake page's site lives. */
export const OFFLINE_ROOT = 'file:///site/';

/**
 * A page opened from disk, as far as the offline engine needs one: `document.head.append(script)`
 * runs the index file the script names, or calls `onerror` when the build did not write it.
 */
export function fakePageFromDisk(files: ReadonlyMap<string, string>): void {
  const page = globalThis as unknown as Record<string, unknown>;
  page.window = globalThis;
  page.document = {
    createElement: () => ({}),
    head: {
      append(script: { src: string; onerror?: () => void }) {
        const text = files.get(script.src.slice(OFFLINE_ROOT.length));
        if (text === undefined) return script.onerror?.();
        new Function(text)();
      },
    },
  };
}

/** Undoes `fakePageFromDisk`. */
export function closePageFromDisk(): void {
  const page = globalThis as unknown as Record<string, unknown>;
  delete page.document;
  delete page.window;
  delete page.__papershelfOffline;
}
