// Coverage layers (manager): H3 hex choropleth (/api/coverage/hex), heat (/api/coverage/heat, Leaflet.heat with max 1),
// Getis-Ord Gi* hot spots (/api/coverage/hotspots), violations near schools and the school buffers (/api/compliance/*).
/* global L */
import { api } from './api.js';
import { el, facts, tip } from './dom.js';
import { t, tCode, formatNumber } from './i18n.js';
import { coverageTilesLayer, COUNT_CAP } from './vector-tiles.js';

const RAMP = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
const GAP_RAMP = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];
// Gi* bins −3..3: cold (blue) to hot (red) at 99/95/90 % confidence; 0 = not significant
const BINS = { '-3': '#2166ac', '-2': '#67a9cf', '-1': '#d1e5f0', 0: '#f7f7f7', 1: '#fddbc7', 2: '#ef8a62', 3: '#b2182b' };

export const METRICS = ['coverage', 'inspections', 'violations', 'venues_inspected', 'officer_visits', 'venues', 'gap'];

function bbox(map) {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(5)).join(',');
}

function ramp(metric) { return metric === 'gap' ? GAP_RAMP : RAMP; }

function colour(metric, v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '#cccccc';
  const r = ramp(metric);
  return r[Math.max(0, Math.min(r.length - 1, Math.floor(v * r.length)))];
}

/** params(): {from, to, metric, res}. Coverage is a share (0..1); counts are scaled to the largest cell shown. */
export function hexOverlay(map, params, onData) {
  return async (ctx) => {
    const p = params();
    const fc = await api(`/api/coverage/hex?${new URLSearchParams({ ...p, bbox: bbox(map) })}`);
    const values = fc.features.map((f) => Number(f.properties.value ?? 0));
    const max = p.metric === 'coverage' || p.metric === 'gap' ? 1 : Math.max(1e-9, ...values);
    if (onData) onData(fc, max);
    return L.geoJSON(null, {
      style: (f) => ({ color: '#4a5a6a', weight: 0.5, fillOpacity: 0.6, fillColor: colour(p.metric, Number(f.properties.value ?? 0) / max), className: 'hex' }),
      onEachFeature: (f, l) => l.bindTooltip(() => el('div', {}, facts([
        [t('metric.venues'), formatNumber(f.properties.venues)], [t('metric.venues_inspected'), formatNumber(f.properties.venuesInspected)],
        [t('metric.coverage'), `${formatNumber((f.properties.coverage || 0) * 100)}%`], [t('metric.inspections'), formatNumber(f.properties.inspections)],
        [t('metric.violations'), formatNumber(f.properties.violations)], [t('metric.officer_visits'), formatNumber(f.properties.officerVisits)]])), { sticky: true }),
    }).addData(fc.features.map((f) => ({ ...f, geometry: ctx.geo(f.geometry) })));
  };
}

/** The figures of a cell (hex layer and coverage tiles alike). */
function cellFacts(p) {
  return el('div', {}, facts([
    [t('metric.venues'), formatNumber(p.venues)], [t('metric.venues_inspected'), formatNumber(p.venuesInspected)],
    [t('metric.coverage'), `${formatNumber((p.coverage || 0) * 100)}%`], [t('metric.inspections'), formatNumber(p.inspections)],
    [t('metric.violations'), formatNumber(p.violations)], [t('metric.officer_visits'), formatNumber(p.officerVisits)]]));
}

/**
 * The hex choropleth of a large register as vector tiles (/tiles/coverage, H3 res 8 below zoom 13, res 9 from it) for
 * the period of params(); counts are coloured on a log scale up to COUNT_CAP. onLegend(max) draws the legend.
 */
export function coverageTilesOverlay(map, params, onLegend) {
  return async (ctx) => {
    const p = params();
    if (onLegend) onLegend(p.metric === 'coverage' ? 1 : COUNT_CAP);
    return coverageTilesLayer(map, ctx, params, colour, cellFacts);
  };
}

/** /api/coverage/heat gives [lat, lon, intensity 0..1]; max: 1 so Leaflet.heat does not rescale per zoom (its #74). */
export function heatOverlay(map, params) {
  return async (ctx) => {
    const p = params();
    const d = await api(`/api/coverage/heat?${new URLSearchParams({ from: p.from, to: p.to, metric: p.metric === 'coverage' || p.metric === 'gap' ? 'inspections' : p.metric })}`);
    const pts = (d.points || []).map(([lat, lon, w]) => { const ll = ctx.ll(lon, lat); return [ll.lat, ll.lng, w]; });
    return L.heatLayer(pts, { max: 1, radius: 25, blur: 18, minOpacity: 0.3 });
  };
}

