// A campaign plan (PlanView of /api/campaigns/{id}/plan, /solve, /api/my/shift) on the map and in the panel: a route
// line and numbered stops per team, a timeline per team, and the score explanation.
/* global L */
import { t, tCode, formatNumber } from './i18n.js';
import { el, tip } from './dom.js';

export const TEAM_COLOURS = ['#b3261e', '#1f5fa8', '#1e7a46', '#8e44ad', '#d55e00', '#0097a7', '#7a6a00', '#c2185b'];

export function teamColour(plan, teamId) {
  const i = plan.routes.findIndex((r) => r.teamId === teamId);
  return TEAM_COLOURS[(i < 0 ? 0 : i) % TEAM_COLOURS.length];
}

export function hhmm(iso) {
  if (!iso) return '—';
  // the API gives +08:00 times; show the wall clock of the bureau, whatever the browser's zone
  const m = /T(\d{2}:\d{2})/.exec(iso);
  return m ? m[1] : iso;
}

/** Overlay builder: each team's line (base → stops → base) and its stops as numbered pins. */
export function routesOverlay(plan, { onStop } = {}) {
  return async (ctx) => {
    const group = L.featureGroup();
    for (const r of plan.routes) {
      const colour = teamColour(plan, r.teamId);
      if (r.line) {
        group.addLayer(L.geoJSON(ctx.geo(r.line), { style: { color: colour, weight: 4, opacity: 0.85, className: 'route' } })
          .bindTooltip(tip(r.teamName), { sticky: true }));
      }
      group.addLayer(L.circleMarker(ctx.ll(r.baseLon, r.baseLat), { radius: 7, color: '#fff', weight: 2, fillColor: colour, fillOpacity: 1, className: 'route-base' })
        .bindTooltip(tip(`${r.teamName} · ${t('plan.base')}`)));
      r.stops.forEach((s) => {
        const icon = L.divIcon({ className: `stop-pin${s.done ? ' done' : ''}`, html: el('span', { style: { background: colour } }, String(s.seq)), iconSize: [24, 24], iconAnchor: [12, 12] });
        const m = L.marker(ctx.ll(s.lon, s.lat), { icon, title: s.name, keyboard: false })
          .bindTooltip(tip(`${s.seq}. ${s.name} · ${hhmm(s.arrival)}–${hhmm(s.departure)}`));
        if (onStop) m.on('click', () => onStop(s, r));
        group.addLayer(m);
      });
    }
    return group;
  };
}

function minutes(iso) {
  const m = /T(\d{2}):(\d{2})/.exec(iso || '');
  if (!m) return null;
  let v = Number(m[1]) * 60 + Number(m[2]);
  return v;
}

/** One bar per team from shift start to end; a block per stop (arrival→departure), travel in between shown thin. */
export function timeline(plan) {
  const spans = [];
  plan.routes.forEach((r) => { spans.push(minutes(r.shiftStart), minutes(r.shiftEnd)); r.stops.forEach((s) => spans.push(minutes(s.arrival), minutes(s.departure))); });
  const valid = spans.filter((x) => x !== null);
  if (!valid.length) return el('p', { class: 'muted' }, t('plan.nostops'));
  let lo = Math.min(...valid);
  let hi = Math.max(...valid);
  // a night shift crosses midnight: times before the shift start belong to the next day
  const start0 = minutes(plan.routes[0].shiftStart);
  const norm = (m) => (m !== null && start0 !== null && m < start0 - 60 ? m + 1440 : m);
  lo = Math.min(...valid.map(norm));
  hi = Math.max(...valid.map(norm));
  const width = Math.max(60, hi - lo);
  const pos = (m) => ((norm(m) - lo) / width) * 100;
  const span = (a, b) => ({ left: `${pos(a)}%`, width: `max(3px, ${Math.max(0, pos(b) - pos(a))}%)` });
  const ticks = [];
  for (let h = Math.ceil(lo / 60) * 60; h <= hi; h += 60) ticks.push(el('span', { class: 'tl-tick', style: { left: `${((h - lo) / width) * 100}%` } }, String((h / 60) % 24).padStart(2, '0')));
  return el('div', { class: 'timeline', 'data-testid': 'timeline' }, el('div', { class: 'tl-axis' }, ...ticks),
    ...plan.routes.map((r) => el('div', { class: 'tl-row' },
      el('span', { class: 'tl-team', style: { borderColor: teamColour(plan, r.teamId) } }, r.teamName),
      el('div', { class: 'tl-bar' },
        r.shiftStart ? el('span', { class: 'tl-shift', style: span(minutes(r.shiftStart), minutes(r.shiftEnd)) }) : null,
        ...r.stops.map((s) => el('span', { class: `tl-stop${s.done ? ' done' : ''}`, title: `${s.seq}. ${s.name} ${hhmm(s.arrival)}–${hhmm(s.departure)}`,
          style: { ...span(minutes(s.arrival), minutes(s.departure)), background: teamColour(plan, r.teamId) } }, String(s.seq)))))));
}

