// A campaign plan (PlanView of /api/campaigns/{id}/plan, /solve, /api/my/shift) on the map and in the panel: a route
// line and numbered stops per team, a timeline per team, and the score explanation.
/* global L */
import { t, tCode, formatNumber, getLang } from './i18n.js';
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
        // a rounded square with the team's colour: a route stop, never mistaken for a (round, navy) venue cluster
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

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// the wall-clock parts of an ISO time as the API gives it (+08:00), whatever the browser's zone
function wall(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso || '');
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  return { ms, hm: `${m[4]}:${m[5]}` };
}
const dayOf = (ms) => { const d = new Date(ms); return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }; };

/**
 * When a shift really runs, in words: the client twin of the server's ShiftLabel. A night sweep dated 12-02 with the
 * shift 23:30–04:30 reads "12月1日夜—12月2日凌晨 (23:30–04:30)" / "Night of 1–2 Dec (23:30–04:30)"; a day shift
 * "12月2日 (08:30–17:30)" / "2 Dec (08:30–17:30)". Times are ISO with the bureau's offset (a route's shiftStart/End).
 */
export function shiftLabel(startIso, endIso) {
  const a = wall(startIso);
  const b = wall(endIso);
  if (!a || !b) return '';
  const s = dayOf(a.ms);
  const e = dayOf(b.ms - 60000); // a shift ending at 24:00 ends that day
  const hours = `(${a.hm}–${b.hm})`;
  const overnight = s.y !== e.y || s.m !== e.m || s.d !== e.d;
  const en = getLang() === 'en';
  if (!overnight) return en ? `${s.d} ${MONTHS_EN[s.m - 1]} ${hours}` : `${s.m}月${s.d}日 ${hours}`;
  const end = dayOf(b.ms);
  if (en) return `Night of ${s.m === end.m ? s.d : `${s.d} ${MONTHS_EN[s.m - 1]}`}–${end.d} ${MONTHS_EN[end.m - 1]} ${hours}`;
  const morning = Number(b.hm.slice(0, 2)) * 60 + Number(b.hm.slice(3)) > 360 ? '晨' : '凌晨';
  return `${s.m}月${s.d}日夜—${end.m}月${end.d}日${morning} ${hours}`;
}

