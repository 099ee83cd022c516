// Planner view (执法科室): register overview, zones drawn with Geoman, campaigns, geocoding review, imports.
/* global L */
import { api, documented, probe, problemView, showError, toast } from './api.js';
import { t, tCode, formatNumber } from './i18n.js';
import { el, section } from './dom.js';
import { unavailable } from './venue-card.js';

export async function renderPlanner(panel, app) {
  const regs = el('div', { class: 'stats' }, el('p', { class: 'muted' }, t('common.loading')));
  const zones = el('div', {});
  const campaigns = el('div', {}, el('p', { class: 'muted' }, t('common.loading')));
  const review = el('div', {}, el('p', { class: 'muted' }, t('common.loading')));
  panel.replaceChildren(
    section(t('planner.registers'), regs),
    section(t('planner.zones'), zones),
    section(t('planner.campaigns'), campaigns),
    section(t('planner.review'), review),
    section(t('planner.import'), importForm(app)));

  registerStats(regs, app);
  zonePanel(zones, app);
  feature(campaigns, '/api/campaigns', (d) => {
    const items = Array.isArray(d) ? d : (d.items || []);
    return el('div', {}, el('p', { class: 'big-number' }, formatNumber(items.length), ' ', el('small', {}, t('planner.campaigns.count'))),
      el('ul', { class: 'plain' }, ...items.slice(0, 8).map((c) => el('li', {}, c.name || `#${c.id}`, ' ', el('span', { class: 'muted' }, c.type || '')))));
  });
  feature(review, '/api/geocode/review', (d) => {
    const items = Array.isArray(d) ? d : (d.items || d.features || []);
    return el('p', { class: 'big-number' }, formatNumber(items.length), ' ', el('small', {}, t('planner.review.count')));
  });
}

/** Fills box from a feature endpoint, or says "not available yet" when the backend is not deployed. */
export async function feature(box, path, render) {
  const r = await probe(path);
  if (r.state === 'ok') box.replaceChildren(render(r.data));
  else if (r.state === 'missing') box.replaceChildren(unavailable());
  else if (r.state === 'forbidden') box.replaceChildren(el('p', { class: 'muted' }, t('common.forbidden')));
  else box.replaceChildren(problemView(r.error));
  return r.state;
}

async function registerStats(box, app) {
  try {
    const [v, s, d] = await Promise.all([app.venues.src.get(), app.schools.src.get(), app.districts.src.get()]);
    const byCat = {};
    v.features.forEach((f) => { byCat[f.properties.category] = (byCat[f.properties.category] || 0) + 1; });
    box.replaceChildren(
      el('div', { class: 'stat-row' },
        stat(t('planner.venues'), v.numberMatched), stat(t('planner.schools'), s.numberMatched), stat(t('planner.districts'), d.numberMatched)),
      el('table', { class: 'grid compact' }, el('tbody', {}, ...Object.entries(byCat).sort((a, b) => b[1] - a[1]).map(([c, n]) =>
        el('tr', {}, el('td', {}, el('span', { class: `swatch venue-pin cat-${c}` }), tCode('cat', c)), el('td', { class: 'num' }, formatNumber(n)))))));
  } catch (e) {
    box.replaceChildren(problemView(e));
  }
}

function stat(label, n) {
  return el('div', { class: 'stat' }, el('div', { class: 'stat-value' }, formatNumber(n)), el('div', { class: 'stat-label' }, label));
}