export function hotspotOverlay(map, params) {
  return async (ctx) => {
    const p = params();
    const fc = await api(`/api/coverage/hotspots?${new URLSearchParams({ from: p.from, to: p.to, bbox: bbox(map) })}`);
    return L.geoJSON(null, {
      style: (f) => ({ color: '#555', weight: 0.4, fillColor: BINS[f.properties.bin] || BINS[0], fillOpacity: f.properties.bin ? 0.7 : 0.15, className: 'hotspot' }),
      onEachFeature: (f, l) => l.bindTooltip(tip(`${t('hot.bin.' + String(f.properties.bin))} · ${t('metric.violations')} ${formatNumber(f.properties.violations)} · z=${formatNumber(f.properties.z, 2)}`), { sticky: true }),
    }).addData(fc.features.map((f) => ({ ...f, geometry: ctx.geo(f.geometry) })));
  };
}

export function violationsOverlay(onData, onClick) {
  return async (ctx) => {
    const fc = await api('/api/compliance/violations');
    if (onData) onData(fc);
    return L.geoJSON(null, {
      pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 8, color: '#fff', weight: 2, fillColor: '#b3261e', fillOpacity: 0.95, className: 'violation' }),
      onEachFeature: (f, l) => {
        const p = f.properties;
        l.bindTooltip(tip(`${p.venueName} · ${p.schoolName} ${formatNumber(p.distance_m)} m < ${formatNumber(p.ruleDistanceM)} m`));
        // the card says which rule and by how much: the distance to the school against the rule's distance
        l.bindPopup(() => violationCard(p, onClick), { minWidth: 220 });
      },
    }).addData(fc.features.map((f) => ({ ...f, geometry: ctx.geo(f.geometry) })));
  };
}

export function buffersOverlay(map) {
  return async (ctx) => {
    const fc = await api(`/api/compliance/buffers?${new URLSearchParams({ bbox: bbox(map) })}`);
    return L.geoJSON(null, {
      interactive: false,
      style: { color: '#b3261e', weight: 1, dashArray: '4 3', fillColor: '#b3261e', fillOpacity: 0.07, className: 'school-buffer' },
    }).addData(fc.features.map((f) => ({ ...f, geometry: ctx.geo(f.geometry) })));
  };
}

export function legendRamp(metric, max) {
  const r = ramp(metric);
  const top = metric === 'coverage' || metric === 'gap' ? '100%' : formatNumber(max);
  return el('div', { class: 'ramp-box' }, el('span', { class: 'muted' }, '0'),
    el('div', { class: 'ramp' }, ...r.map((c) => el('span', { class: 'ramp-step', style: { background: c }, title: c }))),
    el('span', { class: 'muted' }, top));
}

/** A violation's card: venue, school, the rule by name with its basis, the distance against the rule's. */
export function violationCard(p, onOpen) {
  return el('div', { class: 'popup', 'data-testid': 'violation-card' },
    el('h3', {}, p.venueName || `#${p.venueId}`),
    el('p', {}, el('strong', {}, t('violation.rule')), ' ', tCode('rule', p.rule)),
    p.legalBasis ? el('p', { class: 'muted small' }, p.legalBasis) : null,
    el('p', { 'data-testid': 'violation-distance' }, t('violation.distance', { school: p.schoolName || '', d: formatNumber(p.distance_m), limit: formatNumber(p.ruleDistanceM) })),
    onOpen ? el('button', { type: 'button', class: 'btn btn-small btn-secondary', onclick: () => onOpen(p) }, t('common.details')) : null);
}

/** The hot-spot classes in words (显著高发 (99%) … 显著低发 (99%)), with their colours. */
export function hotspotLegend() {
  return el('div', { class: 'hotspot-legend', 'data-testid': 'hotspot-legend' },
    el('strong', {}, t('hot.legend')),
    el('ul', { class: 'plain' }, ...['3', '2', '1', '0', '-1', '-2', '-3'].map((b) => el('li', {},
      el('span', { class: 'swatch', style: { background: BINS[b] } }), ' ', t('hot.bin.' + b)))));
}
