// Team leader view (带队人员): today's ordered stops of the leader's team, the route on the map, a printable sheet.
// Plans come from issue 6 (GET /api/campaigns, GET /api/campaigns/{id}/plan); until deployed the list says so.
/* global L */
import { api, probe, problemView } from './api.js';
import { t, formatDateTime } from './i18n.js';
import { el, facts, section } from './dom.js';
import { unavailable } from './venue-card.js';

function teamStops(plan, teamId) {
  const teams = plan.teams || plan.routes || [];
  const mine = teams.find((r) => String(r.teamId ?? (r.team && r.team.id)) === String(teamId));
  return mine ? { stops: mine.stops || mine.visits || [], route: mine.route || mine.geometry || null } : null;
}

export async function renderLeader(panel, app) {
  const list = el('ol', { class: 'stops', 'data-testid': 'stop-list' });
  const status = el('div', {}, el('p', { class: 'muted' }, t('common.loading')));
  const teamName = el('span', {}, app.me.teamId === '' || app.me.teamId == null ? t('common.none') : String(app.me.teamId));
  const printBtn = el('button', { type: 'button', class: 'btn btn-secondary', onclick: () => window.print() }, t('leader.print'));
  panel.replaceChildren(section(t('leader.shift'),
    facts([[t('leader.team'), teamName]]),
    status, list, el('div', { class: 'form-row no-print' }, printBtn)));

  if (app.me.teamId === '' || app.me.teamId == null) {
    status.replaceChildren(el('p', { class: 'muted' }, t('leader.noteam')));
    return;
  }
  api('/api/teams').then((teams) => {
    const mine = (teams || []).find((x) => String(x.id) === String(app.me.teamId));
    if (mine && mine.name) teamName.textContent = mine.name;
  }).catch(() => { /* the id stays shown */ });
  const r = await probe('/api/campaigns');
  if (r.state === 'missing') { status.replaceChildren(unavailable()); return; }
  if (r.state !== 'ok') { status.replaceChildren(problemView(r.error)); return; }
  const campaigns = Array.isArray(r.data) ? r.data : (r.data.items || []);
  const stops = [];
  let route = null;
  for (const c of campaigns) {
    try {
      const plan = await api(`/api/campaigns/${c.id}/plan`);
      const mine = teamStops(plan, app.me.teamId);
      if (mine) { stops.push(...mine.stops.map((s) => ({ ...s, campaign: c.name }))); route = route || mine.route; }
    } catch (e) {
      if (e.status !== 404) status.append(problemView(e));
    }
  }
  status.replaceChildren(stops.length ? el('span') : el('p', { class: 'muted' }, t('leader.nostops')));
  stops.sort((a, b) => String(a.arrival || '').localeCompare(String(b.arrival || '')));
  stops.forEach((s, i) => list.append(el('li', { class: `stop${s.done ? ' done' : ''}`, 'data-testid': 'stop', dataset: { venueId: String(s.venueId ?? '') } },
    el('span', { class: 'stop-no' }, String(i + 1)),
    el('div', { class: 'stop-body' },
      el('strong', {}, s.name || s.venueName || `#${s.venueId}`),
      el('div', { class: 'muted' }, s.address || ''),
      el('div', {}, formatDateTime(s.arrival), s.departure ? ' – ' + formatDateTime(s.departure) : '')),
    el('button', { type: 'button', class: 'btn btn-small', onclick: () => app.openVenue(s.venueId) }, t('common.details')))));
  if (route) {
    app.view.addOverlay('route', async (ctx) => L.geoJSON(ctx.geo(route.type === 'Feature' ? route.geometry : route),
      { style: { color: '#b3261e', weight: 4, opacity: 0.85, className: 'route' } }));
  }
}