/** The shift of plan date {@code date} ('YYYY-MM-DD') from 'HH:MM' to 'HH:MM': a start not before the end is the evening before. */
export function shiftOfDate(date, from, to) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
  if (!m || !from || !to) return null;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const iso = (ms, hm) => { const d = dayOf(ms); return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}T${hm}:00+08:00`; };
  return { start: iso(from >= to ? day - 86400000 : day, from), end: iso(day, to) };
}

/**
 * One bar per team from shift start to end; a block per stop (arrival→departure), travel in between shown thin. A
 * block is a button: {@code onStop(stop, route)} opens that stop.
 */
export function timeline(plan, { onStop } = {}) {
  // minutes from the midnight before the earliest shift start: a night shift's times after midnight run on past 1440
  const starts = plan.routes.map((r) => wall(r.shiftStart)).filter(Boolean).map((w) => w.ms);
  const first = starts.length ? Math.min(...starts) : null;
  const base = first === null ? null : first - (first % 86400000);
  const norm = (m, iso) => { const w = wall(iso); return w && base !== null ? (w.ms - base) / 60000 : m; };
  const pts = [];
  plan.routes.forEach((r) => { pts.push(norm(null, r.shiftStart), norm(null, r.shiftEnd)); r.stops.forEach((s) => pts.push(norm(null, s.arrival), norm(null, s.departure))); });
  const okPts = pts.filter((x) => x !== null);
  if (!okPts.length) return el('p', { class: 'muted' }, t('plan.nostops'));
  // the axis starts at the shift start (a night sweep's at 23:30 the evening before, not at 00)
  const lo = first !== null ? (first - base) / 60000 : Math.min(...okPts);
  const hi = Math.max(...okPts);
  const width = Math.max(60, hi - lo);
  const pos = (iso) => ((norm(null, iso) - lo) / width) * 100;
  const span = (a, b) => ({ left: `${pos(a)}%`, width: `max(3px, ${Math.max(0, pos(b) - pos(a))}%)` });
  const ticks = [];
  if (lo % 60 !== 0) ticks.push(el('span', { class: 'tl-tick tl-tick-start', style: { left: '0%' } }, hhmm(plan.routes.map((r) => r.shiftStart).filter(Boolean).sort()[0])));
  for (let h = Math.ceil(lo / 60) * 60; h <= hi; h += 60) ticks.push(el('span', { class: 'tl-tick', style: { left: `${((h - lo) / width) * 100}%` } }, String((h / 60) % 24).padStart(2, '0')));
  const labels = [...new Set(plan.routes.filter((r) => r.shiftStart).map((r) => shiftLabel(r.shiftStart, r.shiftEnd)))];
  return el('div', { class: 'timeline', 'data-testid': 'timeline' },
    labels.length ? el('div', { class: 'tl-shift-label muted', 'data-testid': 'timeline-shift' }, labels.join('；')) : null,
    el('div', { class: 'tl-axis' }, ...ticks),
    ...plan.routes.map((r) => el('div', { class: 'tl-row' },
      el('span', { class: 'tl-team', style: { borderColor: teamColour(plan, r.teamId) } }, r.teamName),
      el('div', { class: 'tl-bar' },
        r.shiftStart ? el('span', { class: 'tl-shift', style: span(r.shiftStart, r.shiftEnd) }) : null,
        ...r.stops.map((s) => el('span', { class: `tl-stop${s.done ? ' done' : ''}${onStop ? ' tl-stop-link' : ''}`,
          title: `${s.seq}. ${s.name} ${hhmm(s.arrival)}–${hhmm(s.departure)}`, 'data-testid': 'tl-stop',
          dataset: { stopId: String(s.id), venueId: String(s.venueId) }, role: onStop ? 'button' : null, tabindex: onStop ? '0' : null,
          onclick: onStop ? () => onStop(s, r) : null,
          onkeydown: onStop ? (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onStop(s, r); } } : null,
          style: { ...span(s.arrival, s.departure), background: teamColour(plan, r.teamId) } }, String(s.seq)))))));
}

/** Each team's stops in order (number, time, name), beside the timeline; a row opens its stop. */
export function stopLists(plan, { onStop } = {}) {
  const routes = plan.routes.filter((r) => r.stops.length);
  if (!routes.length) return null;
  return el('div', { class: 'team-stop-lists', 'data-testid': 'team-stop-lists' },
    ...routes.map((r) => el('details', { class: 'team-stops', open: routes.length <= 3 },
      el('summary', {}, el('span', { class: 'tl-team', style: { borderColor: teamColour(plan, r.teamId) } }, r.teamName),
        ' ', el('span', { class: 'muted' }, t('plan.teamStops', { n: r.stops.length }))),
      el('ol', { class: 'plain team-stop-list' }, ...r.stops.map((s) => el('li', {},
        el('button', { type: 'button', class: 'btn-link', 'data-testid': 'team-stop', dataset: { stopId: String(s.id) },
          onclick: onStop ? () => onStop(s, r) : null },
        el('span', { class: 'route-no', style: { background: teamColour(plan, r.teamId) } }, String(s.seq)), ' ',
        el('span', { class: 'stop-time' }, `${hhmm(s.arrival)}–${hhmm(s.departure)}`), ' ', s.name)))))));
}

/** The plan's headline: score, feasibility, stops, travel, what was left out and why. */
export function planSummary(plan) {
  const stops = plan.routes.reduce((n, r) => n + r.stops.length, 0);
  const travel = plan.routes.reduce((n, r) => n + (r.travelMinutes || 0), 0);
  const shifts = [...new Set(plan.routes.filter((r) => r.shiftStart).map((r) => shiftLabel(r.shiftStart, r.shiftEnd)))];
  return el('div', { class: 'plan-summary' },
    shifts.length ? el('p', { 'data-testid': 'plan-shift' }, el('strong', {}, t('campaign.shift')), ' ', shifts.join('；')) : null,
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
