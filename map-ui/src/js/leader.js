// Team leader view (带队人员): the day's shift from GET /api/my/shift?date= (own team only, every campaign planned for
// that date) — ordered stops with times, the route on the map, a card per stop (address, licence, last result, what to
// check), recording the inspection (POST /api/inspections, ≥ 2 certified officers), marking the stop done, the A4 sheet.
import { api, problemView, toast } from './api.js';
import { t, tCode, formatDateTime } from './i18n.js';
import { el, facts, section } from './dom.js';
import { routesOverlay, hhmm } from './plan-view.js';

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function renderLeader(panel, app) {
  const list = el('ol', { class: 'stops', 'data-testid': 'stop-list' });
  const status = el('div', {});
  const date = el('input', { type: 'date', class: 'input', value: app.leaderDate || today(), 'data-testid': 'shift-date' });
  const teamName = el('span', {}, '—');
  const sheets = el('div', { class: 'form-row no-print' });
  const card = el('div', { 'data-testid': 'stop-card-box' });
  panel.replaceChildren(section(t('leader.shift'),
    el('div', { class: 'form-grid' }, el('label', {}, t('leader.date'), date)),
    facts([[t('leader.team'), teamName]]), status, list, sheets), card);

  if (app.me.teamId === '' || app.me.teamId == null) {
    status.replaceChildren(el('p', { class: 'muted' }, t('leader.noteam')));
    return null;
  }
  let inspectors = null;
  const members = () => inspectors || (inspectors = api(`/api/inspectors?team=${encodeURIComponent(app.me.teamId)}`));

  function clearRoutes() {
    app.view.removeOverlay('route');
    for (let i = 1; i < 10; i++) app.view.removeOverlay(`route-${i}`);
  }

  async function load() {
    app.leaderDate = date.value;
    list.replaceChildren();
    sheets.replaceChildren();
    card.replaceChildren();
    clearRoutes();
    status.replaceChildren(el('p', { class: 'muted' }, t('common.loading')));
    let shift;
    try {
      shift = await api(`/api/my/shift?date=${encodeURIComponent(date.value)}`);
    } catch (e) {
      status.replaceChildren(problemView(e));
      return;
    }
    const rows = [];
    for (const plan of shift.plans) {
      for (const r of plan.routes) {
        teamName.textContent = r.teamName;
        r.stops.forEach((s) => rows.push({ s, r, plan }));
        sheets.append(el('a', { class: 'btn btn-secondary', 'data-testid': 'sheet-link', target: '_blank', rel: 'noopener',
          href: `/api/campaigns/${plan.campaignId}/plan/teams/${r.teamId}/sheet?date=${encodeURIComponent(shift.date)}` },
        `${t('leader.print')} · ${plan.campaignName}`));
      }
    }
    rows.sort((a, b) => String(a.s.arrival).localeCompare(String(b.s.arrival)));
    status.replaceChildren(rows.length ? el('p', { class: 'muted' }, t('leader.summary', { n: rows.length, plans: shift.plans.length }))
      : el('p', { class: 'muted', 'data-testid': 'no-stops' }, t('leader.nostops')));
    rows.forEach((row, i) => list.append(stopItem(row, i)));
    shift.plans.forEach((plan, i) => app.view.addOverlay(i ? `route-${i}` : 'route', routesOverlay(plan, {
      onStop: (s) => { const row = rows.find((x) => x.s.id === s.id); if (row) openStop(row); } }), { inControl: i === 0 }));
    const g = app.view.group('route');
    if (g && rows.length) setTimeout(() => { const b = g.getBounds(); if (b.isValid()) app.map.fitBounds(b, { padding: [30, 30], maxZoom: 16 }); }, 50);
  }

  function stopItem(row, i) {
    const { s } = row;
    const li = el('li', { class: `stop${s.done ? ' done' : ''}`, 'data-testid': 'stop', dataset: { venueId: String(s.venueId), stopId: String(s.id) } },
      el('span', { class: 'stop-no' }, String(i + 1)),
      el('div', { class: 'stop-body' },
        el('strong', {}, s.name),
        el('div', { class: 'muted' }, s.address || ''),
        el('div', {}, el('span', { class: 'stop-time' }, `${hhmm(s.arrival)}–${hhmm(s.departure)}`), ' · ', tCode('cat', s.category),
          s.done ? el('span', { class: 'tag tag-ok' }, t('leader.done')) : null)),
      el('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'stop-open', onclick: () => openStop(row) }, t('leader.open')));
    row.li = li;
    return li;
  }

  async function openStop(row) {
    const { s, r, plan } = row;
    list.querySelectorAll('.stop').forEach((x) => x.classList.toggle('selected', x === row.li));
    app.map.setView(app.view.ctx.ll(s.lon, s.lat), Math.max(app.map.getZoom(), 16));
    card.replaceChildren(el('p', { class: 'muted' }, t('common.loading')));
    let venue; let last; let checklist; let team;
    try {
      [venue, last, checklist, team] = await Promise.all([api(`/api/venues/${s.venueId}`), api(`/api/inspections?venue=${s.venueId}&limit=1`),
        api(`/api/inspections/checklist?category=${encodeURIComponent(s.category)}`), members()]);
    } catch (e) {
      card.replaceChildren(problemView(e));
      return;
    }
    const p = venue.properties;
    const prev = last[0];
    const out = el('div');
    const onRoute = new Set(r.members.map((m) => m.id));
    const officers = el('div', { class: 'checks', 'data-testid': 'officers' }, ...team.filter((x) => x.active !== false).map((x) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: String(x.id), checked: onRoute.has(x.id) || (onRoute.size === 0 && team.indexOf(x) < 2), disabled: !x.certified }),
      `${x.name}（${x.certificateNo || t('leader.nocert')}）`)));
    const outcome = el('select', { class: 'input', 'data-testid': 'outcome' }, ...['compliant', 'violation', 'not_operating', 'refused_entry', 'not_found']
      .map((o) => el('option', { value: o }, tCode('outcome', o))));
    const items = el('div', { class: 'checks checklist', 'data-testid': 'checklist' }, ...checklist.map((c) => el('label', { class: 'check', title: c.legalBasis },
      el('input', { type: 'checkbox', value: c.code }), c.name)));
    const actions = el('div', { class: 'checks' }, ...['warning', 'rectification_order', 'case_filed', 'closed'].map((a) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: a }), tCode('action', a))));
    const notes = el('textarea', { class: 'input', rows: 2 });
    const record = el('button', { type: 'submit', class: 'btn', 'data-testid': 'inspection-submit' }, t('leader.record'));
    const done = el('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'stop-done', disabled: s.done }, t(s.done ? 'leader.done' : 'leader.markdone'));
    const checked = (box) => [...box.querySelectorAll('input:checked')].map((x) => x.value);
    items.addEventListener('change', () => { if (checked(items).length) outcome.value = 'violation'; });
    const form = el('form', { class: 'form', 'data-testid': 'inspection-form' },
      el('fieldset', {}, el('legend', {}, t('leader.officers')), officers),
      el('label', {}, t('leader.outcome'), outcome),
      el('fieldset', {}, el('legend', {}, t('leader.checklist')), items),
      el('fieldset', {}, el('legend', {}, t('leader.actions')), actions),
      el('label', {}, t('field.notes'), notes),
      el('div', { class: 'form-row' }, record, done), out);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const ids = checked(officers).map(Number);
      if (ids.length < 2) { out.replaceChildren(el('p', { class: 'problem', role: 'alert' }, t('leader.twoofficers'))); return; }
      record.disabled = true;
      try {
        await api('/api/inspections', { method: 'POST', json: { venueId: s.venueId, inspectedAt: new Date().toISOString(), officers: ids,
          outcome: outcome.value, violations: checked(items), actions: checked(actions), notes: notes.value || undefined, teamId: r.teamId } });
        toast(t('leader.recorded', { name: s.name }));
        out.replaceChildren(el('p', { class: 'ok', 'data-testid': 'inspection-saved' }, t('leader.recorded', { name: s.name })));
        if (!s.done) await markDone();
      } catch (e) {
        out.replaceChildren(problemView(e));
      } finally {
        record.disabled = false;
      }
    });
    async function markDone() {
      await api(`/api/campaigns/${plan.campaignId}/plan/stops/${s.id}`, { method: 'PATCH', json: { done: true } });
      s.done = true;
      row.li.classList.add('done');
      done.disabled = true;
      done.textContent = t('leader.done');
      app.view.refresh('route');
    }
    done.addEventListener('click', () => markDone().catch((e) => out.replaceChildren(problemView(e))));
    card.replaceChildren(el('article', { class: 'card stop-card', 'data-testid': 'stop-card', dataset: { venueId: String(s.venueId) } },
      el('div', { class: 'card-head' }, el('span', { class: 'muted' }, `${t('leader.stop')} ${s.seq} · ${hhmm(s.arrival)}–${hhmm(s.departure)}`),
        el('button', { type: 'button', class: 'btn btn-link', onclick: () => app.openVenue(s.venueId) }, t('common.details'))),
      el('h2', {}, p.name),
      facts([[t('field.address'), p.address], [t('field.licenceNo'), p.licenceNo], [t('field.status'), tCode('status', p.status)],
        [t('field.openingHours'), typeof p.openingHours === 'string' ? p.openingHours : null],
        [t('leader.window'), s.windowStart ? `${hhmm(s.windowStart)}–${hhmm(s.windowEnd)}` : null],
        [t('leader.last'), prev ? `${formatDateTime(prev.inspectedAt)} · ${tCode('outcome', prev.outcome)}${prev.violations.length ? '：' + prev.violations.map((v) => v.name).join('；') : ''}` : t('leader.never')]]),
      el('h3', {}, t('leader.tocheck')),
      el('ul', { class: 'plain tocheck' }, ...checklist.map((c) => el('li', {}, el('strong', {}, c.name), el('div', { class: 'muted small' }, c.legalBasis)))),
      el('h3', {}, t('leader.record')), form));
    card.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  date.addEventListener('change', load);
  await load();
  return clearRoutes;
}
