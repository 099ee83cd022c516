// The team leader's complaints (举报投诉): the complaints dispatched to the leader's team (GET /api/complaints: the API
// shows a leader nothing else), each with its deadline and the overdue flag, the reporter masked; and the step that is
// the leader's own: verifying a complaint by an inspection the team made after it came in (POST …/{id}/actions
// {"action":"verify","inspectionId"}). Planners accept, dispatch and close; the leader checks on site.
import { api, problemView, toast } from './api.js';
import { el, facts } from './dom.js';
import { t, tCode, getLang, formatDateTime } from './i18n.js';
import { field, formatDay, pager, query } from './enforcement-common.js';

const PAGE = 20;

export function leaderComplaints(box, app) {
  let offset = 0;
  const open = el('input', { type: 'checkbox', checked: true, 'data-testid': 'leader-complaints-open' });
  const list = el('div', { 'data-testid': 'leader-complaint-list' }, el('p', { class: 'muted' }, t('common.loading')));
  const card = el('div', { 'data-testid': 'leader-complaint-card' });
  box.replaceChildren(el('label', { class: 'inline' }, open, ' ', t('cw.lc.openOnly')), list, card);

  async function load() {
    try {
      const page = await api(`/api/complaints?${query({ state: open.checked ? 'dispatched' : '', limit: PAGE, offset })}`);
      const rows = page.items.map((c) => el('li', { class: `lc-item${c.overdue ? ' overdue' : ''}`, 'data-testid': 'leader-complaint', dataset: { complaintId: String(c.id) } },
        el('button', { type: 'button', class: 'btn-link', onclick: () => show(c) }, `${t('complaint.no')} ${c.id} · ${c.venueName || c.address || '—'}`),
        el('div', { class: 'small' }, tCode('complaint.state', c.state), ' · ',
          c.dueAt ? t('cw.lc.due', { due: formatDateTime(c.dueAt) }) : '',
          c.overdue ? el('span', { class: 'tag tag-bad', 'data-testid': 'leader-complaint-overdue' }, t('complaint.overdue')) : null),
        el('div', { class: 'muted small' }, c.content.length > 60 ? `${c.content.slice(0, 60)}…` : c.content)));
      list.replaceChildren(pager(page, offset, PAGE, (o) => { offset = o; load(); }, 'leader-complaint-count'),
        rows.length ? el('ul', { class: 'plain lc-list' }, ...rows) : el('p', { class: 'muted', 'data-testid': 'leader-complaints-none' }, t('cw.lc.none')));
    } catch (e) {
      list.replaceChildren(problemView(e));
    }
  }
  open.addEventListener('change', () => { offset = 0; load(); });

  async function show(c) {
    if (c.lon != null && app.view.ctx) app.map.setView(app.view.ctx.ll(c.lon, c.lat), Math.max(app.map.getZoom(), 16));
    const out = el('div');
    const parts = [el('h3', {}, `${t('complaint.no')} ${c.id} · `, el('span', { 'data-testid': 'leader-complaint-state' }, tCode('complaint.state', c.state)),
      c.overdue ? el('span', { class: 'tag tag-bad' }, t('complaint.overdue')) : null),
    facts([
      [t('complaint.source'), tCode('complaint.source', c.source)],
      [t('complaint.received'), formatDateTime(c.receivedAt)],
      [t('complaint.subject'), c.venueName || c.address],
      [t('complaint.category'), tCode('cat', c.category)],
      [t('complaint.content'), c.content],
      [t('complaint.reporter'), [c.reporterName, c.reporterContact].filter(Boolean).join(' · ')],
      [t('complaint.due'), c.dueAt ? `${formatDateTime(c.dueAt)} (${tCode('complaint.rule', c.dueRule)})` : ''],
      [t('complaint.inspection'), c.inspectionId ? `#${c.inspectionId}` : null],
    ])];
    if (c.state === 'dispatched') {
      // the team's inspections since the day it came in (of its venue when it names one)
      const insp = el('select', { class: 'input', 'data-testid': 'leader-verify-inspection' }, el('option', { value: '' }, t('common.loading')));
      const save = el('button', { type: 'submit', class: 'btn', 'data-testid': 'leader-verify' }, t('complaint.verify'));
      const form = el('form', { class: 'form', 'data-testid': 'leader-verify-form' }, el('h4', {}, t('cw.lc.verify')),
        el('p', { class: 'muted small' }, t('cw.lc.verify.help')), field(t('complaint.inspection'), insp), el('div', { class: 'form-row' }, save), out);
      api(`/api/inspections?${query({ venue: c.venueId, team: app.me.teamId, from: String(c.receivedAt).slice(0, 10), limit: 50 })}`).then((p) => {
        insp.replaceChildren(el('option', { value: '' }, p.items.length ? t('cw.inspection.pick') : t('cw.lc.noInspection')),
          ...p.items.map((i) => el('option', { value: String(i.id) }, `#${i.id} · ${formatDay(i.inspectedAt, getLang())} · ${i.venueName || ''} · ${tCode('outcome', i.outcome)}`)));
      }).catch((e) => out.replaceChildren(problemView(e)));
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        save.disabled = true;
        try {
          const next = await api(`/api/complaints/${c.id}/actions`, { method: 'POST',
            json: { action: 'verify', inspectionId: insp.value ? Number(insp.value) : null, version: c.version } });
          toast(t('complaint.done', { state: tCode('complaint.state', next.state) }));
          load();
          show(next);
        } catch (e) {
          save.disabled = false;
          out.replaceChildren(problemView(e));
        }
      });
      parts.push(form);
    }
    card.replaceChildren(el('article', { class: 'card-inner', 'data-testid': 'leader-complaint-view', dataset: { state: c.state } }, ...parts));
    card.scrollIntoView({ block: 'nearest' });
  }

  load();
  return { reload: load };
}
