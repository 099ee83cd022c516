// Coverage (issue 7): hex choropleth from /api/coverage/hex and a heat layer from /api/coverage/heat.
/* global L */
import { api } from './api.js';
import { el, facts } from './dom.js';
import { t, formatNumber } from './i18n.js';

const RAMP = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];

function colour(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '#cccccc';
  const i = Math.max(0, Math.min(RAMP.length - 1, Math.floor(v * RAMP.length)));
  return RAMP[i];
}

/** params: {from, to, metric, res}; the map's bounds become bbox. Values are normalised to the largest shown. */
export function hexOverlay(map, params) {
  return async (ctx) => {
    const b = map.getBounds();
    const q = new URLSearchParams({ ...params(), bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(5)).join(',') });
    const fc = await api(`/api/coverage/hex?${q}`);
    const metric = params().metric;
    const values = fc.features.map((f) => Number(f.properties[metric] ?? f.properties.value ?? 0));
    const max = metric === 'coverage' ? 1 : Math.max(1e-9, ...values);
    return L.geoJSON(null, {
      style: (f) => ({ color: '#4a5a6a', weight: 0.5, fillOpacity: 0.6,
        fillColor: colour(Number(f.properties[metric] ?? f.properties.value ?? 0) / max), className: 'hex' }),
      onEachFeature: (f, l) => l.bindTooltip(() => el('div', {}, facts(Object.entries(f.properties)
        .filter(([, v]) => typeof v !== 'object').map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v, 2) : v]))), { sticky: true }),
    }).addData(fc.features.map((f) => ({ ...f, geometry: ctx.geo(f.geometry) })));
  };
}

/** Heat points: GeoJSON points with an intensity, or {points:[[lon,lat,w]…]}; intensities are 0..1 (max 1, see Leaflet.heat #74). */
export function heatOverlay(params) {
  return async (ctx) => {
    const q = new URLSearchParams(params());
    const d = await api(`/api/coverage/heat?${q}`);
    const pts = [];
    if (d && Array.isArray(d.features)) {
      d.features.forEach((f) => { const [lon, lat] = f.geometry.coordinates; const ll = ctx.ll(lon, lat); pts.push([ll.lat, ll.lng, Number(f.properties.intensity ?? f.properties.weight ?? 1)]); });
    } else {
      (d.points || d || []).forEach((p) => { const ll = ctx.ll(p[0] ?? p.lon, p[1] ?? p.lat); pts.push([ll.lat, ll.lng, Number(p[2] ?? p.intensity ?? 1)]); });
    }
    return L.heatLayer(pts, { max: 1, radius: 22, blur: 18, minOpacity: 0.25 });
  };
}

export function legendRamp() {
  return el('div', { class: 'ramp' }, ...RAMP.map((c, i) => el('span', { class: `ramp-step ramp-${i}`, title: c })));
}
