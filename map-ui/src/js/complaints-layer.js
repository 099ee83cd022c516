// Complaints (举报投诉) on the map: one circle per complaint with a position (GET /api/complaints?format=geojson), its
// fill by handling state, a red ring when its deadline has passed (overdue). Reporter data never reaches the map.
/* global L */
import { api } from './api.js';
import { el, facts } from './dom.js';
import { t, tCode, formatDateTime } from './i18n.js';

export const STATE_COLOURS = {
  received: '#f59e0b',
  accepted: '#3b82f6',
  dispatched: '#7c3aed',
  verified: '#10b981',
  closed: '#9ca3af',
  declined: '#d1d5db',
};

/** params(): the list filters (state, overdue, team, from, to); onPick(id) when a complaint is clicked. */
export function complaintsOverlay(params, onPick) {
  return async (ctx) => {
    const q = new URLSearchParams({ format: 'geojson', limit: '1000' });
    Object.entries(params() || {}).forEach(([k, v]) => { if (v !== '' && v !== null && v !== undefined) q.set(k, v); });
    const fc = await api(`/api/complaints?${q}`);
    return L.geoJSON(null, {
      pointToLayer: (f, ll) => L.circleMarker(ll, {
        radius: 7,
        weight: f.properties.overdue ? 3 : 1.5,
        color: f.properties.overdue ? '#b91c1c' : '#374151',
        fillColor: STATE_COLOURS[f.properties.state] || '#6b7280',
        fillOpacity: 0.9,
        className: `complaint-pin state-${f.properties.state}${f.properties.overdue ? ' overdue' : ''}`,
      }),
      onEachFeature: (f, l) => {
        l.bindTooltip(() => tooltip(f.properties), { sticky: true });
        if (onPick) l.on('click', () => onPick(f.properties.id));
      },
    }).addData(fc.features.map((f) => ({ ...f, geometry: ctx.geo(f.geometry) })));
  };
}

function tooltip(p) {
  return el('div', {},
    el('strong', {}, `${t('complaint.no')} ${p.id} · ${tCode('complaint.state', p.state)}`),
    p.overdue ? el('div', { class: 'tag tag-bad' }, t('complaint.overdue')) : null,
    facts([
      [t('complaint.subject'), p.venueName || p.address],
      [t('complaint.category'), tCode('cat', p.category)],
      [t('complaint.received'), formatDateTime(p.receivedAt)],
      [t('complaint.due'), formatDateTime(p.dueAt)],
      [t('complaint.team'), p.teamName],
      [t('complaint.content'), p.content],
    ]));
}
