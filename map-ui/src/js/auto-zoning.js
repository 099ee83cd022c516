// Auto zoning (planner): proposals from POST /api/zones/generate side by side — workload max/min (minutes), the
// max/min ratio, Polsby-Popper compactness, contiguity — one previewed on the map, the chosen one saved as a zone set.
/* global L */
import { api, problemView, toast } from './api.js';
import { t, formatNumber } from './i18n.js';
import { el, tip } from './dom.js';
import { PALETTE } from './zones-layer.js';

export function autoZoning(box, app, { onSaved } = {}) {
  const proposals = [];
  let shown = -1;
  const count = el('input', { type: 'number', class: 'input', min: 2, max: 40, value: 4, 'data-testid': 'autozone-count' });
  const seed = el('input', { type: 'number', class: 'input', min: 0, value: 1 });
  const district = el('select', { class: 'input' });
  const run = el('button', { type: 'button', class: 'btn', 'data-testid': 'autozone-run' }, t('autozone.run'));
  const table = el('div', { 'data-testid': 'autozone-proposals' });
  const msg = el('div');
  box.append(el('div', { class: 'form-grid' },
    el('label', {}, t('autozone.district'), district), el('label', {}, t('autozone.count'), count),
    el('label', {}, t('autozone.seed'), seed), run), msg, table);

  // the user's own district first (a unit's adcode, or the district holding most of its venues), not the list's first
  Promise.all([app.districts.src.get(), app.venues.src.get().catch(() => null)]).then(([fc, venues]) => {
    fc.features.forEach((f) => district.append(
      el('option', { value: f.properties.adcode }, `${f.properties.name} (${f.properties.adcode})`)));
    const codes = fc.features.map((f) => f.properties.adcode);
    const mine = app.unit && app.unit.adcode;
    let pick = codes.includes(mine) ? mine : null;
    if (!pick && venues) {
      const n = {};
      venues.features.forEach((f) => { const d = f.properties.district; if (d) n[d] = (n[d] || 0) + 1; });
      pick = codes.filter((c) => n[c]).sort((a, b) => n[b] - n[a])[0] || null;
    }
    if (pick) district.value = pick;
  }).catch(() => {});

  function preview(i) {
    shown = i;
    app.view.removeOverlay('proposal');
    if (i < 0) { render(); return; }
    const p = proposals[i];
    app.view.addOverlay('proposal', async (ctx) => L.geoJSON(null, {
      style: (f) => ({ color: PALETTE[(f.properties.index - 1) % PALETTE.length], weight: 2, fillOpacity: 0.3, className: 'proposal' }),
      onEachFeature: (f, l) => l.bindTooltip(tip(`${f.properties.name} · ${formatNumber(f.properties.workloadMin)} ${t('unit.min')} · PP ${formatNumber(f.properties.polsbyPopper, 2)}`), { sticky: true }),
    }).addData(p.zones.features.map((f) => ({ ...f, geometry: ctx.geo(f.geometry) }))));
    render();
  }

  async function saveProposal(i) {
    const p = proposals[i];
    const name = window.prompt(t('autozone.save.name'), `${p.districtName || ''}${p.zoneCount}${t('autozone.save.suffix')}`);
    if (name === null) return;
    try {
      const s = await api('/api/zone-sets', { method: 'POST', json: { name, district: p.district, zones: p.zones, params: { zoneCount: p.zoneCount, seed: p.seed } } });
      const active = await api(`/api/zone-sets/${s.id}/activate`, { method: 'PUT' });
      toast(t('autozone.saved', { name }));
      preview(-1);
      await onSaved(active);
    } catch (e) {
      msg.replaceChildren(problemView(e));
    }
  }

  function render() {
    if (!proposals.length) { table.replaceChildren(); return; }
    const pp = (p) => p.zones.features.map((f) => f.properties.polsbyPopper);
    const best = Math.min(...proposals.map((p) => p.workload.maxOverMin || Infinity));
    table.replaceChildren(el('div', { class: 'table-scroll' }, el('table', { class: 'grid compact autozone-table' },
      el('thead', {}, el('tr', {}, ...['autozone.col.n', 'autozone.col.zones', 'autozone.col.max', 'autozone.col.min', 'autozone.col.ratio',
        'autozone.col.pp', 'autozone.col.ppmin', 'autozone.col.contiguous'].map((k) => el('th', {}, t(k))))),
      el('tbody', {}, ...proposals.map((p, i) => el('tr', { class: i === shown ? 'selected' : '', 'data-testid': 'autozone-proposal' },
        // the buttons first: on a narrow panel the figures scroll sideways, the buttons stay in sight
        el('td', { class: 'actions' }, el('div', {}, `#${i + 1} (${t('autozone.seed')} ${p.seed})`),
          el('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-testid': 'autozone-show', onclick: () => preview(i === shown ? -1 : i) }, t(i === shown ? 'autozone.hide' : 'autozone.show')),
          ' ', el('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'autozone-use', onclick: () => saveProposal(i) }, t('autozone.use'))),
        el('td', { class: 'num' }, formatNumber(p.zoneCount)),
        el('td', { class: 'num' }, formatNumber(p.workload.maxMin)),
        el('td', { class: 'num' }, formatNumber(p.workload.minMin)),
        el('td', { class: `num${p.workload.maxOverMin === best ? ' best' : ''}` }, formatNumber(p.workload.maxOverMin, 3)),
        el('td', { class: 'num' }, formatNumber(pp(p).reduce((a, b) => a + b, 0) / pp(p).length, 3)),
        el('td', { class: 'num' }, formatNumber(Math.min(...pp(p)), 3)),
        el('td', {}, p.contiguous ? '✓' : `${p.contiguousZones}/${p.zoneCount}`)))))),
    el('p', { class: 'muted' }, t('autozone.note')));
  }

  run.addEventListener('click', async () => {
    run.disabled = true;
    msg.replaceChildren(el('p', { class: 'muted' }, t('autozone.running')));
    try {
      const p = await api('/api/zones/generate', { method: 'POST', json: { district: district.value || undefined, zoneCount: Number(count.value), seed: Number(seed.value) } });
      proposals.push(p);
      seed.value = String(Number(seed.value) + 1);
      msg.replaceChildren();
      preview(proposals.length - 1);
    } catch (e) {
      msg.replaceChildren(problemView(e));
    } finally {
      run.disabled = false;
    }
  });

  return { destroy() { app.view.removeOverlay('proposal'); } };
}
