/* Papershelf in the browser: theme choice, read marks, copy link, sortable term lists and search.
   A classic script, not a module: module scripts are blocked on pages opened from disk (file://). */
(function () {
  'use strict';

  var KEYS = { theme: 'papershelf:theme', read: 'papershelf:read' };
  var root = document.body.getAttribute('data-root') || '';

  function store(key, value) {
    try {
      if (value === undefined) return localStorage.getItem(key);
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) {
      return null; // storage disabled: every feature still works for this page view
    }
    return null;
  }

  /* Theme: auto follows the system; light and dark are kept. */
  var themeSelect = document.querySelector('[data-theme-select]');
  if (themeSelect) {
    themeSelect.value = store(KEYS.theme) || 'auto';
    themeSelect.addEventListener('change', function () {
      var value = themeSelect.value;
      if (value === 'light' || value === 'dark') {
        document.documentElement.setAttribute('data-theme', value);
        store(KEYS.theme, value);
      } else {
        document.documentElement.removeAttribute('data-theme');
        store(KEYS.theme, null);
      }
    });
  }

  /* Read marks: a set of paper ids in localStorage, shown on paper pages and in every list. */
  function readSet() {
    try {
      var list = JSON.parse(store(KEYS.read) || '[]');
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return [];
    }
  }
  function isRead(id) {
    return readSet().indexOf(id) >= 0;
  }
  function setRead(id, read) {
    var list = readSet().filter(function (x) { return x !== id; });
    if (read) list.push(id);
    store(KEYS.read, JSON.stringify(list));
  }
  function paintReadMarks() {
    var read = readSet();
    document.querySelectorAll('li[data-paper-id]').forEach(function (item) {
      var on = read.indexOf(item.getAttribute('data-paper-id')) >= 0;
      item.classList.toggle('is-read', on);
      var badge = item.querySelector('.read-badge');
      if (badge) badge.hidden = !on;
    });
    document.querySelectorAll('[data-read-toggle]').forEach(function (button) {
      var on = read.indexOf(button.getAttribute('data-read-toggle')) >= 0;
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      button.textContent = on ? 'Read ✓' : 'Mark as read';
    });
  }
  document.querySelectorAll('[data-read-toggle]').forEach(function (button) {
    button.addEventListener('click', function () {
      var id = button.getAttribute('data-read-toggle');
      setRead(id, !isRead(id));
      paintReadMarks();
    });
  });
  window.addEventListener('storage', function (event) {
    if (event.key === KEYS.read) paintReadMarks();
  });
  paintReadMarks();

  /* Copy link: the canonical address when the site has one, else this page's address. */
  var copyButton = document.querySelector('[data-copy-link]');
  if (copyButton) {
    copyButton.addEventListener('click', function () {
      var canonical = document.querySelector('link[rel="canonical"]');
      var url = canonical ? canonical.href : location.href.split('#')[0];
      var status = document.querySelector('[data-copy-status]');
      function done(ok) {
        if (status) status.textContent = ok ? 'Link copied.' : 'Copy failed; the address is: ' + url;
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(fallbackCopy(url)); });
      } else {
        done(fallbackCopy(url));
      }
    });
  }
  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'absolute';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  /* Tag and topic indexes: sort by count or by name. */
  document.querySelectorAll('[data-sortable-terms]').forEach(function (box) {
    var buttons = box.querySelector('[data-sort-buttons]');
    var list = box.querySelector('ul');
    if (!buttons || !list) return;
    buttons.hidden = false;
    buttons.addEventListener('click', function (event) {
      var button = event.target.closest('[data-sort]');
      if (!button) return;
      var key = button.getAttribute('data-sort');
      var items = Array.prototype.slice.call(list.children);
      items.sort(function (a, b) {
        if (key === 'name') return a.getAttribute('data-name').localeCompare(b.getAttribute('data-name'));
        return Number(b.getAttribute('data-count')) - Number(a.getAttribute('data-count')) || a.getAttribute('data-name').localeCompare(b.getAttribute('data-name'));
      });
      items.forEach(function (item) { list.appendChild(item); });
      buttons.querySelectorAll('[data-sort]').forEach(function (b) { b.setAttribute('aria-pressed', b === button ? 'true' : 'false'); });
    });
  });

  window.Papershelf = { root: root, paintReadMarks: paintReadMarks };
})();
