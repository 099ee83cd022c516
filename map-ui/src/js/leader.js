// Team leader view (带队人员): the day's shifts from GET /api/my/shift?date= (own team only, every campaign planned for
// that date), each under its label ("12月1日夜—12月2日凌晨 (23:30–04:30)": a night sweep dated 12-02 starts the evening
// before), then per campaign the ordered stops with times; the route on the map, a card per stop (address, licence, the
// venue's record of every team from GET /api/venues/{id}/inspections, what to check), recording the inspection
// (POST /api/inspections with an Idempotency-Key, ≥ 2 certified officers), marking the stop done (a reason when nothing
// was recorded), the A4 sheet; below, the complaints dispatched to the team and the team's enforcement work (cases,
// documents, goods, work log).
/* global L */
import { api, problemView } from './api.js';
import { t, tCode, getLang } from './i18n.js';
import { el, facts, section } from './dom.js';
import { routesOverlay, hhmm, shiftLabel } from './plan-view.js';
import { fieldExtras, stallButton } from './field-extras.js';
import { leaderComplaints } from './leader-complaints.js';
import { enforcementCard } from './enforcement-view.js';

function shortDate(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString(getLang() === 'en' ? 'en-GB' : 'zh-CN', { month: 'short', day: 'numeric', timeZone: 'Asia/Shanghai' });
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function renderLeader(panel, app) {
  const list = el('div', { class: 'stops', 'data-testid': 'stop-list' });
  const status = el('div', {});
  const date = el('input', { type: 'date', class: 'input', value: app.leaderDate || window.sessionStorage.getItem('pp.leaderDate') || today(), 'data-testid': 'shift-date' });
  const teamName = el('span', {}, '—');
  const sheets = el('div', { class: 'form-row no-print' });
  const card = el('div', { 'data-testid': 'stop-card-box' });
  const fieldBar = el('div', { class: 'form-row no-print' });
  const complaintsBox = el('section', { class: 'card no-print', 'data-testid': 'leader-complaints' }, el('h2', {}, t('cw.lc.title')));
  panel.replaceChildren(section(t('leader.shift'),
    el('div', { class: 'form-grid' }, el('label', {}, t('leader.date'), date)),
    facts([[t('leader.team'), teamName]]), status, list, sheets, fieldBar), card, complaintsBox);

  if (app.me.teamId === '' || app.me.teamId == null) {
    status.replaceChildren(el('p', { class: 'muted' }, t('leader.noteam')));
    return null;
  }
  let inspectors = null;
  const members = () => inspectors || (inspectors = api(`/api/inspectors?team=${encodeURIComponent(app.me.teamId)}`));
  fieldBar.append(stallButton(app, card, members));
  leaderComplaints(complaintsBox.appendChild(el('div')), app);
  const enforcement = enforcementCard(app);
  panel.append(el('div', { class: 'no-print', 'data-testid': 'leader-enforcement' }, enforcement.node));

  function clearRoutes() {
    app.view.removeOverlay('route');
    for (let i = 1; i < 10; i++) app.view.removeOverlay(`route-${i}`);
  }

  async function load() {
    app.leaderDate = date.value;
    window.sessionStorage.setItem('pp.leaderDate', date.value);
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
    // one block per shift (earliest first), one numbered list per campaign within it: the number is the stop's own
    // (seq), the one its card, the map pin and the route sheet show
    const groups = shift.shifts || [{ start: null, end: null, campaigns: shift.plans }];
    for (const g of groups) {
      const box = el('section', { class: 'shift-group', 'data-testid': 'shift-group' },
        g.start ? el('h3', { class: 'shift-label', 'data-testid': 'shift-label' }, shiftLabel(g.start, g.end)) : null);
      for (const plan of g.campaigns) {
        for (const r of plan.routes) {
          if (g.start && (r.shiftStart !== g.start || r.shiftEnd !== g.end)) continue;
          teamName.textContent = r.teamName;
          const ol = el('ol', { class: 'stops', 'data-testid': 'campaign-stops' });
          r.stops.forEach((s) => { const row = { s, r, plan }; rows.push(row); ol.append(stopItem(row)); });
          box.append(el('h4', { class: 'campaign-label' }, plan.campaignName), ol);
          sheets.append(el('a', { class: 'btn btn-secondary', 'data-testid': 'sheet-link', target: '_blank', rel: 'noopener',
            href: `/api/campaigns/${plan.campaignId}/plan/teams/${r.teamId}/sheet?date=${encodeURIComponent(shift.date)}` },
          `${t('leader.print')} · ${plan.campaignName}${g.start ? ' · ' + shiftLabel(g.start, g.end) : ''}`));
        }
      }
      list.append(box);
    }
    // the stop open before a language switch (a reload) or "‹ 返回" opens again
    const again = rows.find((x) => String(x.s.id) === window.sessionStorage.getItem('pp.leaderStop'));
    if (again) openStop(again);
    status.replaceChildren(rows.length ? el('p', { class: 'muted' }, t('leader.summary', { n: rows.length, plans: shift.plans.length }))
      : el('p', { class: 'muted', 'data-testid': 'no-stops' }, t('leader.nostops')));
    if (!rows.length) list.replaceChildren();
    const drawn = shift.plans.map((plan, i) => app.view.addOverlay(i ? `route-${i}` : 'route', routesOverlay(plan, {
      onStop: (s) => { const row = rows.find((x) => x.s.id === s.id); if (row) openStop(row); } }), { inControl: i === 0 }));
    // the map fits the whole shift: every campaign's routes, bases and stops, once they are drawn
    if (rows.length) {
      Promise.all(drawn).then(() => {
        const b = L.latLngBounds([]);
        shift.plans.forEach((p, i) => { const g = app.view.group(i ? `route-${i}` : 'route'); if (g && g.getBounds().isValid()) b.extend(g.getBounds()); });
        if (b.isValid()) app.map.fitBounds(b, { padding: [30, 30], maxZoom: 16 });
      });
    }
  }

  function stopItem(row) {
    const { s } = row;
    const li = el('li', { class: `stop${s.done ? ' done' : ''}`, 'data-testid': 'stop', dataset: { venueId: String(s.venueId), stopId: String(s.id), seq: String(s.seq) } },
      el('span', { class: 'stop-no' }, String(s.seq)),
      // min-width 0: a long name wraps instead of pushing the 检查 button out of the row
      el('div', { class: 'stop-body', style: { minWidth: '0', flex: '1 1 auto', overflowWrap: 'anywhere' } },
        el('strong', {}, s.name),
        el('div', { class: 'muted' }, s.address || ''),
        el('div', {}, el('span', { class: 'stop-time' }, `${hhmm(s.arrival)}–${hhmm(s.departure)}`), ' · ', tCode('cat', s.category),
          s.done ? el('span', { class: 'tag tag-ok' }, t('leader.done')) : null)),
      el('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'stop-open', style: { flex: '0 0 auto' }, onclick: () => openStop(row) }, t('leader.open')));
    row.li = li;
    return li;
  }

  async function openStop(row) {
    const { s, r, plan } = row;
    window.sessionStorage.setItem('pp.leaderStop', String(s.id));
    list.querySelectorAll('.stop').forEach((x) => x.classList.toggle('selected', x === row.li));
    app.map.setView(app.view.ctx.ll(s.lon, s.lat), Math.max(app.map.getZoom(), 16));
    card.replaceChildren(el('p', { class: 'muted' }, t('common.loading')));
    let venue; let history; let checklist; let team;
    try {
      [venue, history, checklist, team] = await Promise.all([api(`/api/venues/${s.venueId}`), api(`/api/venues/${s.venueId}/inspections?limit=10`),
        api(`/api/inspections/checklist?category=${encodeURIComponent(s.category)}`), members()]);
    } catch (e) {
      card.replaceChildren(problemView(e));
      return;
    }
    const p = venue.properties;
    const out = el('div');
    // nobody is ticked: the leader ticks who actually went in (the route's officers are listed first)
    const onRoute = new Set(r.members.map((m) => m.id));
    const people = team.filter((x) => x.active !== false).sort((a, b) => Number(onRoute.has(b.id)) - Number(onRoute.has(a.id)));
    const officers = el('div', { class: 'checks', 'data-testid': 'officers' }, ...people.map((x) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: String(x.id), disabled: !x.certified }),
      t('list.note', { a: x.name, b: x.certificateNo || t('leader.nocert') }))));
    const outcome = el('select', { class: 'input', 'data-testid': 'outcome' }, ...['compliant', 'violation', 'not_operating', 'refused_entry', 'not_found']
      .map((o) => el('option', { value: o }, tCode('outcome', o))));
    const items = el('div', { class: 'checks checklist', 'data-testid': 'checklist' }, ...checklist.map((c) => el('label', { class: 'check', title: c.legalBasis },
      el('input', { type: 'checkbox', value: c.code }), c.name)));
    const actions = el('div', { class: 'checks' }, ...['warning', 'rectification_order', 'case_filed', 'closed'].map((a) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: a }), tCode('action', a))));
    const notes = el('textarea', { class: 'input', rows: 2 });
    const record = el('button', { type: 'submit', class: 'btn', 'data-testid': 'inspection-submit' }, t('leader.record'));
    const extras = fieldExtras();
    // one key per opened form: a second click, or a retry after a lost answer, gets the first record back
    const idemKey = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
    let recorded = false;
    const inspectedThisShift = !!(history && r.shiftStart && history.entries.some((e) => e.ownTeam && Date.parse(e.inspectedAt) >= Date.parse(r.shiftStart)));
    const reason = el('input', { type: 'text', class: 'input', 'data-testid': 'done-reason', placeholder: t('leader.done.reason.hint') });
    const reasonBox = el('label', { hidden: true, 'data-testid': 'done-reason-box' }, t('leader.done.reason'), reason);
    const done = el('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'stop-done', disabled: s.done }, t(s.done ? 'leader.done' : 'leader.markdone'));
    const checked = (box) => [...box.querySelectorAll('input:checked')].map((x) => x.value);
    items.addEventListener('change', () => { if (checked(items).length) outcome.value = 'violation'; });
    const form = el('form', { class: 'form', 'data-testid': 'inspection-form' },
      el('fieldset', {}, el('legend', {}, t('leader.officers')), officers),
      el('label', {}, t('leader.outcome'), outcome),
      el('fieldset', {}, el('legend', {}, t('leader.checklist')), items),
      el('fieldset', {}, el('legend', {}, t('leader.actions')), actions),
      extras.node,
      el('label', {}, t('field.notes'), notes),
      el('div', { class: 'form-row' }, record, done), reasonBox, out);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const ids = checked(officers).map(Number);
      if (ids.length < 2) { out.replaceChildren(el('p', { class: 'problem', role: 'alert' }, t('leader.twoofficers'))); return; }
      if (record.disabled) return;
      record.disabled = true;
      record.textContent = t('leader.sending');
      try {
        const saved = await api('/api/inspections', { method: 'POST', headers: { 'Idempotency-Key': idemKey }, json: { venueId: s.venueId, inspectedAt: new Date().toISOString(), officers: ids,
          outcome: outcome.value, violations: checked(items), actions: checked(actions), notes: notes.value || undefined, teamId: r.teamId } });
        recorded = true;
        // said in the card, next to the buttons: a toast would cover them on a phone
        out.replaceChildren(el('p', { class: 'ok', 'data-testid': 'inspection-saved' }, t('leader.recorded', { name: s.name })));
        out.append(...(await extras.after(saved.id, ids)));
        record.textContent = t('leader.recordedShort');
        if (!s.done) await markDone();
      } catch (e) {
        record.disabled = false;
        record.textContent = t('leader.record');
        out.replaceChildren(problemView(e));
      }
    });
    async function markDone(why) {
      // a retry after a lost reply is answered from the first mark (kept in the database), audited once
      await api(`/api/campaigns/${plan.campaignId}/plan/stops/${s.id}`, { method: 'PATCH', headers: { 'Idempotency-Key': `${idemKey}-done` },
        json: why ? { done: true, reason: why } : { done: true } });
      s.done = true;
      row.li.classList.add('done');
      done.disabled = true;
      done.textContent = t('leader.done');
      app.view.refresh('route');
    }
    done.addEventListener('click', () => {
      // done without a record of the check: say why (closed, refused, …); the reason goes to the audit trail
      if (!recorded && !inspectedThisShift) {
        reasonBox.hidden = false;
        if (!reason.value.trim()) {
          out.replaceChildren(el('p', { class: 'problem', role: 'alert', 'data-testid': 'done-reason-needed' }, t('leader.done.reason.needed')));
          reason.focus();
          return;
        }
      }
      markDone(recorded ? undefined : reason.value.trim()).then(() => { reasonBox.hidden = true; out.replaceChildren(); })
        .catch((e) => out.replaceChildren(problemView(e)));
    });
    card.replaceChildren(el('article', { class: 'card stop-card', 'data-testid': 'stop-card', dataset: { venueId: String(s.venueId), seq: String(s.seq) } },
      el('div', { class: 'card-head' }, el('span', { class: 'muted' }, `${t('leader.stop')} ${s.seq} · ${hhmm(s.arrival)}–${hhmm(s.departure)}`),
        el('button', { type: 'button', class: 'btn btn-link', onclick: () => app.openVenue(s.venueId) }, t('common.details'))),
      el('h2', {}, p.name),
      facts([[t('field.address'), p.address], [t('field.licenceNo'), p.licenceNo], [t('field.status'), tCode('status', p.status)],
        [t('field.openingHours'), typeof p.openingHours === 'string' ? p.openingHours : null],
        [t('leader.window'), s.windowStart ? `${hhmm(s.windowStart)}–${hhmm(s.windowEnd)}` : null],
        [t('leader.last'), el('span', { 'data-testid': 'venue-last' }, lastLine(history))]]),
      recordList(history),
      el('h3', {}, t('leader.tocheck')),
      el('ul', { class: 'plain tocheck' }, ...checklist.map((c) => el('li', {}, el('strong', {}, c.name), el('div', { class: 'muted small' }, c.legalBasis)))),
      el('h3', {}, t('leader.record')), form));
    card.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  // "11月22日 · 11月5日 违规": the newest check by any team, and the newest that found a violation
  function lastLine(rec) {
    if (!rec || !rec.inspections) return t('leader.never');
    const parts = [shortDate(rec.lastInspectedAt)];
    if (rec.lastViolationAt) parts.push(t('leader.violationOn', { date: shortDate(rec.lastViolationAt) }));
    return parts.join(' · ');
  }

  function recordList(rec) {
    if (!rec || !rec.entries || !rec.entries.length) return null;
    return el('details', { class: 'venue-record', 'data-testid': 'venue-record', open: rec.withViolations > 0 },
      el('summary', {}, t('leader.record.summary', { n: rec.inspections, v: rec.withViolations })),
      el('ul', { class: 'plain' }, ...rec.entries.map((e) => el('li', { 'data-testid': 'venue-record-entry', dataset: { team: String(e.teamId || '') } },
        el('strong', {}, shortDate(e.inspectedAt)), ' · ', e.teamName || '—', ' · ', tCode('outcome', e.outcome),
        e.violations.length ? `：${e.violations.map((v) => v.name).join('；')}` : '',
        e.actions.length ? ` · ${e.actions.map((a) => tCode('action', a)).join(t('list.sep'))}` : '',
        e.officers ? el('div', { class: 'muted small' }, e.officers.map((o) => o.name).join(t('list.sep')), e.notes ? ` · ${e.notes}` : '') : null))),
      el('p', { class: 'muted small' }, t('leader.record.nocases')));
  }

  date.addEventListener('change', load);
  await load();
  return () => { clearRoutes(); enforcement.destroy(); };
}
