// WGS-84 → GCJ-02, the offset datum of Amap tiles. Same published formula as
// src/main/java/com/patrolplanner/geo/ChinaDatum.java (Krasovsky constants); the browser test compares the two.

const A = 6378245.0;
const EE = 0.00669342162296594323;

export function inChina(lon, lat) {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function transformLat(x, y) {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
  r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
  r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
  return r;
}

function transformLon(x, y) {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
  r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
  r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
  return r;
}

/** [lon, lat] in WGS-84 → [lon, lat] in GCJ-02 (unchanged outside mainland China, as the providers do). */
export function wgs84ToGcj02(lon, lat) {
  if (!inChina(lon, lat)) return [lon, lat];
  let dLat = transformLat(lon - 105.0, lat - 35.0);
  let dLon = transformLon(lon - 105.0, lat - 35.0);
  const radLat = lat / 180.0 * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
  dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/** Iterative inverse (a map click on an Amap basemap back to WGS-84); converges to ~1e-9° in a few steps. */
export function gcj02ToWgs84(lon, lat) {
  if (!inChina(lon, lat)) return [lon, lat];
  let w = [lon, lat];
  for (let i = 0; i < 30; i++) {
    const g = wgs84ToGcj02(w[0], w[1]);
    const e0 = g[0] - lon;
    const e1 = g[1] - lat;
    w = [w[0] - e0, w[1] - e1];
    if (Math.abs(e0) < 1e-9 && Math.abs(e1) < 1e-9) break;
  }
  return w;
}

/** A coordinate function for a datum: WGS84 is the identity. */
export function projector(datum) {
  return datum === 'GCJ02' ? wgs84ToGcj02 : (lon, lat) => [lon, lat];
}

/** A copy of a GeoJSON geometry with every position passed through f(lon, lat). */
export function mapGeometry(geom, f) {
  if (!geom) return geom;
  const pos = (c) => { const [x, y] = f(c[0], c[1]); return c.length > 2 ? [x, y, ...c.slice(2)] : [x, y]; };
  const walk = (c, depth) => (depth === 0 ? pos(c) : c.map((x) => walk(x, depth - 1)));
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[geom.type];
  if (geom.type === 'GeometryCollection') return { ...geom, geometries: geom.geometries.map((g) => mapGeometry(g, f)) };
  if (depth === undefined) return geom;
  return { ...geom, coordinates: walk(geom.coordinates, depth) };
}
