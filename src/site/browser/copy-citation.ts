/** The "Cite" box's "Copy BibTeX": copies the BibTeX the build wrote into the page. */
import { copyText } from './copy-link.ts';

export function initCopyCitation(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-copy-bibtex]');
  const source = document.querySelector<HTMLElement>('[data-cite-bibtex]');
  const status = document.querySelector<HTMLElement>('[data-cite-status]');
  if (!button || !source) return;
  button.addEventListener('click', async () => {
    const ok = await copyText(source.textContent ?? '');
    if (ok) {
      if (status) status.textContent = 'BibTeX copied.';
      return;
    }
    // Nothing could reach the clipboard: select the text so the reader can copy it by hand.
    const range = document.createRange();
    range.selectNodeContents(source);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    if (status) status.textContent = 'Press Ctrl+C (⌘C) to copy the selected BibTeX.';
  });
}
