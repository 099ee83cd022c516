// Manager view (局领导): coverage for a period (hex choropleth, heat layer, hot spots), the gap list linked to the map,
// compliance near schools (violations and school buffers) and the period report with its XLSX and Chinese paragraph.
/* global L */
import { api, problemView } from './api.js';
import { t, tCode, formatNumber } from './i18n.js';
import { el, section, facts } from './dom.js';
import { METRICS, hexOverlay, heatOverlay, hotspotOverlay, violationsOverlay, buffersOverlay, legendRamp, hotspotLegend } from './coverage-layer.js';
import { showsUnits, renderUnitChoropleth } from './unit-choropleth.js';
import { enforcementCard } from './enforcement-view.js';
import { coverageTilesOverlay } from './coverage-layer.js';

function halfYear() {
  const now = new Date();
  const from = new Date(now.getFullYear(), now.getMonth() < 6 ? 0 : 6, 1);
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { from: iso(from), to: iso(now) };
}

const OVERLAYS = ['coverage', 'heat', 'hotspots', 'violations', 'buffers'];

// the manager's settings (period, metric, layers) for this tab: kept over "‹ 返回", another view and a language switch
const KEEP = 'pp.manager';
function kept() { try { return JSON.parse(window.sessionStorage.getItem(KEEP) || 'null') || {}; } catch (e) { return {}; } }

