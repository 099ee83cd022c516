// Tiny DOM builder: text always goes in as text (never HTML), event handlers as properties (CSP forbids inline ones).

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'style') Object.assign(node.style, v); // CSSOM: the CSP (style-src 'self') refuses style attributes
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** A definition list of label → value rows, skipping empty values. */
export function facts(rows) {
  const dl = el('dl', { class: 'facts' });
  for (const [label, value] of rows) {
    if (value === null || value === undefined || value === '') continue;
    dl.append(el('dt', {}, label), el('dd', {}, value));
  }
  return dl;
}

export function section(titleText, ...children) {
  return el('section', { class: 'card' }, el('h2', {}, titleText), ...children);
}

/** Tooltip content built as a text node: names from the registers never reach Leaflet as an HTML string. */
export function tip(text) {
  return el('span', {}, text);
}
