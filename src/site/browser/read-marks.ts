/** "Mark as read": a set of paper ids in localStorage, shown on paper pages and in every list. */
import { STORAGE_KEYS } from '../consts.ts';
import { readStored, writeStored } from './storage.ts';

function readIds(): Set<string> {
  try {
    const list: unknown = JSON.parse(readStored(STORAGE_KEYS.read) ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Marks every paper in `scope` (lists, related papers, search results) that has been read. */
export function paintReadMarks(scope: ParentNode = document): void {
  const read = readIds();
  scope.querySelectorAll<HTMLElement>('li[data-paper-id]').forEach((item) => {
    const on = read.has(item.dataset.paperId!);
    item.classList.toggle('is-read', on);
    const badge = item.querySelector<HTMLElement>('.read-badge');
    if (badge) badge.hidden = !on;
  });
  scope.querySelectorAll<HTMLButtonElement>('[data-read-toggle]').forEach((button) => {
    const on = read.has(button.dataset.readToggle!);
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Read ✓' : 'Mark as read';
  });
}

export function initReadMarks(): void {
  document.querySelectorAll<HTMLButtonElement>('[data-read-toggle]').forEach((button) => {
    button.addEventListener('click', () => {
      const ids = readIds();
      const id = button.dataset.readToggle!;
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      writeStored(STORAGE_KEYS.read, JSON.stringify([...ids].sort()));
      paintReadMarks();
    });
  });
  // Another tab marked a paper: show it here too.
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEYS.read) paintReadMarks();
  });
  paintReadMarks();
}