export async function renderManager(panel, app) {
  const k = kept();
  const period = k.from && k.to ? { from: k.from, to: k.to } : (app.managerPeriod || halfYear());
  const from = el('input', { type: 'date', class: 'input', value: period.from, 'data-testid': 'period-from' });
  const to = el('input', { type: 'date', class: 'input', value: period.to, 'data-testid': 'period-to' });
  const metric = el('select', { class: 'input', 'data-testid': 'metric' }, ...METRICS.map((m) => el('option', { value: m }, t('metric.' + m))));
  const res = el('select', { class: 'input' }, el('option', { value: '8' }, t('manager.res.8')), el('option', { value: '9' }, t('manager.res.9')));
  const toggle = (id, testid) => el('input', { type: 'checkbox', 'data-testid': testid });
  const heat = toggle('heat', 'heat-toggle');
  const hot = toggle('hotspots', 'hotspot-toggle');
  const viol = toggle('violations', 'violations-toggle');
  const buf = toggle('buffers', 'buffers-toggle');
  viol.checked = k.viol === undefined ? true : k.viol;
  heat.checked = !!k.heat;
  hot.checked = !!k.hot;
  buf.checked = !!k.buf;
  if (k.metric && METRICS.includes(k.metric)) metric.value = k.metric;
  if (k.res) res.value = k.res;
  const keep = () => {
    try {
      window.sessionStorage.setItem(KEEP, JSON.stringify({ from: from.value, to: to.value, metric: metric.value, res: res.value,
        heat: heat.checked, hot: hot.checked, viol: viol.checked, buf: buf.checked }));
    } catch (e) { /* storage off: settings last as long as the view */ }
  };
  const legend = el('div', {});
  const hotLegend = el('div', {});
  const gaps = el('div', {}, el('p', { class: 'muted' }, t('common.loading')));
  const compliance = el('div', {}, el('p', { class: 'muted' }, t('common.loading')));
  const report = el('div', {}, el('p', { class: 'muted' }, t('common.loading')));
  const download = el('a', { class: 'btn', 'data-testid': 'report-download', href: '#', download: 'report.xlsx', 'aria-disabled': 'true' }, t('manager.report.download'));
  const apply = el('button', { type: 'button', class: 'btn', 'data-testid': 'period-apply' }, t('common.apply'));

  const unitsBox = el('div', { 'data-testid': 'unit-choropleth' });
  const enforcement = enforcementCard(app); // cases, documents, goods, work log, stalls: read only
  panel.replaceChildren(
    ...(showsUnits(app) ? [section(t('units.title'), unitsBox)] : []),
    section(t('manager.coverage'),
      el('div', { class: 'form-grid' }, el('label', {}, t('common.from'), from), el('label', {}, t('common.to'), to),
        el('label', {}, t('manager.metric'), metric), el('label', {}, t('manager.res'), res), apply),
      el('div', { class: 'checks' }, el('label', { class: 'check' }, heat, t('manager.heat')), el('label', { class: 'check' }, hot, t('manager.hotspots'))),
      legend, hotLegend),
    section(t('manager.gaps'), gaps),
    section(t('manager.compliance'),
      el('div', { class: 'checks' }, el('label', { class: 'check' }, viol, t('manager.violations')), el('label', { class: 'check' }, buf, t('manager.buffers'))),
      compliance),
    section(t('manager.report'), report, el('div', { class: 'form-row' }, download)),
    enforcement.node);

  const params = () => ({ from: from.value, to: to.value, metric: metric.value, res: res.value });

  function layer(id, on, build) {
    app.view.removeOverlay(id);
    if (on) app.view.addOverlay(id, build, { onError: (e) => legend.replaceChildren(problemView(e)) });
  }
  // a large register: the cells come as vector tiles of the period (vector-tiles.js), no refetch on a pan
  const coverage = () => layer('coverage', true, app.tiles
    ? coverageTilesOverlay(app.map, params, (max) => legend.replaceChildren(legendRamp(metric.value, max), el('span', { class: 'muted' }, t('manager.tiles', { cap: max === 1 ? 100 : max }))))
    : hexOverlay(app.map, params, (fc, max) => legend.replaceChildren(
      legendRamp(metric.value, max), el('span', { class: 'muted' }, t('manager.cells', { n: formatNumber(fc.features.length) })))));
  const heatLayer = () => layer('heat', heat.checked, heatOverlay(app.map, params));
  const hotLayer = () => {
    hotLegend.replaceChildren(...(hot.checked ? [hotspotLegend()] : []));
    layer('hotspots', hot.checked, hotspotOverlay(app.map, params));
  };
  const violLayer = () => layer('violations', viol.checked, violationsOverlay(renderCompliance, (p) => app.openVenue(p.venueId)));
  const bufLayer = () => layer('buffers', buf.checked, buffersOverlay(app.map));

  [heat, hot, viol, buf, metric, res].forEach((x) => x.addEventListener('change', keep));
  heat.addEventListener('change', heatLayer);
  hot.addEventListener('change', hotLayer);
  viol.addEventListener('change', violLayer);
  buf.addEventListener('change', bufLayer);
  // the choropleth and the hot spots are fetched for the map's extent: fetch again after a pan or zoom
  let moveTimer = null;
  const onMove = () => { clearTimeout(moveTimer); moveTimer = setTimeout(() => { if (!app.tiles) app.view.refresh('coverage'); if (hot.checked) app.view.refresh('hotspots'); if (buf.checked) app.view.refresh('buffers'); }, 400); };
  app.map.on('moveend', onMove);

  function renderCompliance(fc) {
    const items = fc.features.map((f) => f.properties);
    compliance.replaceChildren(items.length === 0 ? el('p', { class: 'muted' }, t('manager.violations.none'))
      : el('ol', { class: 'gap-list', 'data-testid': 'violation-list' }, ...items.map((p) => el('li', {},
        el('button', { type: 'button', class: 'btn-link', onclick: () => app.openVenue(p.venueId) }, p.venueName), ' ',
        el('span', { class: 'muted' }, `${p.schoolName} · ${formatNumber(p.distance_m)} m / ${formatNumber(p.ruleDistanceM)} m · ${tCode('rule', p.rule)}`)))));
  }

  async function loadGaps() {
    try {
      // the period chosen above: the gaps as of its last day, looking back over its length
      const q = gapQuery();
      const r = await api(`/api/coverage/gaps?${q}&limit=50`);
      perimeter = (r.schoolPerimeter && r.schoolPerimeter.distanceM) || 200;
      gaps.replaceChildren(
        el('p', { class: 'muted' }, t('manager.gaps.head', { days: r.days, target: formatNumber(r.target * 100), term: r.term ? r.term.name : '' })),
        facts(Object.entries(r.counts || {}).map(([k, v]) => [tCode('gapkind', k), formatNumber(v)])),
        r.items.length === 0 ? el('p', { class: 'muted' }, t('manager.gaps.none'))
          : el('ol', { class: 'gap-list', 'data-testid': 'gap-list' }, ...r.items.map((g) => el('li', { 'data-testid': 'gap' },
            el('button', { type: 'button', class: 'btn-link', 'data-testid': 'gap-open', onclick: (e) => goToGap(g, e.target.closest('li')) }, g.name || `#${g.id}`), ' ',
            el('span', { class: 'tag' }, tCode('gapkind', g.kind)), ' ', el('span', { class: 'muted' }, g.reason || '')))),
        el('a', { class: 'btn btn-small btn-secondary', href: `/api/coverage/gaps?${q}&format=xlsx`, download: 'gaps.xlsx' }, t('manager.gaps.download')));
    } catch (e) {
      gaps.replaceChildren(problemView(e));
    }
  }

  let perimeter = 200;
  function gapQuery() {
    const a = Date.parse(from.value);
    const b = Date.parse(to.value);
    const days = Number.isFinite(a) && Number.isFinite(b) && b >= a ? Math.min(3660, Math.round((b - a) / 86400000) + 1) : 90;
    return new URLSearchParams({ days: String(days), ...(to.value ? { at: to.value } : {}) }).toString();
  }

  let marker = null;
  function goToGap(g, li) {
    if (marker) { app.map.removeLayer(marker); marker = null; }
    document.querySelectorAll('[data-testid="gap-venues"]').forEach((x) => x.remove());
    if (g.entity === 'zone') {
      const z = app.zones.feature(g.id);
      if (z) app.flyToGeometry(z.geometry);
      return;
    }
    if (g.lon != null && g.lat != null) {
      const ll = app.view.ctx.ll(g.lon, g.lat);
      marker = L.featureGroup([L.circleMarker(ll, { radius: 8, color: '#e69f00', weight: 3, fill: false, className: 'gap-marker' })]).addTo(app.map);
      if (g.entity === 'school') {
        // the school's perimeter (200 m, ICAFE_SCHOOL_200M) and the venues inside it not checked in the period
        const circle = L.circle(ll, { radius: perimeter, color: '#e69f00', weight: 2, dashArray: '5 4', fillOpacity: 0.08, className: 'gap-circle' });
        marker.addLayer(circle);
        app.map.fitBounds(circle.getBounds(), { padding: [30, 30] });
        uncheckedNear(g, li);
      } else {
        app.map.setView(ll, Math.max(app.map.getZoom(), 16));
      }
    }
    if (g.entity === 'venue') app.openVenue(g.id);
  }

  async function uncheckedNear(g, li) {
    const dLat = perimeter / 111320;
    const dLon = perimeter / (111320 * Math.cos((g.lat * Math.PI) / 180));
    const bbox = [g.lon - dLon, g.lat - dLat, g.lon + dLon, g.lat + dLat].map((x) => x.toFixed(6)).join(',');
    const box = el('ul', { class: 'plain gap-venues', 'data-testid': 'gap-venues' }, el('li', { class: 'muted' }, t('common.loading')));
    if (li) li.append(box);
    try {
      const fc = await api(`/api/coverage/venues?${new URLSearchParams({ bbox, from: from.value, to: to.value })}`);
      const near = fc.features.filter((f) => f.properties.inspections === 0
        && metres(g.lon, g.lat, f.geometry.coordinates[0], f.geometry.coordinates[1]) <= perimeter);
      near.forEach((f) => marker && marker.addLayer(L.circleMarker(app.view.ctx.ll(f.geometry.coordinates[0], f.geometry.coordinates[1]),
        { radius: 10, color: '#7f2704', weight: 3, fillColor: '#fd8d3c', fillOpacity: 0.9, className: 'gap-venue' })
        .bindTooltip(f.properties.name).on('click', () => app.openVenue(f.properties.id))));
      box.replaceChildren(el('li', { class: 'muted' }, t('gap.unchecked', { n: near.length, m: formatNumber(perimeter) })),
        ...near.map((f) => el('li', {}, el('button', { type: 'button', class: 'btn-link', onclick: () => app.openVenue(f.properties.id) }, f.properties.name),
          ' ', el('span', { class: 'muted' }, `${formatNumber(metres(g.lon, g.lat, f.geometry.coordinates[0], f.geometry.coordinates[1]))} m`))));
    } catch (e) {
      box.replaceChildren(el('li', {}, problemView(e)));
    }
  }

  async function loadReport() {
    const q = new URLSearchParams({ from: from.value, to: to.value });
    download.setAttribute('aria-disabled', 'true');
    try {
      const r = await api(`/api/reports/period?${q}&format=json`);
      download.href = `/api/reports/period?${q}&format=xlsx`;
      download.download = `report-${from.value}-${to.value}.xlsx`;
      download.removeAttribute('aria-disabled');
      const rows = [['officerVisits', r.officerVisits], ['inspections', r.inspections], ['venuesChecked', r.venuesChecked],
        ['distinctVenuesChecked', r.distinctVenuesChecked], ['violationsHandled', r.violationsHandled], ['warnings', r.warnings],
        ['rectificationOrders', r.rectificationOrders], ['casesFiled', r.casesFiled], ['closed', r.closed], ['campaigns', r.campaigns],
        ['venues', r.venues], ['coverage', r.coverage == null ? null : `${formatNumber(r.coverage * 100, 1)}%`]];
      report.replaceChildren(el('p', { class: 'report-text', 'data-testid': 'report-text', lang: 'zh-CN' }, r.text),
        el('table', { class: 'grid compact' }, el('tbody', {}, ...rows.map(([k, v]) => el('tr', {}, el('td', {}, t('report.' + k)),
          el('td', { class: 'num' }, typeof v === 'number' ? formatNumber(v) : (v ?? '—')))),
        ...(r.venuesCheckedByCategory || []).map((c) => el('tr', { class: 'sub' }, el('td', {}, '· ' + tCode('cat', c.category)), el('td', { class: 'num' }, formatNumber(c.venueVisits)))))));
    } catch (e) {
      report.replaceChildren(problemView(e));
    }
  }

  download.addEventListener('click', (e) => { if (download.getAttribute('aria-disabled') === 'true') e.preventDefault(); });
  apply.addEventListener('click', () => {
    app.managerPeriod = { from: from.value, to: to.value };
    keep();
    coverage(); heatLayer(); hotLayer(); loadReport(); loadGaps();
  });
  metric.addEventListener('change', () => { coverage(); heatLayer(); });
  res.addEventListener('change', coverage);
  // a city manager: the choropleth per unit (unit-choropleth.js), over the hexagons
  const units = showsUnits(app) ? renderUnitChoropleth(unitsBox, app, () => ({ from: from.value, to: to.value })) : null;
  if (units) apply.addEventListener('click', units.reload);
  coverage();
  violLayer();
  if (heat.checked) heatLayer();
  if (hot.checked) hotLayer();
  if (buf.checked) bufLayer();
  await Promise.all([loadGaps(), loadReport()]);
  return () => {
    enforcement.destroy();
    if (units) units.dispose();
    app.map.off('moveend', onMove);
    clearTimeout(moveTimer);
    if (marker) app.map.removeLayer(marker);
    OVERLAYS.forEach((id) => app.view.removeOverlay(id));
  };
}

/** Geodesic metres between two WGS-84 points (haversine on the mean Earth radius; < 0.5 % off at 200 m). */
function metres(lon1, lat1, lon2, lat2) {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}
