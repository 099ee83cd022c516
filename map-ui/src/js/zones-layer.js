// Patrol zones of the active zone set (GET /api/zone-sets, then /api/zone-sets/{id}); the planner's editor works on it.
/* global L */
import { api } from './api.js';
import { el, facts, tip } from './dom.js';
import { t, formatNumber } from './i18n.js';

export const PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'];

export function zonesOverlay() {
  let set = null; // the zone set with its zones FeatureCollection
  let loaded = false;
  let onZoneClick = null;
  let chosen = null; // a set the planner picked; otherwise the most recently changed active set
  let sets = [];

  async function load() {
    sets = await api('/api/zone-sets');
    const byRecent = sets.slice().sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
    const pick = sets.find((x) => x.id === chosen) || byRecent.find((x) => x.active) || byRecent[0];
    set = pick ? await api(`/api/zone-sets/${pick.id}`) : null;
    loaded = true;
  }

  const build = async (ctx) => {
    if (!loaded) await load();
    if (!set) return null;
    const layer = L.geoJSON(null, {
      style: (f) => ({ color: PALETTE[(f.properties.teamId || f.properties.id || 0) % PALETTE.length], weight: 2,
        fillOpacity: 0.12, className: 'zone' }),
      onEachFeature: (f, l) => {
        l.options.snapIgnore = false;
        l.bindTooltip(tip(f.properties.name), { sticky: true });
        l.on('click', () => { if (onZoneClick) onZoneClick(f); else l.bindPopup(popup(f)).openPopup(); });
      },
    });
    set.zones.features.forEach((f) => f.geometry && layer.addData({ ...f, geometry: ctx.geo(f.geometry) }));
    return layer;
  };
  return {
    build,
    get set() { return set; },
    get features() { return set ? set.zones.features : []; },
    feature(id) { return set ? set.zones.features.find((f) => String(f.properties.id) === String(id)) : null; },
    get sets() { return sets; },
    reload() { loaded = false; set = null; },
    choose(id) { chosen = id; loaded = false; set = null; },
    /** Replaces the cached set with one a write returned (POST/activate answer with the whole set). */
    use(s) { set = s; chosen = s.id; loaded = true; },
    onClick(fn) { onZoneClick = fn; },
  };
}

function popup(f) {
  const p = f.properties;
  return el('div', { class: 'popup' }, el('h3', {}, p.name || `#${p.id}`),
    facts([[t('zone.team'), p.teamName], [t('zone.area'), p.areaKm2 == null ? null : `${formatNumber(p.areaKm2, 2)} km²`]]));
}
