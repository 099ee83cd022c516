// Patrol zones (issue 5: GET/POST /api/zones). Until that backend is deployed the overlay stays empty.
/* global L */
import { api, documented } from './api.js';
import { el, facts } from './dom.js';
import { t } from './i18n.js';

const PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'];

function asFeatures(data) {
  if (!data) return [];
  if (Array.isArray(data)) return data.map((z) => (z.type === 'Feature' ? z : { type: 'Feature', geometry: z.geometry, properties: z }));
  return data.features || [];
}

export function zonesOverlay() {
  let data = null;
  let available = null;
  const build = async (ctx) => {
    if (available === false) return null;
    if (!data) {
      if (!(await documented('/api/zones'))) { available = false; return null; }
      try {
        data = await api('/api/zones');
        available = true;
      } catch (e) {
        if ([404, 405, 501, 403].includes(e.status)) { available = false; return null; }
        throw e;
      }
    }
    const layer = L.geoJSON(null, {
      style: (f) => ({ color: PALETTE[(f.properties.teamId || f.properties.id || 0) % PALETTE.length], weight: 2, fillOpacity: 0.12, className: 'zone' }),
      onEachFeature: (f, l) => l.bindPopup(() => el('div', { class: 'popup' }, el('h3', {}, f.properties.name || `#${f.properties.id}`),
        facts([[t('leader.team'), f.properties.teamName || f.properties.teamId]]))),
    });
    asFeatures(data).forEach((f) => f.geometry && layer.addData({ ...f, geometry: ctx.geo(f.geometry) }));
    return layer;
  };
  return {
    build,
    get available() { return available; },
    get count() { return asFeatures(data).length; },
    reload() { data = null; available = null; },
  };
}
