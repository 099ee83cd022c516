// Complaints for planners (举报投诉): intake (a registered venue is found by the server from the address or the point;
// a free address is geocoded), the list with filters and paging, one complaint's card with its next steps (accept,
// decline, dispatch to a team or into the team's plan of today, verify with an inspection, close with the reply), the
// CSV/XLSX export (without the reporter) and the map layer of complaints-layer.js.
import { api, problemView, toast } from './api.js';
import { el, facts } from './dom.js';
import { t, tCode, formatDateTime, formatNumber } from './i18n.js';
import { complaintsOverlay } from './complaints-layer.js';

const SOURCES = ['hotline_12318', 'phone', 'web', 'letter', 'referral_superior', 'referral_department'];
const CATEGORIES = ['internet_cafe', 'song_dance', 'game_arcade', 'publication', 'hotel', 'satellite_equipment', 'printing',
  'performance', 'art', 'cultural_relics', 'online_culture', 'other'];
const STATES = ['received', 'accepted', 'dispatched', 'verified', 'closed', 'declined'];
const PAGE = 20;

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function field(label, input) {
  return el('label', { class: 'stack' }, label, input);
}

export function complaintsPanel(box, app) {
  const filters = { state: '', overdue: '' };
  let offset = 0;
  const stateSel = el('select', { class: 'input', 'data-testid': 'complaint-filter-state' },
    el('option', { value: '' }, t('complaint.state.all')), ...STATES.map((s) => el('option', { value: s }, tCode('complaint.state', s))));
  const overdueBox = el('input', { type: 'checkbox', 'data-testid': 'complaint-filter-overdue' });
  const list = el('div', { 'data-testid': 'complaint-list' }, el('p', { class: 'muted' }, t('common.loading')));
  const card = el('div', { 'data-testid': 'complaint-card' });
  const newBtn = el('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'complaint-new' }, t('complaint.new'));
  const csv = el('a', { class: 'btn btn-small btn-secondary', download: 'complaints.csv' }, 'CSV');
  const xlsx = el('a', { class: 'btn btn-small btn-secondary', download: 'complaints.xlsx' }, 'XLSX');
  box.replaceChildren(
    el('div', { class: 'form-row' }, newBtn, csv, xlsx),
    el('div', { class: 'form-row' }, stateSel, el('label', { class: 'inline' }, overdueBox, ' ', t('complaint.overdueOnly'))),
    list, card);

  const params = () => ({ state: filters.state, overdue: filters.overdue });
  const exportLinks = () => {
    const q = new URLSearchParams(Object.entries(params()).filter(([, v]) => v !== ''));
    csv.href = `/api/complaints?${q}&format=csv`;
    xlsx.href = `/api/complaints?${q}&format=xlsx`;
  };
  const layer = () => app.view.addOverlay('complaints', complaintsOverlay(params, (id) => open(id)),
    { onError: (e) => list.replaceChildren(problemView(e)) });

  async function load() {
    exportLinks();
    try {
      const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
      Object.entries(params()).forEach(([k, v]) => { if (v !== '') q.set(k, v); });
      const page = await api(`/api/complaints?${q}`);
      const rows = page.items.map((c) => el('tr', { class: c.overdue ? 'overdue' : '', 'data-testid': 'complaint-row' },
        el('td', {}, el('button', { type: 'button', class: 'btn-link', onclick: () => open(c.id) }, String(c.id))),
        el('td', {}, formatDateTime(c.receivedAt)),
        el('td', { class: 'wrap' }, c.venueName || c.address || '—'),
        el('td', {}, tCode('complaint.state', c.state), c.overdue ? el('span', { class: 'tag tag-bad' }, t('complaint.overdue')) : null)));
      const pager = el('div', { class: 'form-row' },
        el('span', { class: 'muted', 'data-testid': 'complaint-count' }, t('complaint.count', {
          from: formatNumber(page.numberReturned ? offset + 1 : 0), to: formatNumber(offset + page.numberReturned), n: formatNumber(page.numberMatched) })),
        offset > 0 ? el('button', { type: 'button', class: 'btn btn-small btn-secondary', onclick: () => { offset = Math.max(0, offset - PAGE); load(); } }, '‹') : null,
        offset + page.numberReturned < page.numberMatched
          ? el('button', { type: 'button', class: 'btn btn-small btn-secondary', onclick: () => { offset += PAGE; load(); } }, '›') : null);
      list.replaceChildren(pager, el('div', { class: 'table-scroll' }, el('table', { class: 'grid compact' },
        el('thead', {}, el('tr', {}, ...['complaint.no', 'complaint.received', 'complaint.subject', 'complaint.stateLabel'].map((k) => el('th', {}, t(k))))),
        el('tbody', {}, ...rows))));
    } catch (e) {
      list.replaceChildren(problemView(e));
    }
  }

  function refresh() {
    load();
    app.view.refresh('complaints');
  }

  stateSel.addEventListener('change', () => { filters.state = stateSel.value; offset = 0; refresh(); });
  overdueBox.addEventListener('change', () => { filters.overdue = overdueBox.checked ? 'true' : ''; offset = 0; refresh(); });
  newBtn.addEventListener('click', () => intake());

  function intake() {
    const source = el('select', { class: 'input', 'data-testid': 'complaint-source' }, ...SOURCES.map((s) => el('option', { value: s }, tCode('complaint.source', s))));
    const referredBy = el('input', { type: 'text', class: 'input', 'data-testid': 'complaint-referred-by' });
    const address = el('input', { type: 'text', class: 'input', 'data-testid': 'complaint-address', placeholder: t('complaint.address.hint') });
    const category = el('select', { class: 'input', 'data-testid': 'complaint-category' }, ...CATEGORIES.map((c) => el('option', { value: c }, tCode('cat', c))));
    const content = el('textarea', { class: 'input', rows: 3, 'data-testid': 'complaint-content' });
    const reporter = el('input', { type: 'text', class: 'input', 'data-testid': 'complaint-reporter' });
    const contact = el('input', { type: 'tel', class: 'input', 'data-testid': 'complaint-contact' });
    const out = el('div', {});
    const save = el('button', { type: 'submit', class: 'btn', 'data-testid': 'complaint-save' }, t('complaint.save'));
    const form = el('form', { class: 'stack', 'data-testid': 'complaint-form' },
      el('h3', {}, t('complaint.new')),
      el('div', { class: 'form-grid' }, field(t('complaint.source'), source), field(t('complaint.referredBy'), referredBy),
        field(t('complaint.category'), category)),
      field(t('complaint.address'), address), field(t('complaint.content'), content),
      el('div', { class: 'form-grid' }, field(t('complaint.reporter'), reporter), field(t('complaint.contact'), contact)),
      el('div', { class: 'form-row' }, save, el('button', { type: 'button', class: 'btn btn-secondary', onclick: () => card.replaceChildren() }, t('common.cancel'))),
      out);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      save.disabled = true;
      try {
        const c = await api('/api/complaints', { method: 'POST', json: { source: source.value, referredBy: referredBy.value,
          address: address.value, category: category.value, content: content.value, reporterName: reporter.value,
          reporterContact: contact.value } });
        toast(t('complaint.saved', { id: c.id }));
        refresh();
        show(c);
      } catch (e) {
        out.replaceChildren(problemView(e));
      } finally {
        save.disabled = false;
      }
    });
    card.replaceChildren(form);
    card.scrollIntoView({ block: 'nearest' });
  }

  async function open(id) {
    try { show(await api(`/api/complaints/${id}`)); } catch (e) { card.replaceChildren(problemView(e)); }
  }

  async function act(c, body, out) {
    try {
      const next = await api(`/api/complaints/${c.id}/actions`, { method: 'POST', json: { ...body, version: c.version } });
      toast(t('complaint.done', { state: tCode('complaint.state', next.state) }));
      refresh();
      show(next);
    } catch (e) {
      out.replaceChildren(problemView(e));
    }
  }

  async function show(c) {
    const out = el('div', {});
    const steps = el('div', { class: 'stack' });
    if (c.lon !== null && c.lon !== undefined && app.view.ctx) app.map.setView(app.view.ctx.ll(c.lon, c.lat), Math.max(app.map.getZoom(), 15));
    if (c.state === 'received') {
      const reason = el('input', { type: 'text', class: 'input', 'data-testid': 'complaint-reason', placeholder: t('complaint.reason') });
      steps.append(el('div', { class: 'form-row' },
        el('button', { type: 'button', class: 'btn', 'data-testid': 'complaint-accept', onclick: () => act(c, { action: 'accept' }, out) }, t('complaint.accept'))),
      el('div', { class: 'form-row' }, reason,
        el('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'complaint-decline', onclick: () => act(c, { action: 'decline', reason: reason.value }, out) }, t('complaint.decline'))));
    } else if (c.state === 'accepted' || c.state === 'dispatched') {
      const team = el('select', { class: 'input', 'data-testid': 'complaint-team' });
      api('/api/teams').then((ts) => team.replaceChildren(...ts.map((x) => el('option', { value: String(x.id) }, x.name)))).catch(() => {});
      const deadline = el('input', { type: 'date', class: 'input', min: today(), 'data-testid': 'complaint-deadline' });
      const intoPlan = el('input', { type: 'checkbox', 'data-testid': 'complaint-into-plan', disabled: !c.venueId && c.lon == null });
      steps.append(el('div', { class: 'form-grid' }, field(t('complaint.team'), team), field(t('complaint.deadline'), deadline)),
        el('label', { class: 'inline' }, intoPlan, ' ', t('complaint.intoPlan')),
        el('div', { class: 'form-row' }, el('button', { type: 'button', class: 'btn', 'data-testid': 'complaint-dispatch',
          onclick: () => act(c, { action: 'dispatch', teamId: Number(team.value), deadline: deadline.value || null,
            intoPlan: intoPlan.checked, date: today() }, out) }, t('complaint.dispatch'))));
    }
    if (c.state === 'dispatched') {
      const inspection = el('input', { type: 'number', class: 'input', min: 1, 'data-testid': 'complaint-inspection' });
      steps.append(el('div', { class: 'form-row' }, field(t('complaint.inspection'), inspection),
        el('button', { type: 'button', class: 'btn btn-secondary', onclick: () => act(c, { action: 'verify', inspectionId: Number(inspection.value) || null }, out) }, t('complaint.verify'))));
    } else if (c.state === 'verified') {
      const result = el('textarea', { class: 'input', rows: 2, 'data-testid': 'complaint-result' });
      const reply = el('textarea', { class: 'input', rows: 2, 'data-testid': 'complaint-reply' });
      steps.append(field(t('complaint.result'), result), field(t('complaint.reply'), reply),
        el('button', { type: 'button', class: 'btn', 'data-testid': 'complaint-close', onclick: () => act(c, { action: 'close', result: result.value, reply: reply.value }, out) }, t('complaint.close')));
    }
    card.replaceChildren(el('div', { class: 'card-inner', 'data-testid': 'complaint-detail' },
      el('h3', {}, `${t('complaint.no')} ${c.id} · `, el('span', { 'data-testid': 'complaint-state' }, tCode('complaint.state', c.state)),
        c.overdue ? el('span', { class: 'tag tag-bad' }, t('complaint.overdue')) : null),
      facts([
        [t('complaint.source'), tCode('complaint.source', c.source) + (c.referredBy ? ` · ${c.referredBy}` : '')],
        [t('complaint.received'), formatDateTime(c.receivedAt)],
        [t('complaint.subject'), c.venueName || c.address],
        [t('complaint.category'), tCode('cat', c.category)],
        [t('complaint.content'), c.content],
        [t('complaint.reporter'), [c.reporterName, c.reporterContact].filter(Boolean).join(' · ')],
        [t('complaint.team'), c.teamName],
        [t('complaint.due'), c.dueAt ? `${formatDateTime(c.dueAt)} (${tCode('complaint.rule', c.dueRule)})` : ''],
        [t('complaint.declineReason'), c.declineReason],
        [t('complaint.inspection'), c.inspectionId],
        [t('complaint.result'), c.result],
        [t('complaint.reply'), c.reply],
      ]),
      steps, out));
  }

  load();
  layer();
  return { destroy: () => app.view.removeOverlay('complaints') };
}
