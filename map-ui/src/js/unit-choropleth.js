// The city's view per unit (issue 14, 市局): a choropleth of the units directly below the manager's unit (coverage
// ratio, inspections per venue, open violations near schools) from GET /api/coverage/units, with a table of the same
// figures; a click on a unit drills into it (its own units below, or the unit alone), "up" goes back. Shown to users of
// a unit that has units below it (the city); manager.js only calls renderUnitChoropleth.
/* global L */
import { api, problemView } from './api.js';
import { t, formatNumber } from './i18n.js';
import { el } from './dom.js';

export const UNIT_METRICS = ['coverage', 'inspectionsPerVenue', 'openViolations'];
const RAMPS = {
  coverage: ['#f7fcf5', '#c7e9c0', '#74c476', '#238b45', '#00441b'],
  inspectionsPerVenue: ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'],
  openViolations: ['#fff5f0', '#fcbba1', '#fb6a4a', '#cb181d', '#67000d'],
};

function value(p, metric) {
  const v = p[metric];
  return v == null ? null : Number(v);
}

function shown(v, metric) {
  if (v == null) return '—';
  if (metric === 'coverage') return `${formatNumber(v * 100, 1)}%`;
  if (metric === 'inspectionsPerVenue') return formatNumber(v, 2);
  return formatNumber(v);
}

function colour(metric, v, max) {
  const r = RAMPS[metric];
  if (v == null) return '#dddddd';
  const x = max > 0 ? Math.min(1, v / max) : 0;
  return r[Math.min(r.length - 1, Math.floor(x * r.length))];
}

/** True when the unit has units below it (the city): the view is worth showing. */
export function showsUnits(app) {
  return Boolean(app.unit && app.unit.kind === 'city');
}

/**
 * Renders the per-unit choropleth into {@code container} and as the map overlay 'units'; {@code period()} gives
 * {from, to}. Returns {reload, dispose}.
 */
export function renderUnitChoropleth(container, app, period) {
  const metric = el('select', { class: 'input', 'data-testid': 'unit-metric' },
    ...UNIT_METRICS.map((m) => el('option', { value: m }, t('units.metric.' + m))));
  const crumbs = el('div', { class: 'form-row', 'data-testid': 'unit-crumbs' });
  const table = el('div', { 'data-testid': 'unit-table' }, el('p', { class: 'muted' }, t('common.loading')));
  const legend = el('div', {});
  container.replaceChildren(el('div', { class: 'form-grid' }, el('label', {}, t('units.metric'), metric)), crumbs, legend, table);
  const stack = []; // the units drilled into, the caller's own first (null)
  let current = null;

  const url = () => `/api/coverage/units?${new URLSearchParams({ ...period(), ...(current ? { unit: String(current) } : {}) })}`;

  function drill(id) {
    stack.push(current);
    current = id;
    reload();
  }

  function up() {
    current = stack.pop() ?? null;
    reload();
  }

  function draw(fc) {
    const m = metric.value;
    const vals = fc.features.map((f) => value(f.properties, m)).filter((v) => v != null);
    const max = m === 'coverage' ? 1 : Math.max(1e-9, ...vals, 0);
    crumbs.replaceChildren(
      el('strong', { 'data-testid': 'unit-current' }, fc.unitName || ''),
      ...(stack.length > 0 ? [el('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-testid': 'unit-up', onclick: up }, t('units.up'))] : []));
    legend.replaceChildren(el('div', { class: 'ramp-box' }, el('span', { class: 'muted' }, shown(0, m)),
      el('div', { class: 'ramp' }, ...RAMPS[m].map((c) => el('span', { class: 'ramp-step', style: { background: c }, title: c }))),
      el('span', { class: 'muted' }, shown(max, m))));
    const rows = fc.features.map((f) => f.properties);
    table.replaceChildren(rows.length === 0 ? el('p', { class: 'muted' }, t('units.none'))
      : el('table', { class: 'grid compact' },
        el('thead', {}, el('tr', {}, el('th', {}, t('units.unit')), ...UNIT_METRICS.map((k) => el('th', { class: 'num' }, t('units.metric.' + k))))),
        el('tbody', {}, ...rows.map((p) => el('tr', { 'data-testid': 'unit-row' },
          el('td', {}, el('button', { type: 'button', class: 'btn-link', onclick: () => (p.hasUnitsBelow ? drill(p.unitId) : focus(p.unitId)) }, p.name)),
          ...UNIT_METRICS.map((k) => el('td', { class: 'num' }, shown(value(p, k), k))))))));
    return max;
  }

  let bounds = {};
  function focus(id) {
    if (bounds[id]) app.map.fitBounds(bounds[id], { padding: [16, 16] });
  }

  function build(ctx) {
    return api(url()).then((fc) => {
      const max = draw(fc);
      const m = metric.value;
      bounds = {};
      const layer = L.geoJSON(null, {
        style: (f) => ({ color: '#333', weight: 1.5, fillOpacity: 0.65, fillColor: colour(m, value(f.properties, m), max), className: 'unit-area' }),
        onEachFeature: (f, l) => {
          l.bindTooltip(() => el('div', {}, el('strong', {}, f.properties.name), el('br'),
            ...UNIT_METRICS.flatMap((k) => [`${t('units.metric.' + k)}: ${shown(value(f.properties, k), k)}`, el('br')])), { sticky: true });
          l.on('click', () => (f.properties.hasUnitsBelow ? drill(f.properties.unitId) : focus(f.properties.unitId)));
          bounds[f.properties.unitId] = l.getBounds();
        },
      }).addData(fc.features.map((f) => ({ ...f, geometry: ctx.geo(f.geometry) })));
      const all = layer.getBounds();
      if (all.isValid()) app.map.fitBounds(all, { padding: [16, 16] });
      return layer;
    });
  }

  function reload() {
    app.view.removeOverlay('units');
    app.view.addOverlay('units', build, { onError: (e) => table.replaceChildren(problemView(e)) });
  }

  metric.addEventListener('change', reload);
  reload();
  return { reload, dispose: () => app.view.removeOverlay('units') };
}
