// Zone editor (planner): Geoman draw/edit/cut with snapping on a draft layer, undo/redo of the draft, save as a new zone
// (POST /api/zones) or over an existing one (PUT /api/zones/{id} with its version). The server validates: a 422 carries
// the overlap geometries, drawn on the map before anything is written, with "clip to free space" (the server cuts the
// new zone back to what no other zone covers); the set's uncovered area is shown as gaps. The draft (its undo history,
// name and team) is kept in sessionStorage until it is saved or discarded: it survives "‹ 返回", another view and a
// language switch (a page reload). Venue clusters are hidden while a Geoman mode is on, so a click draws, not zooms.
/* global L */
import { api, problemView, toast } from './api.js';
import { t, formatNumber } from './i18n.js';
import { el, facts } from './dom.js';

const DRAFT_STYLE = { color: '#1f5fa8', weight: 3, dashArray: '6 4', fillOpacity: 0.15 };
const DRAFT_KEY = 'pp.zoneDraft';

function storedDraft() {
  try { return JSON.parse(window.sessionStorage.getItem(DRAFT_KEY) || 'null'); } catch (e) { return null; }
}

export function zoneEditor(box, app, { onSaved } = {}) {
  const map = app.map;
  const ctx = app.view.ctx;
  if (!map.pm) { box.append(el('p', { class: 'muted' }, t('zone.nogeoman'))); return; }
  // only the draft is editable, cuttable and removable; zones and districts stay snap targets (snapIgnore: false)
  L.PM.setOptIn(true);
  map.pm.setLang(document.documentElement.lang === 'en' ? 'en' : 'zh');
  const draft = L.featureGroup().addTo(map);
  const problems = L.featureGroup().addTo(map);
  map.pm.setGlobalOptions({ snappable: true, snapDistance: 15, allowSelfIntersection: false, layerGroup: draft,
    pathOptions: DRAFT_STYLE });
  if (!map.pm.controlsVisible()) {
    map.pm.addControls({ position: 'topleft', drawMarker: false, drawCircleMarker: false, drawPolyline: false,
      drawCircle: false, drawText: false, rotateMode: false, dragMode: false, drawRectangle: true, drawPolygon: true,
      editMode: true, cutPolygon: true, removalMode: true });
  }

  let editing = null; // {id, version} of the zone loaded into the draft, or null for a new zone
  let history = [[]];
  let at = 0;
  let restoring = false;

  const name = el('input', { type: 'text', class: 'input', 'data-testid': 'zone-name', placeholder: t('zone.name') });
  const team = el('select', { class: 'input', 'data-testid': 'zone-team' }, el('option', { value: '' }, t('zone.noteam')));
  const undo = el('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'zone-undo', disabled: true, title: 'Ctrl+Z' }, '↶ ' + t('zone.undo'));
  const redo = el('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'zone-redo', disabled: true, title: 'Ctrl+Y' }, '↷ ' + t('zone.redo'));
  const save = el('button', { type: 'button', class: 'btn', 'data-testid': 'zone-save', disabled: true }, t('common.save'));
  const cancel = el('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'zone-discard' }, t('zone.discard'));
  const del = el('button', { type: 'button', class: 'btn btn-secondary btn-small btn-danger', hidden: true }, t('zone.delete'));
  const mode = el('p', { class: 'muted', 'data-testid': 'zone-mode' }, t('zone.hint'));
  const msg = el('div', { 'data-testid': 'zone-validation' });
  name.addEventListener('input', () => persist());
  team.addEventListener('change', () => persist());
  box.append(mode, el('div', { class: 'form-row' }, name, team),
    el('div', { class: 'form-row' }, undo, redo, cancel, del, save), msg);

  const kept = storedDraft();
  api('/api/teams').then((teams) => {
    teams.forEach((x) => team.append(el('option', { value: String(x.id) }, x.name)));
    if (kept && kept.team) team.value = kept.team;
  }).catch(() => {});

  /** The draft as it stands, for the next render of this view (or the page after a language switch). */
  function persist() {
    if (restoring) return;
    const any = editing || history.some((h) => h.length) || name.value;
    try {
      if (any) window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ editing, name: name.value, team: team.value, history, at }));
      else window.sessionStorage.removeItem(DRAFT_KEY);
    } catch (e) { /* storage full or off: the draft lives as long as the view */ }
  }

  function geoms() { return draft.getLayers().map((l) => l.toGeoJSON().geometry); }
  function record() {
    if (restoring) return;
    history = history.slice(0, at + 1);
    history.push(geoms());
    at = history.length - 1;
    refresh();
  }
  function refresh() {
    undo.disabled = at === 0;
    redo.disabled = at >= history.length - 1;
    save.disabled = draft.getLayers().length === 0;
    const n = draft.getLayers().length;
    mode.textContent = editing ? t('zone.editing', { name: name.value || `#${editing.id}` })
      : n ? t('zone.parts', { n }) : t('zone.hint');
    persist();
  }
  function adopt(layer) {
    layer.options.pmIgnore = false;
    L.PM.reInitLayer(layer);
    layer.setStyle(DRAFT_STYLE);
    layer.on('pm:edit', record);
    if (!draft.hasLayer(layer)) draft.addLayer(layer);
  }
  function restore(list) {
    restoring = true;
    draft.clearLayers();
    list.forEach((g) => L.geoJSON(g).getLayers().forEach(adopt));
    restoring = false;
    refresh();
  }
  function step(d) {
    const i = at + d;
    if (i < 0 || i >= history.length) return;
    at = i;
    restore(history[at]);
  }
  function reset() {
    editing = null;
    draft.clearLayers();
    problems.clearLayers();
    msg.replaceChildren();
    history = [[]];
    at = 0;
    name.value = '';
    team.value = '';
    del.hidden = true;
    refresh();
    try { window.sessionStorage.removeItem(DRAFT_KEY); } catch (e) { /* nothing kept */ }
  }

  // a draft left by "‹ 返回", another view or a language switch comes back as it was, undo history included
  if (kept && Array.isArray(kept.history) && kept.history.length) {
    editing = kept.editing || null;
    name.value = kept.name || '';
    history = kept.history;
    at = Math.min(Math.max(0, kept.at | 0), history.length - 1);
    del.hidden = !editing;
    restore(history[at]);
    if (draft.getLayers().length) mode.append(el('span', { class: 'tag', 'data-testid': 'zone-draft-restored' }, ' ' + t('zone.draft.restored')));
  }

  // while Geoman draws, edits or cuts, venue clusters are off the map: a click there places a vertex, never zooms
  let venuesHidden = false;
  const onMode = () => {
    const on = map.pm.globalDrawModeEnabled() || map.pm.globalEditModeEnabled() || (map.pm.globalCutModeEnabled && map.pm.globalCutModeEnabled())
      || (map.pm.globalRemovalModeEnabled && map.pm.globalRemovalModeEnabled());
    if (on === venuesHidden) return;
    venuesHidden = on;
    app.view.setVisible('venues', !on);
    document.body.dataset.drawing = String(on);
  };
  map.on('pm:globaldrawmodetoggled pm:globaleditmodetoggled pm:globalcutmodetoggled pm:globalremovalmodetoggled', onMode);

  map.on('pm:create', (e) => { adopt(e.layer); record(); });
  map.on('pm:cut', (e) => {
    if (e.originalLayer) draft.removeLayer(e.originalLayer);
    if (e.layer) adopt(e.layer);
    record();
  });
  map.on('pm:remove', (e) => { if (draft.hasLayer(e.layer)) draft.removeLayer(e.layer); record(); });
  undo.addEventListener('click', () => step(-1));
  redo.addEventListener('click', () => step(1));
  cancel.addEventListener('click', reset);
  const onKey = (e) => {
    if (!(e.ctrlKey || e.metaKey)) return;
    if (e.target && /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) return;
    if (e.key === 'z' && !e.shiftKey) { e.preventDefault(); step(-1); } else if (e.key === 'y' || (e.key === 'z' && e.shiftKey)) { e.preventDefault(); step(1); }
  };
  document.addEventListener('keydown', onKey);

  /** Polygon, or MultiPolygon when the draft has several parts; vertices back to WGS-84 for the API. */
  function geometry() {
    const polys = [];
    for (const g of geoms()) {
      const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      parts.forEach((rings) => polys.push(rings.map((ring) => ring.map(([lon, lat]) => ctx.toWgs(L.latLng(lat, lon))))));
    }
    return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  }

  async function zoneSetId() {
    if (app.zones.set) return app.zones.set.id;
    const d = (await app.districts.src.get()).features[0];
    const s = await api('/api/zone-sets', { method: 'POST', json: { name: t('zone.set.default'), district: d ? d.properties.adcode : undefined } });
    await api(`/api/zone-sets/${s.id}/activate`, { method: 'PUT' });
    app.zones.reload();
    return s.id;
  }

  function showOverlaps(err) {
    const overlaps = (err.problem && err.problem.overlaps) || [];
    overlaps.forEach((o) => L.geoJSON(ctx.geo(o.geometry), { style: { color: '#b3261e', weight: 2, fillColor: '#b3261e', fillOpacity: 0.55, className: 'zone-overlap' },
      snapIgnore: false }).addTo(problems));
    if (overlaps.length) {
      map.fitBounds(problems.getBounds(), { maxZoom: 16, padding: [40, 40] });
      msg.replaceChildren(el('div', { class: 'problem', role: 'alert' },
        el('strong', {}, t('zone.overlaps', { n: overlaps.length })),
        el('ul', { class: 'plain' }, ...overlaps.map((o) => el('li', {}, `${o.zoneName} · ${formatNumber(o.areaM2)} m²`))),
        el('p', { class: 'muted' }, t('zone.overlaps.fix')),
        el('p', { class: 'muted' }, t('zone.clip.explain', { m2: formatNumber(overlaps.reduce((a, o) => a + o.areaM2, 0)) })),
        el('div', { class: 'form-row' },
          el('button', { type: 'button', class: 'btn', 'data-testid': 'zone-clip', onclick: () => submit(true) }, t('zone.clip')),
          el('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: reset }, t('zone.discard')))));
    } else {
      msg.replaceChildren(problemView(err));
    }
  }

  async function submit(clip) {
    problems.clearLayers();
    msg.replaceChildren();
    save.disabled = true;
    try {
      const body = { name: name.value.trim() || undefined, geometry: geometry(), teamId: team.value ? Number(team.value) : null,
        clipToFreeSpace: clip || undefined };
      let out;
      if (editing) out = await api(`/api/zones/${editing.id}`, { method: 'PUT', json: { ...body, version: editing.version } });
      else out = await api('/api/zones', { method: 'POST', json: { ...body, zoneSetId: await zoneSetId() } });
      const rep = out.repair;
      toast(t('zone.saved', { name: out.zone.properties.name }));
      reset();
      const notes = [];
      if (rep && (rep.repaired || rep.clippedOutsideM2 > 1)) notes.push(t('zone.repaired', { m2: formatNumber(rep.clippedOutsideM2 || 0) }));
      if (rep && rep.clippedOverlapM2 > 0) notes.push(t('zone.clipped', { m2: formatNumber(rep.clippedOverlapM2) }));
      if (notes.length) msg.replaceChildren(...notes.map((x) => el('p', { class: 'muted', 'data-testid': 'zone-save-note' }, x)));
      await onSaved(out);
    } catch (e) {
      save.disabled = false;
      if (e.status === 422 && e.problem && e.problem.overlaps) showOverlaps(e);
      else msg.replaceChildren(problemView(e));
    }
  }
  save.addEventListener('click', () => submit(false));

  del.addEventListener('click', async () => {
    if (!editing || !window.confirm(t('zone.delete.confirm'))) return;
    try {
      await api(`/api/zones/${editing.id}?version=${editing.version}`, { method: 'DELETE' });
      reset();
      await onSaved(null);
    } catch (e) {
      msg.replaceChildren(problemView(e));
    }
  });

  // a click on a zone loads it into the draft for editing
  let createdAt = 0;
  map.on('pm:create', () => { createdAt = Date.now(); });
  app.zones.onClick((f) => {
    // the click that closes a polygon also reaches the zone under it: not an edit request
    if (document.body.dataset.view !== 'planner' || map.pm.globalDrawModeEnabled() || map.pm.globalCutModeEnabled?.()
      || Date.now() - createdAt < 500) return;
    reset();
    editing = { id: f.properties.id, version: f.properties.version };
    name.value = f.properties.name || '';
    team.value = f.properties.teamId == null ? '' : String(f.properties.teamId);
    del.hidden = false;
    restoring = true;
    L.geoJSON(ctx.geo(f.geometry)).getLayers().forEach(adopt);
    restoring = false;
    history = [geoms()];
    at = 0;
    refresh();
  });

  return {
    /** The set's uncovered area (gaps between zones) as a map layer and a figure. */
    showGaps(set) {
      if (!set || !set.uncovered) return null;
      L.geoJSON(ctx.geo(set.uncovered), { interactive: false, style: { color: '#e69f00', weight: 1, fillColor: '#e69f00', fillOpacity: 0.45, className: 'zone-gap' } }).addTo(problems);
      return facts([[t('zone.gaps'), `${formatNumber(set.uncoveredM2)} m²`]]);
    },
    destroy() {
      // the draft stays in sessionStorage: leaving the view is not discarding it
      if (venuesHidden) app.view.setVisible('venues', true);
      delete document.body.dataset.drawing;
      map.off('pm:globaldrawmodetoggled pm:globaleditmodetoggled pm:globalcutmodetoggled pm:globalremovalmodetoggled', onMode);
      if (map.pm.globalDrawModeEnabled()) map.pm.disableDraw();
      map.removeLayer(draft);
      map.removeLayer(problems);
      if (map.pm.controlsVisible()) map.pm.removeControls();
      map.off('pm:create pm:cut pm:remove');
      document.removeEventListener('keydown', onKey);
      app.zones.onClick(null);
    },
  };
}
