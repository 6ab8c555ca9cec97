/** "Copy link": the canonical address when the site has one, else this page's address. */
export function initCopyLink(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-copy-link]');
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  if (!button) return;
  button.addEventListener('click', async () => {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]');
    const url = canonical?.href ?? location.href.split('#')[0]!;
    let ok = false;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch {
      ok = legacyCopy(url); // clipboard API refused (file://, older browsers)
    }
    if (status) status.textContent = ok ? 'Link copied.' : `Copy this address: ${url}`;
  });
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