/** The plan's headline: score, feasibility, stops, travel, what was left out and why. */
export function planSummary(plan) {
  const stops = plan.routes.reduce((n, r) => n + r.stops.length, 0);
  const travel = plan.routes.reduce((n, r) => n + (r.travelMinutes || 0), 0);
  return el('div', { class: 'plan-summary' },
    el('div', { class: 'stat-row' },
      stat(t('plan.stops'), formatNumber(stops)), stat(t('plan.teams'), formatNumber(plan.routes.length)),
      stat(t('plan.travel'), `${formatNumber(travel)} ${t('unit.min')}`)),
    el('p', {}, el('span', { class: `tag ${plan.feasible ? 'tag-ok' : 'tag-bad'}` }, t(plan.feasible ? 'plan.feasible' : 'plan.infeasible')), ' ',
      el('span', { 'data-testid': 'plan-score', title: plan.score || '' }, plan.scoreText || plan.score || '')),
    plan.violations && plan.violations.length ? el('ul', { class: 'plain problem' }, ...plan.violations.map((v) => el('li', {}, v))) : null,
    plan.unassigned && plan.unassigned.length ? el('details', {}, el('summary', {}, t('plan.unassigned', { n: plan.unassigned.length })),
      el('ul', { class: 'plain' }, ...plan.unassigned.map((u) => el('li', {}, `${u.name || '#' + u.venueId}: ${u.reason}`)))) : null,
    sheetLinks(plan));
}

/** A link per team to its printable A4 route sheet (opens in a new tab; print from there). */
function sheetLinks(plan) {
  const routes = plan.routes.filter((r) => r.stops.length);
  if (plan.campaignId == null || !routes.length) return null;
  return el('p', { class: 'sheet-links', 'data-testid': 'plan-sheets' }, `${t('plan.sheets')}: `,
    ...routes.map((r) => el('a', { class: 'btn btn-secondary', 'data-testid': 'plan-sheet-link', target: '_blank', rel: 'noopener',
      href: `/api/campaigns/${plan.campaignId}/plan/teams/${r.teamId}/sheet?date=${encodeURIComponent(plan.date)}` }, r.teamName)));
}

/**
 * A campaign over its dates (GET /api/campaigns/{id}/plans): days planned, venues targeted / planned / left, the
 * rule that each venue is checked once per campaign, and why each unplanned venue was left out (per date).
 */
export function campaignTotals(summary) {
  const x = summary.totals;
  return el('div', { class: 'plan-summary', 'data-testid': 'campaign-totals' },
    el('div', { class: 'stat-row' },
      stat(t('campaign.plans.datesPlanned'), `${formatNumber(x.datesPlanned)}/${formatNumber(x.dates)}`),
      stat(t('campaign.plans.targeted'), formatNumber(x.targeted)), stat(t('campaign.plans.planned'), formatNumber(x.planned)),
      stat(t('campaign.plans.left'), formatNumber(x.unplanned))),
    el('p', { class: 'muted' }, t('campaign.plans.once')),
    summary.plannedOnSeveralDates.length ? el('p', { class: 'problem' }, t('campaign.plans.twice', { n: summary.plannedOnSeveralDates.length })) : null,
    summary.unplanned.length ? el('details', {}, el('summary', {}, t('campaign.plans.reasons', { n: summary.unplanned.length })),
      el('ul', { class: 'plain' }, ...summary.unplanned.map((u) => el('li', {}, `${u.name || '#' + u.venueId}: `,
        u.reasons.map((r) => (r.date ? `${r.date} ` : '') + r.reason).join('；'))))) : null);
}

function stat(label, v) {
  return el('div', { class: 'stat' }, el('div', { class: 'stat-value' }, v), el('div', { class: 'stat-label' }, label));
}

/**
 * The score explained: totals per constraint (hard first), then the largest single penalties with the solver's "why".
 * Visits are "v{venueId}[wN]" and teams "t{teamId}", resolved to names from the plan.
 */
export function explanation(matches, plan) {
  if (!Array.isArray(matches) || !matches.length) return el('p', { class: 'muted' }, t('plan.explain.none'));
  const venue = new Map();
  const team = new Map();
  (plan ? plan.routes : []).forEach((r) => { team.set(`t${r.teamId}`, r.teamName); r.stops.forEach((s) => venue.set(s.venueId, s.name)); });
  const vname = (v) => { const m = /^v(\d+)/.exec(v || ''); return m && venue.has(Number(m[1])) ? venue.get(Number(m[1])) : v; };
  const totals = new Map();
  matches.forEach((m) => {
    const k = `${m.level}|${m.constraint}`;
    const x = totals.get(k) || { level: m.level, constraint: m.constraint, score: 0, n: 0 };
    x.score += Number(m.score) || 0;
    x.n += 1;
    totals.set(k, x);
  });
  const order = { hard: 0, medium: 1, soft: 2 };
  const rows = [...totals.values()].sort((a, b) => order[a.level] - order[b.level] || a.score - b.score);
  const worst = matches.slice().sort((a, b) => (order[a.level] - order[b.level]) || (a.score - b.score)).slice(0, 8);
  return el('div', { 'data-testid': 'plan-explanation' },
    el('table', { class: 'grid compact' },
      el('thead', {}, el('tr', {}, el('th', {}, t('plan.explain.constraint')), el('th', {}, t('plan.explain.level')), el('th', {}, t('plan.explain.n')), el('th', {}, t('plan.explain.score')))),
      el('tbody', {}, ...rows.map((r) => el('tr', { class: r.level === 'hard' && r.score < 0 ? 'bad' : '' },
        el('td', {}, tCode('constraint', r.constraint)), el('td', {}, tCode('level', r.level)),
        el('td', { class: 'num' }, formatNumber(r.n)), el('td', { class: 'num' }, formatNumber(r.score)))))),
    el('details', {}, el('summary', {}, t('plan.explain.worst')),
      el('ul', { class: 'plain' }, ...worst.map((m) => el('li', {},
        el('strong', {}, vname(m.visit) || team.get(m.team) || ''), ' · ', team.get(m.team) || '', ' · ', tCode('constraint', m.constraint), ': ', m.why || '', ` (${formatNumber(m.score)})`)))));
}
