/** Tag and topic indexes: sort by count (as built) or by name. */
export function initSortableTerms(): void {
  document.querySelectorAll<HTMLElement>('[data-sortable-terms]').forEach((box) => {
    const buttons = box.querySelector<HTMLElement>('[data-sort-buttons]');
    const list = box.querySelector('ul');
    if (!buttons || !list) return;
    buttons.hidden = false;
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    buttons.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('[data-sort]');
      if (!button) return;
      const byName = button.dataset.sort === 'name';
      const items = [...list.children] as HTMLElement[];
      items.sort((a, b) =>
        byName
          ? collator.compare(a.dataset.name!, b.dataset.name!)
          : Number(b.dataset.count) - Number(a.dataset.count) || collator.compare(a.dataset.name!, b.dataset.name!),
      );
      list.append(...items);
      buttons.querySelectorAll('[data-sort]').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
    });
  });
}
