// Register overlays: district outlines, schools with their campus polygons, venues clustered and coloured by category.
/* global L */
import { api } from './api.js';
import { t, tCode, formatNumber } from './i18n.js';
import { el, facts, tip } from './dom.js';
import { venueTilesLayer } from './vector-tiles.js';

/** Loads a FeatureCollection once; reload() forgets it. */
function cached(path) {
  let data = null;
  return {
    async get() { if (!data) data = await api(path); return data; },
    reload() { data = null; },
  };
}

export function districtsOverlay() {
  const src = cached('/api/districts?limit=500');
  const build = async (ctx) => {
    const fc = await src.get();
    const group = L.featureGroup();
    const polys = L.geoJSON(null, {
      interactive: false,
      style: { color: '#3d4f66', weight: 2, dashArray: '7 4', fillColor: '#dfe6ee', fillOpacity: 0.25, className: 'district-outline' },
    });
    fc.features.forEach((f) => polys.addData({ ...f, geometry: ctx.geo(f.geometry) }));
    // the planner's zone editor snaps to district outlines (Geoman runs opt-in: only explicit snap targets)
    polys.eachLayer((l) => { l.options.snapIgnore = false; });
    group.addLayer(polys);
    if (fc.features.length <= 40) {
      polys.eachLayer((layer) => {
        const name = layer.feature.properties.name;
        const c = layer.getBounds().getCenter();
        group.addLayer(L.marker(c, { interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'district-label', html: el('span', {}, name), iconSize: null }) }));
      });
    }
    return group;
  };
  return { build, src };
}

export function schoolsOverlay() {
  const src = cached('/api/schools?limit=10000');
  const build = async (ctx) => {
    const fc = await src.get();
    const group = L.featureGroup();
    for (const f of fc.features) {
      const p = f.properties;
      let layer = null;
      if (p.campus) {
        layer = L.geoJSON(ctx.geo(p.campus), {
          style: { color: '#1f5fa8', weight: 1.5, fillColor: '#4a90d9', fillOpacity: 0.28, className: 'school-campus' },
        });
      } else if (f.geometry) {
        const [lon, lat] = f.geometry.coordinates;
        layer = L.circleMarker(ctx.ll(lon, lat), { radius: 6, color: '#1f5fa8', weight: 2, fillColor: '#ffffff', fillOpacity: 1, className: 'school-point' });
      }
      if (!layer) continue;
      layer.bindPopup(() => schoolPopup(p));
      layer.bindTooltip(tip(p.name), { sticky: true, className: 'pp-tooltip' });
      group.addLayer(layer);
    }
    return group;
  };
  return { build, src };
}

function schoolPopup(p) {
  const area = p.campusAreaM2 == null ? null
    : (p.campusAreaM2 >= 10000 ? `${formatNumber(p.campusAreaM2 / 10000, 2)} ${t('unit.ha')}` : `${formatNumber(p.campusAreaM2)} ${t('unit.m2')}`);
  return el('div', { class: 'popup' },
    el('h3', {}, p.name),
    facts([
      [t('field.level'), tCode('level', p.level)],
      [t('field.address'), p.address],
      [t('field.campusArea'), area],
      [t('field.district'), p.district],
      [t('field.synthetic'), p.synthetic ? '✓' : null],
    ]));
}

/**
 * Venue markers (a coloured pin per category, a ring for a status other than open) in a neutral cluster group; for a
 * large register (tiled() true: see vector-tiles.js) the same as vector tiles, clustered by the server below zoom 14.
 */
export function venuesOverlay(openVenue, { tiled = () => false, map = () => null } = {}) {
  const src = cached('/api/venues?limit=10000');
  const markers = new Map();
  const build = async (ctx) => {
    if (tiled()) {
      markers.clear();
      return venueTilesLayer(ctx, map(), (p) => venuePopup(p, openVenue));
    }
    const fc = await src.get();
    markers.clear();
    const cluster = L.markerClusterGroup({
      chunkedLoading: true,
      maxClusterRadius: 45,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      disableClusteringAtZoom: 17,
      iconCreateFunction: (c) => {
        const n = c.getChildCount();
        const size = n < 10 ? 30 : n < 100 ? 36 : 42;
        return L.divIcon({ html: el('span', {}, String(n)), className: 'venue-cluster', iconSize: [size, size] });
      },
    });
    for (const f of fc.features) {
      if (!f.geometry) continue;
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const m = L.marker(ctx.ll(lon, lat), {
        title: p.name,
        alt: p.name,
        icon: L.divIcon({ className: `venue-pin cat-${p.category} status-${p.status}`, html: '', iconSize: [16, 16] }),
      });
      m.venueId = p.id;
      m.bindPopup(() => venuePopup(p, openVenue), { minWidth: 220 });
      markers.set(p.id, m);
      cluster.addLayer(m);
    }
    return cluster;
  };
  return {
    build,
    src,
    /** Pans to a venue, opening clusters as needed, and opens its popup. */
    focus(id, cluster) {
      const m = markers.get(id);
      if (!m || !cluster) return false;
      cluster.zoomToShowLayer(m, () => m.openPopup());
      return true;
    },
    marker(id) { return markers.get(id); },
  };
}

function venuePopup(p, openVenue) {
  return el('div', { class: 'popup' },
    el('h3', {}, p.name),
    el('p', { class: 'popup-tags' },
      el('span', { class: `tag cat-${p.category}` }, tCode('cat', p.category)),
      el('span', { class: `tag status status-${p.status}` }, tCode('status', p.status))),
    facts([
      [t('field.licenceNo'), p.licenceNo],
      [t('field.address'), p.address],
    ]),
    el('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'venue-details', onclick: () => openVenue(p.id) }, t('common.details')));
}
