/** Theme choice: auto follows the system; light and dark are remembered. */
import { STORAGE_KEYS } from '../consts.ts';
import { readStored, writeStored } from './storage.ts';

export function initThemeSelect(): void {
  const select = document.querySelector<HTMLSelectElement>('[data-theme-select]');
  if (!select) return;
  select.value = readStored(STORAGE_KEYS.theme) ?? 'auto';
  select.addEventListener('change', () => {
    const value = select.value;
    if (value === 'light' || value === 'dark') {
      document.documentElement.dataset.theme = value;
      writeStored(STORAGE_KEYS.theme, value);
    } else {
      delete document.documentElement.dataset.theme;
      writeStored(STORAGE_KEYS.theme, null);
    }
  });
}
