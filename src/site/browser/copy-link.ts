/** "Copy link": the canonical address when the site has one, else this page's address. */
export function initCopyLink(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-copy-link]');
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  if (!button) return;
  button.addEventListener('click', async () => {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]');
    const url = canonical?.href ?? location.href.split('#')[0]!;
    const ok = await copyText(url);
    if (status) status.textContent = ok ? 'Link copied.' : `Copy this address: ${url}`;
  });
}

/** Puts `text` on the clipboard: the Clipboard API, else (file://, older browsers) a selected textarea. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return legacyCopy(text); // clipboard API refused (file://, older browsers)
  }
}

function legacyCopy(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
