// The Leaflet map: basemap switch (none by default, so it works offline), overlays that are re-projected when a
// GCJ-02 basemap (Amap) is active, layer control, legend and scale bar.
/* global L */
import { t } from './i18n.js';
import { el } from './dom.js';
import { projector, mapGeometry, gcj02ToWgs84 } from './datum.js';

// Category colours chosen to stay distinguishable for the common colour-vision deficiencies (Okabe–Ito based).
export const CATEGORY_COLOURS = {
  internet_cafe: '#d55e00',
  song_dance: '#cc79a7',
  game_arcade: '#e69f00',
  publication: '#0072b2',
  hotel: '#009e73',
  satellite_equipment: '#56b4e9',
  printing: '#7a6a00',
  performance: '#8e44ad',
  art: '#a16207',
  cultural_relics: '#7c2d12',
  other: '#6b7280',
};

/**
 * Creates the map in container. config is GET /api/ui/config: {basemaps:[{id,url,subdomains,datum,attribution,maxZoom}],
 * center:[lon,lat], zoom}. Overlays are registered with a build(ctx) function that draws from WGS-84 data through
 * ctx.ll / ctx.geo, so switching datum only means building them again.
 */
export function createMapView(container, config) {
  const map = L.map(container, { zoomControl: true, minZoom: 3, maxZoom: 19, worldCopyJump: false });
  map.attributionControl.setPrefix('Leaflet');
  const center = config.center || [119.16, 36.70];
  map.setView([center[1], center[0]], config.zoom || 12);
  L.control.scale({ metric: true, imperial: false, maxWidth: 140 }).addTo(map);

  const ctx = {
    datum: 'WGS84',
    f: projector('WGS84'),
    /** WGS-84 lon/lat → a LatLng on the current basemap. */
    ll(lon, lat) { const [x, y] = this.f(lon, lat); return L.latLng(y, x); },
    /** A GeoJSON geometry in WGS-84 → the same in the current basemap's datum. */
    geo(g) { return this.datum === 'WGS84' ? g : mapGeometry(g, this.f); },
    /** A LatLng on the map (e.g. a drawn vertex) → WGS-84 [lon, lat] for the API. */
    toWgs(latlng) { return this.datum === 'GCJ02' ? gcj02ToWgs84(latlng.lng, latlng.lat) : [latlng.lng, latlng.lat]; },
  };

  const baseLayers = {};
  const baseById = {};
  for (const b of config.basemaps || [{ id: 'none', datum: 'WGS84' }]) {
    const layer = b.url
      ? L.tileLayer(b.url, { subdomains: b.subdomains || 'abc', maxZoom: b.maxZoom || 18, attribution: b.attribution || '' })
      : L.layerGroup();
    layer.basemap = b;
    baseLayers[t('basemap.' + b.id)] = layer;
    baseById[b.id] = layer;
  }
  const narrow = window.matchMedia('(max-width: 700px)').matches;
  const control = L.control.layers(baseLayers, {}, { collapsed: narrow, position: 'topright' }).addTo(map);
  control.getContainer().setAttribute('data-testid', 'layers');
  baseById.none.addTo(map);
  container.classList.add('basemap-none');

  const overlays = new Map();

  async function render(id) {
    const o = overlays.get(id);
    if (!o) return;
    const token = (o.token = (o.token || 0) + 1);
    try {
      const layer = await o.build(ctx);
      if (token !== o.token) return; // a newer build (datum switch) overtook this one
      o.group.clearLayers();
      if (layer) o.group.addLayer(layer);
      container.dispatchEvent(new CustomEvent('pp:overlay', { detail: { id } }));
    } catch (e) {
      o.group.clearLayers();
      if (o.onError) o.onError(e); else throw e;
    }
  }

  map.on('baselayerchange', (e) => {
    const b = e.layer.basemap;
    container.classList.toggle('basemap-none', b.id === 'none');
    container.dataset.basemap = b.id;
    if (b.datum !== ctx.datum) {
      ctx.datum = b.datum;
      ctx.f = projector(b.datum);
      const c = map.getCenter();
      // keep the same ground point in view: undo the old shift, apply the new one
      const w = b.datum === 'GCJ02' ? [c.lng, c.lat] : gcj02ToWgs84(c.lng, c.lat);
      map.setView(ctx.ll(w[0], w[1]), map.getZoom(), { animate: false });
      overlays.forEach((o, id) => render(id));
      container.dispatchEvent(new CustomEvent('pp:datum', { detail: { datum: b.datum } }));
    }
  });

  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => legendBox();
  legend.addTo(map);

  return {
    map,
    ctx,
    /** Registers an overlay: id names its i18n label (layer.ID); build(ctx) returns a Leaflet layer or null. */
    addOverlay(id, build, { visible = true, inControl = true, onError } = {}) {
      const group = L.featureGroup();
      overlays.set(id, { group, build, onError });
      if (visible) group.addTo(map);
      if (inControl) control.addOverlay(group, t('layer.' + id));
      return render(id);
    },
    removeOverlay(id) {
      const o = overlays.get(id);
      if (!o) return;
      control.removeLayer(o.group);
      map.removeLayer(o.group);
      overlays.delete(id);
    },
    refresh: render,
    group(id) { const o = overlays.get(id); return o && o.group; },
    setVisible(id, on) {
      const o = overlays.get(id);
      if (!o) return;
      if (on) o.group.addTo(map); else map.removeLayer(o.group);
    },
    setBasemap(id) {
      const layer = baseById[id];
      if (!layer || map.hasLayer(layer)) return;
      Object.values(baseById).forEach((l) => map.removeLayer(l));
      layer.addTo(map);
      map.fire('baselayerchange', { layer, name: t('basemap.' + id) });
    },
    basemaps: Object.keys(baseById),
    /** Fits [minLon, minLat, maxLon, maxLat] (WGS-84; shifted like every overlay on a GCJ-02 basemap). */
    fitExtent(e) {
      map.fitBounds(L.latLngBounds(ctx.ll(e[0], e[1]), ctx.ll(e[2], e[3])), { padding: [16, 16], maxZoom: 16 });
    },
    fitTo(layers) {
      const b = L.latLngBounds([]);
      layers.forEach((l) => { if (l && l.getBounds) { const lb = l.getBounds(); if (lb.isValid()) b.extend(lb); } });
      if (b.isValid()) map.fitBounds(b, { padding: [16, 16], maxZoom: 16 });
    },
  };
}

function legendBox() {
  const box = el('div', { class: 'legend leaflet-bar', 'data-testid': 'legend' });
  const details = el('details', { open: !window.matchMedia('(max-width: 700px)').matches });
  details.append(el('summary', {}, t('legend.title')));
  const list = el('ul', {});
  for (const cat of Object.keys(CATEGORY_COLOURS)) {
    list.append(el('li', {}, el('span', { class: `swatch venue-pin cat-${cat}` }), t('cat.' + cat)));
  }
  list.append(el('li', {}, el('span', { class: 'swatch swatch-campus' }), t('legend.school')));
  list.append(el('li', {}, el('span', { class: 'swatch swatch-district' }), t('legend.district')));
  details.append(list);
  box.append(details);
  L.DomEvent.disableClickPropagation(box);
  L.DomEvent.disableScrollPropagation(box);
  return box;
}