/** Zones: the list when /api/zones answers, and a Geoman drawing tool whose result is POSTed as a GeoJSON polygon. */
async function zonePanel(box, app) {
  const state = await feature(box, '/api/zones', (d) => {
    const n = Array.isArray(d) ? d.length : (d.features || []).length;
    return el('p', { class: 'big-number' }, formatNumber(n), ' ', el('small', {}, t('planner.zones.count')));
  });
  if (state !== 'ok' || !app.map.pm) return;
  const map = app.map;
  map.pm.setLang(document.documentElement.lang === 'en' ? 'en' : 'zh');
  map.pm.addControls({ position: 'topleft', drawMarker: false, drawCircleMarker: false, drawPolyline: false, drawCircle: false,
    drawText: false, rotateMode: false, dragMode: false, drawRectangle: true, drawPolygon: true, editMode: true, cutPolygon: true, removalMode: true });
  map.pm.setGlobalOptions({ snappable: true, snapDistance: 15, allowSelfIntersection: false });
  const name = el('input', { type: 'text', class: 'input', 'data-testid': 'zone-name', placeholder: t('planner.zones.name') });
  const save = el('button', { type: 'button', class: 'btn', 'data-testid': 'zone-save', disabled: true }, t('common.save'));
  const msg = el('div', { class: 'muted' });
  let drawn = null;
  map.on('pm:create', (e) => {
    if (drawn) map.removeLayer(drawn);
    drawn = e.layer;
    save.disabled = false;
    msg.replaceChildren(t('planner.zones.drawn'));
  });
  save.addEventListener('click', async () => {
    if (!drawn) return;
    const gj = drawn.toGeoJSON().geometry;
    const ring = gj.coordinates[0].map(([lon, lat]) => app.view.ctx.toWgs(L.latLng(lat, lon)));
    try {
      await api('/api/zones', { method: 'POST', json: { name: name.value || t('planner.zones'), geometry: { type: 'Polygon', coordinates: [ring] } } });
      map.removeLayer(drawn);
      drawn = null;
      save.disabled = true;
      toast(t('planner.zones.saved'));
      app.zones.reload();
      app.view.refresh('zones');
      zonePanel(box, app);
    } catch (e) {
      msg.replaceChildren(problemView(e));
    }
  });
  box.append(el('div', { class: 'form-row' }, name, save), msg);
}

function importForm() {
  const file = el('input', { type: 'file', class: 'input', accept: '.csv,.xlsx,.geojson,.json', required: true });
  const kind = el('select', { class: 'input' }, ...['venues', 'schools', 'districts', 'inspectors'].map((k) => el('option', { value: k }, t('kind.' + k))));
  const datum = el('select', { class: 'input' }, ...['WGS84', 'GCJ02', 'BD09'].map((d) => el('option', { value: d }, d)));
  const progress = el('progress', { class: 'progress', max: 100, value: 0, hidden: true });
  const out = el('div', { class: 'import-result' });
  const form = el('form', { class: 'form' },
    el('label', {}, t('planner.import.kind'), kind),
    el('label', {}, t('planner.import.datum'), datum),
    el('label', {}, t('planner.import.file'), file),
    el('button', { type: 'submit', class: 'btn' }, t('planner.import.submit')), progress, out);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!file.files.length) return;
    const fd = new FormData();
    fd.append('file', file.files[0]);
    fd.append('kind', kind.value);
    fd.append('datum', datum.value);
    out.replaceChildren();
    if (!(await documented('/api/imports'))) { out.replaceChildren(unavailable()); return; }
    progress.hidden = false;
    progress.removeAttribute('value');
    try {
      let r = await api('/api/imports', { method: 'POST', body: fd });
      if (r && r.jobId) r = await pollJob(r.jobId, progress);
      out.replaceChildren(el('p', { class: 'ok' }, t('planner.import.done', r || {})));
    } catch (e) {
      out.replaceChildren(e.status === 404 ? unavailable() : problemView(e));
      if (e.status !== 404 && e.status !== 422) showError(e);
    } finally {
      progress.hidden = true;
    }
  });
  return form;
}

async function pollJob(id, progress) {
  for (;;) {
    const j = await api(`/api/jobs/${id}`);
    if (j.percent != null) progress.value = j.percent;
    if (j.state === 'DONE') return j.result || j;
    if (j.state === 'FAILED') throw Object.assign(new Error(j.error || 'failed'), { problem: j.problem || { title: j.error } });
    await new Promise((res) => setTimeout(res, 700));
  }
}
