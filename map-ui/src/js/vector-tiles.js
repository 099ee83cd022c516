// Vector tiles for large registers (leaflet.vectorgrid, from npm: map-ui/package.json → /vendor/): the venues
// (/tiles/venues/{z}/{x}/{y}.mvt: clusters with a count below zoom 14, points with category, status and verdict from
// zoom 14) and the coverage cells of a period (/tiles/coverage/{z}/{x}/{y}.mvt?from=&to=). The tiles are fetched by the
// plugin itself with the session cookie (GET, same origin); records behind a click come through api.js.
//
// The rule (README, "The map page"): the map draws the venues as tiles, and the manager's coverage as tiled cells, when
// the caller's units hold more than TILE_THRESHOLD venues; below it the GeoJSON layers with marker clustering stay. The
// page address may force either way: ?tiles=on or ?tiles=off.
/* global L */
import { api } from './api.js';
import { CATEGORY_COLOURS } from './map.js';
import { formatNumber } from './i18n.js';

export const TILE_THRESHOLD = 2000;
/** Zoom from which venue tiles hold single venues (TileLayer.VENUE_DETAIL_ZOOM on the server). */
export const VENUE_DETAIL_ZOOM = 14;

/** True when the map should draw the register as vector tiles for venueCount venues in the caller's units. */
export function useTiles(venueCount) {
  const forced = new URLSearchParams(window.location.search).get('tiles');
  if (forced === 'on') return true;
  if (forced === 'off') return false;
  return Number(venueCount) > TILE_THRESHOLD;
}

// Leaflet 1.8 removed L.DomEvent.fakeStop, which VectorGrid 1.3's canvas tiles call on a click:
// stopping the event keeps the map from closing the popup the click opens.
if (window.L && L.DomEvent && !L.DomEvent.fakeStop) L.DomEvent.fakeStop = L.DomEvent.stopPropagation;

/** A canvas tile renderer that writes a point's `label` option (a cluster's count) on its circle. */
const LabelledTile = L.Canvas && L.Canvas.Tile ? L.Canvas.Tile.extend({
  _updateCircle(layer) {
    L.Canvas.Tile.prototype._updateCircle.call(this, layer);
    const label = layer.options.label;
    if (!label || !this._drawing || !this._ctx) return;
    const ctx = this._ctx;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.font = 'bold 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, layer._point.x, layer._point.y);
    ctx.restore();
  },
}) : null;

function labelledCanvas(coords, size, options) {
  return new LabelledTile(coords, size, options);
}

const EXTENT_MERC = 20037508.342789244;

/**
 * A protobuf VectorGrid whose features are moved into the basemap's datum (ctx.f: WGS-84 lon/lat → the basemap's; the
 * identity on WGS-84 basemaps): tile coordinates → WGS-84 → shifted → tile coordinates, so that tiles sit on a GCJ-02
 * basemap (Amap) like every other overlay.
 */
const ShiftedGrid = L.VectorGrid && L.VectorGrid.Protobuf ? L.VectorGrid.Protobuf.extend({
  // ST_AsMVT writes the venue id as the feature's id, not as a property: give it to the symbolizer a click reads
  _createLayer(feat, pxPerExtent, layerStyle) {
    const layer = L.VectorGrid.Protobuf.prototype._createLayer.call(this, feat, pxPerExtent, layerStyle);
    if (layer && feat.id !== undefined && layer.properties && layer.properties.id === undefined) {
      layer.properties = { ...layer.properties, id: feat.id };
    }
    // A tile's point is a CircleMarker drawn in tile pixels, with no latlng of its own. Leaflet takes a click's latlng
    // from getLatLng() for a marker of radius ≤ 10 px, so a click on a single venue's dot failed ("reading 'lat'") where
    // a cluster's larger circle worked: without getLatLng, Leaflet takes the latlng of the mouse event.
    if (layer && layer.getLatLng) layer.getLatLng = null;
    return layer;
  },
  _getVectorTilePromise(coords) {
    return L.VectorGrid.Protobuf.prototype._getVectorTilePromise.call(this, coords).then((tile) => {
      const ctx = this.options.ctx;
      if (!ctx || ctx.datum === 'WGS84' || !tile || !tile.layers) return tile;
      const n = 2 ** coords.z;
      for (const name of Object.keys(tile.layers)) {
        const layer = tile.layers[name];
        const ext = layer.extent || 4096;
        for (const f of layer.features || []) {
          for (const ring of f.geometry) {
            for (const p of ring) {
              const mx = ((coords.x + p.x / ext) / n * 2 - 1) * EXTENT_MERC;
              const my = (1 - (coords.y + p.y / ext) / n * 2) * EXTENT_MERC;
              const lon = mx / EXTENT_MERC * 180;
              const lat = Math.atan(Math.sinh(my / EXTENT_MERC * Math.PI)) * 180 / Math.PI;
              const [x2, y2] = ctx.f(lon, lat);
              const r = y2 * Math.PI / 180;
              p.x = ((x2 + 180) / 360 * n - coords.x) * ext;
              p.y = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n - coords.y) * ext;
            }
          }
        }
      }
      return tile;
    });
  },
}) : null;

