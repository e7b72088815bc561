// Small DOM helpers. Text always goes in as text nodes, never as HTML, so nothing the API
// returns (a caller's alias, an end reason) can become markup.

/**
 * Creates an element.
 * @param {string} tag the tag name
 * @param {object} [props] attributes; `on<event>` keys add listeners, `dataset` sets data-*
 * @param {...(Node|string|number|null|undefined|false)} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(key, '');
    } else {
      element.setAttribute(key, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `element`. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A table whose header is `columns` ([label, key-or-function]) and whose rows are `rows`. */
export function table(columns, rows, { caption, rowProps } = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map(([label]) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, rows.map((row) => h('tr', rowProps ? rowProps(row) : {},
        columns.map(([label, value]) => h('td', { 'data-label': label },
          typeof value === 'function' ? value(row) : (row[value] ?? '')))))),
    ));
}

/** Shows a short message in the status area (read out by screen readers). */
export function toast(message) {
  const area = document.getElementById('toast');
  area.textContent = message;
  area.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => area.classList.remove('show'), 4000);
}

/** "1:05" for 65 seconds, "1:01:05" past the hour. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '';
  const s = Math.max(0, Math.floor(seconds));
  const parts = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const text = parts.map((n) => String(n).padStart(2, '0'));
  return parts[0] > 0 ? `${parts[0]}:${text[1]}:${text[2]}` : `${parts[1]}:${text[2]}`;
}

/** A timestamp in the browser's locale and zone, or ''. */
export function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

/** A party as "Alias (number)" or the number alone. */
export function party(number, alias) {
  return alias && alias !== number ? `${alias} (${number})` : (number || '');
}
