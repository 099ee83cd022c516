// Geocoding review queue (planner): GET /api/geocode/review; the candidate (or the map centre) as a draggable pin;
// accepting writes the pin as a manual location (PUT /api/venues|schools/{id}/location, WGS-84).
/* global L */
import { api, problemView, toast } from './api.js';
import { t, tCode, formatNumber } from './i18n.js';
import { el, facts } from './dom.js';

export function reviewQueue(box, app) {
  let pin = null;
  const list = el('ol', { class: 'plain review-list', 'data-testid': 'review-list' });
  const detail = el('div');
  box.replaceChildren(el('p', { class: 'muted' }, t('common.loading')));

  function clearPin() { if (pin) { app.map.removeLayer(pin); pin = null; } }

  function open(item, li) {
    list.querySelectorAll('li').forEach((x) => x.classList.toggle('selected', x === li));
    clearPin();
    const c = item.candidate;
    const start = c ? app.view.ctx.ll(c.lon, c.lat) : app.map.getCenter();
    pin = L.marker(start, { draggable: true, autoPan: true, title: item.name }).addTo(app.map);
    app.map.setView(start, Math.max(app.map.getZoom(), 16));
    const where = el('span', {});
    const show = () => { const [lon, lat] = app.view.ctx.toWgs(pin.getLatLng()); where.textContent = `${lon.toFixed(6)}, ${lat.toFixed(6)}`; };
    pin.on('drag', show);
    show();
    const accept = el('button', { type: 'button', class: 'btn', 'data-testid': 'review-accept' }, t('review.accept'));
    const out = el('div');
    accept.addEventListener('click', async () => {
      const [lon, lat] = app.view.ctx.toWgs(pin.getLatLng());
      const path = item.entityType === 'school' ? 'schools' : 'venues';
      try {
        await api(`/api/${path}/${item.entityId}/location`, { method: 'PUT', json: { lon, lat, datum: 'WGS84', reason: t('review.reason') } });
        toast(t('review.accepted', { name: item.name }));
        clearPin();
        detail.replaceChildren();
        li.remove();
        const o = item.entityType === 'school' ? 'schools' : 'venues';
        app[o].src.reload();
        app.view.refresh(o);
      } catch (e) {
        out.replaceChildren(problemView(e));
      }
    });
    detail.replaceChildren(el('div', { class: 'card-inner' },
      el('strong', {}, item.name),
      facts([
        [t('field.address'), item.address],
        [t('review.candidate'), c ? `${c.matched || ''} · ${tCode('geolevel', c.level)} · ${formatNumber((c.confidence || 0) * 100)}%` : t('review.nocandidate')],
        [t('review.pin'), where],
      ]),
      el('p', { class: 'muted' }, t('review.drag')),
      el('div', { class: 'form-row' }, accept,
        el('button', { type: 'button', class: 'btn btn-secondary', onclick: () => { clearPin(); detail.replaceChildren(); } }, t('common.cancel'))), out));
  }

  api('/api/geocode/review?limit=200').then((items) => {
    if (!items.length) { box.replaceChildren(el('p', { class: 'muted', 'data-testid': 'review-empty' }, t('review.empty'))); return; }
    items.forEach((item) => {
      const li = el('li', {}, el('button', { type: 'button', class: 'btn-link' }, item.name), ' ',
        el('span', { class: 'muted' }, `${tCode('entity', item.entityType)} · ${item.address || ''}`));
      li.querySelector('button').addEventListener('click', () => open(item, li));
      list.append(li);
    });
    box.replaceChildren(el('p', {}, el('span', { class: 'big-number' }, formatNumber(items.length)), ' ', t('review.count')), list, detail);
  }).catch((e) => box.replaceChildren(problemView(e)));

  return { destroy: clearPin };
}