/** A map pane at zIndex z (venues above the zone and district outlines, coverage cells below them). */
function pane(map, name, z) {
  if (map && !map.getPane(name)) map.createPane(name).style.zIndex = String(z);
  return name;
}

function grid(url, options) {
  if (!ShiftedGrid) throw new Error('leaflet.vectorgrid is not loaded (/vendor/leaflet.vectorgrid/dist/)');
  return new ShiftedGrid(url, { rendererFactory: labelledCanvas, interactive: true, maxNativeZoom: 19,
    fetchOptions: { credentials: 'same-origin' }, ...options });
}

function clusterRadius(n) { return Math.min(24, 11 + Math.log2(Math.max(1, n)) * 1.6); }

function shortCount(n) { return n >= 10000 ? `${formatNumber(Math.round(n / 1000))}k` : String(n); }

/** Canvas style of a venue tile feature: a cluster (count, violations) or a venue (category, status, violation). */
export function venueStyle(p) {
  if (p.count !== undefined && p.count !== null) {
    return { radius: clusterRadius(p.count), fill: true, fillColor: '#3d4f66', fillOpacity: 0.85, stroke: true,
      color: p.violations > 0 ? '#b3261e' : '#ffffff', weight: p.violations > 0 ? 3 : 2, label: shortCount(p.count) };
  }
  return { radius: 6, fill: true, fillColor: CATEGORY_COLOURS[p.category] || CATEGORY_COLOURS.other, fillOpacity: 0.95,
    stroke: true, color: p.violation ? '#b3261e' : (p.status && p.status !== 'open' ? '#1f2937' : '#ffffff'),
    weight: p.violation ? 3 : (p.status && p.status !== 'open' ? 2.5 : 1.5) };
}

/**
 * The venue register as vector tiles. A click on a cluster zooms in; a click on a venue fetches its record
 * (GET /api/venues/{id}) and opens popup(properties) on it, as the marker layer does.
 */
export function venueTilesLayer(ctx, map, popup) {
  const layer = grid('/tiles/venues/{z}/{x}/{y}.mvt', {
    ctx,
    pane: pane(map, 'ppVenueTiles', 450),
    vectorTileLayerStyles: { venues: (p) => venueStyle(p) },
    getFeatureId: (f) => f.id,
  });
  layer.on('click', async (e) => {
    const p = e.layer && e.layer.properties;
    if (!p) return;
    if (p.count !== undefined && p.count !== null) {
      map.setView(e.latlng, Math.min(map.getZoom() + 2, VENUE_DETAIL_ZOOM), { animate: true });
      return;
    }
    const feature = await api(`/api/venues/${encodeURIComponent(p.id)}`);
    L.popup({ minWidth: 220 }).setLatLng(e.latlng).setContent(popup(feature.properties)).openOn(map);
  });
  layer.tiled = true;
  // the map's overlays are feature groups, whose getBounds asks every member: tiles have no extent of their own
  layer.getBounds = () => L.latLngBounds([]);
  return layer;
}

/** The coverage figure a metric colours by, from a cell's properties (as /api/coverage/hex computes value). */
export function cellValue(metric, p) {
  switch (metric) {
    case 'coverage': return p.coverage === undefined || p.coverage === null ? null : Number(p.coverage);
    case 'venues_inspected': return Number(p.venuesInspected || 0);
    case 'officer_visits': return Number(p.officerVisits || 0);
    case 'gap': return Number(p.venues || 0) - Number(p.venuesInspected || 0);
    default: return Number(p[metric] || 0);
  }
}

/** Counts are coloured on a log scale up to this value (a tile cannot know the largest cell of the whole view). */
export const COUNT_CAP = 100;

/** 0..1 for the colour ramp: coverage as it is, counts on a log scale capped at COUNT_CAP. */
export function cellShare(metric, v) {
  if (v === null || v === undefined || Number.isNaN(v)) return null;
  if (metric === 'coverage') return v;
  return Math.min(1, Math.log10(1 + Math.max(0, v)) / Math.log10(1 + COUNT_CAP));
}

/**
 * The manager's coverage cells as vector tiles of the period (params(): {from, to, metric}); colour(metric, share)
 * is the hex layer's ramp; tooltip(properties) the hex layer's figures, shown in a popup on a click.
 */
export function coverageTilesLayer(map, ctx, params, colour, tooltip) {
  const p = params();
  const q = new URLSearchParams({ from: p.from, to: p.to }).toString();
  const layer = grid(`/tiles/coverage/{z}/{x}/{y}.mvt?${q}`, {
    ctx,
    pane: pane(map, 'ppCoverageTiles', 350),
    vectorTileLayerStyles: {
      coverage: (props) => ({ fill: true, fillColor: colour(p.metric, cellShare(p.metric, cellValue(p.metric, props))),
        fillOpacity: 0.6, stroke: true, color: '#4a5a6a', weight: 0.5 }),
    },
  });
  if (tooltip) {
    layer.on('click', (e) => { if (e.layer && e.layer.properties) L.popup().setLatLng(e.latlng).setContent(tooltip(e.layer.properties)).openOn(map); });
  }
  layer.tiled = true;
  // the map's overlays are feature groups, whose getBounds asks every member: tiles have no extent of their own
  layer.getBounds = () => L.latLngBounds([]);
  return layer;
}
