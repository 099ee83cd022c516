// Search box: registered venues and schools by name/address/licence, plus the address geocoder (GET /api/geocode).
import { api } from './api.js';
import { t, tCode } from './i18n.js';
import { el } from './dom.js';

// Runs as you type (300 ms after the last key), on Enter and on the button; every keystroke drops the results of the
// text before it, so a list never answers a query no longer in the box.
const DEBOUNCE_MS = 300;

export function wireSearch(form, input, results, app) {
  let seq = 0;
  let timer = null;
  const close = () => { results.hidden = true; results.replaceChildren(); };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    seq++; // an answer still on its way is stale now
    const q = input.value.trim();
    if (!q) { close(); return; }
    results.replaceChildren(el('li', { class: 'muted', 'data-testid': 'search-pending' }, t('search.searching')));
    results.hidden = false;
    timer = setTimeout(() => run(q), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { close(); return; }
    run(q);
  });
  async function run(q) {
    const my = ++seq;
    const enc = encodeURIComponent(q);
    const [v, s, g] = await Promise.all([
      api(`/api/venues?q=${enc}&limit=6`).catch(() => null),
      api(`/api/schools?q=${enc}&limit=4`).catch(() => null),
      api(`/api/geocode?q=${enc}&limit=3`).catch(() => null),
    ]);
    if (my !== seq) return;
    const items = [];
    (v ? v.features : []).forEach((f) => items.push(el('li', {}, el('button', { type: 'button', onclick: () => { close(); app.openVenue(f.properties.id); } },
      el('span', { class: `swatch venue-pin cat-${f.properties.category}` }), f.properties.name,
      el('small', { class: 'muted' }, ' ', tCode('cat', f.properties.category), ' · ', f.properties.address || '')))));
    (s ? s.features : []).forEach((f) => items.push(el('li', {}, el('button', { type: 'button', onclick: () => { close(); app.flyToGeometry(f.properties.campus || f.geometry); } },
      el('span', { class: 'swatch swatch-campus' }), f.properties.name, el('small', { class: 'muted' }, ' ', tCode('level', f.properties.level))))));
    (Array.isArray(g) ? g : (g && g.candidates) || []).forEach((c) => items.push(el('li', {}, el('button', { type: 'button', onclick: () => { close(); app.flyToGeometry({ type: 'Point', coordinates: [c.lon, c.lat] }); } },
      el('span', { class: 'swatch swatch-address' }), c.matched || c.text || `${c.lon}, ${c.lat}`, el('small', { class: 'muted' }, ' ', t('search.geocoder'), ' · ', tCode('geolevel', c.level))))));
    results.replaceChildren(...(items.length ? items : [el('li', { class: 'muted' }, t('search.none'))]));
    results.dataset.query = q;
    results.hidden = false;
  }
  document.addEventListener('click', (e) => { if (!form.contains(e.target)) close(); });
  input.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
}
