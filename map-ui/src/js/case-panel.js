// Penalty cases (案件): the list (GET /api/cases, paged with numberMatched; state, overdue, unit, filing period) and a
// case's view walking 立案 → 调查取证 → 告知 → 决定 → 执行 → 结案, every step with who and when (its officers and
// certificates), the 90-day limit of 《行政处罚法》第六十条 counting down or overdue, the evidence with its files
// (photos or documents uploaded, SHA-256 kept), the penalties with their articles, and only the acts the API allows
// for the case's state and the caller's role (planners: every act; team leaders: evidence, notice, execution;
// managers: read only). Filing (立案) starts from an inspection that found violations.
import { api, problemView, toast } from './api.js';
import { el, facts } from './dom.js';
import { t, tCode, getLang, formatDateTime, formatNumber } from './i18n.js';
import { field, formatDay, officerPicker, pager, periodInputs, query, roleOf, table } from './enforcement-common.js';

const STATES = ['filed', 'investigating', 'notified', 'decided', 'executed', 'closed'];
const STAGES = [
  { state: 'filed', acts: ['file'] },
  { state: 'investigating', acts: ['evidence', 'extend'] },
  { state: 'notified', acts: ['notice'] },
  { state: 'decided', acts: ['decide'] },
  { state: 'executed', acts: ['execute'] },
  { state: 'closed', acts: ['close'] },
];
const PENALTIES = ['warning', 'fine', 'confiscate_income', 'confiscate_property', 'suspend', 'revoke'];
const PAGE = 20;

/**
 * The acts the API allows now: the state's (CaseService requireState) and the role's (CaseResource @RolesAllowed).
 * A decision of a warning alone has nothing to execute: it may be closed at once.
 */
export function allowedActs(c, role) {
  if (role === 'manager') return [];
  const s = c.state;
  const out = [];
  if (['filed', 'investigating', 'notified'].includes(s)) out.push('evidence');
  if (s === 'investigating') out.push('notice');
  if (s === 'decided') out.push('execution');
  if (role === 'planner') {
    if (['filed', 'investigating', 'notified'].includes(s)) out.push('extension');
    if (s === 'notified') out.push('decision');
    const warningOnly = (c.penalties || []).length > 0 && c.penalties.every((p) => p.kind === 'warning');
    if (s === 'executed' || (s === 'decided' && warningOnly)) out.push('closing');
  }
  return out;
}

export function casesPanel(box, app) {
  const role = roleOf(app);
  let offset = 0;
  const state = el('select', { class: 'input', 'data-testid': 'case-filter-state', 'aria-label': t('cw.state') },
    el('option', { value: '' }, t('cw.state.all')), ...STATES.map((s) => el('option', { value: s }, tCode('cw.state', s))));
  const overdue = el('input', { type: 'checkbox', 'data-testid': 'case-filter-overdue' });
  const unit = el('select', { class: 'input', 'data-testid': 'case-filter-unit', 'aria-label': t('units.unit') }, el('option', { value: '' }, t('cw.unit.all')));
  const unitBox = el('label', { class: 'stack', hidden: true }, t('units.unit'), unit);
  const period = periodInputs('case-period');
  const list = el('div', { 'data-testid': 'case-list' }, el('p', { class: 'muted' }, t('common.loading')));
  const card = el('div', { 'data-testid': 'case-card' });
  const newBtn = role === 'manager' ? null : el('button', { type: 'button', class: 'btn btn-small', 'data-testid': 'case-new', onclick: () => fileForm() }, t('cw.file'));
  box.replaceChildren(
    el('div', { class: 'form-row' }, state, el('label', { class: 'inline' }, overdue, ' ', t('cw.overdueOnly')), newBtn),
    unitBox, period.node, list, card);

  // the units below the caller's (a city planner or manager narrows to one district)
  api('/api/units').then((tree) => {
    const flat = [];
    const walk = (n, depth) => { flat.push([n, depth]); (n.children || []).forEach((c) => walk(c, depth + 1)); };
    (Array.isArray(tree) ? tree : [tree]).forEach((n) => walk(n, 0));
    if (flat.length > 1) {
      unit.append(...flat.map(([n, d]) => el('option', { value: String(n.id) }, `${'　'.repeat(d)}${n.name}`)));
      unitBox.hidden = false;
    }
  }).catch(() => {});

  async function load() {
    try {
      const q = query({ state: state.value, overdue: overdue.checked ? 'true' : '', unit: unit.value, from: period.from.value,
        to: period.to.value, limit: PAGE, offset });
      const page = await api(`/api/cases?${q}`);
      const rows = page.items.map((c) => el('tr', { class: c.overdue ? 'overdue' : '', 'data-testid': 'case-row', dataset: { caseId: String(c.id) } },
        el('td', { class: 'nowrap' }, el('button', { type: 'button', class: 'btn-link', onclick: () => open(c.id) }, c.caseNo)),
        el('td', { class: 'wrap' }, c.venueName),
        el('td', {}, tCode('cw.state', c.state)),
        el('td', {}, deadlineTag(c))));
      list.replaceChildren(pager(page, offset, PAGE, (o) => { offset = o; load(); }, 'case-count'),
        rows.length ? table(['cw.caseNo', 'cw.venue', 'cw.state', 'cw.limit.col'], rows) : el('p', { class: 'muted' }, t('cw.none')));
    } catch (e) {
      list.replaceChildren(problemView(e));
    }
  }
  [state, overdue, unit, period.from, period.to].forEach((x) => x.addEventListener('change', () => { offset = 0; load(); }));

  async function open(id) {
    try { show(await api(`/api/cases/${id}`)); } catch (e) { card.replaceChildren(problemView(e)); }
  }

  // ---- filing (立案) from an inspection that found violations
  async function fileForm() {
    const out = el('div');
    const insp = el('select', { class: 'input', 'data-testid': 'case-inspection' }, el('option', { value: '' }, t('common.loading')));
    const cause = el('textarea', { class: 'input', rows: 2, 'data-testid': 'case-cause' });
    const note = el('input', { type: 'text', class: 'input', 'data-testid': 'case-note' });
    const officers = officerPicker(app);
    const save = el('button', { type: 'submit', class: 'btn', 'data-testid': 'case-file-submit' }, t('cw.file'));
    const form = el('form', { class: 'form', 'data-testid': 'case-file-form' }, el('h3', {}, t('cw.file.title')),
      field(t('cw.inspection'), insp), field(t('cw.cause'), cause), officers.node, field(t('cw.note'), note),
      el('div', { class: 'form-row' }, save, el('button', { type: 'button', class: 'btn btn-secondary', onclick: () => card.replaceChildren() }, t('common.cancel'))), out);
    card.replaceChildren(el('article', { class: 'card-inner' }, form));
    let found = [];
    try {
      const page = await api('/api/inspections?limit=200');
      found = page.items.filter((i) => i.outcome === 'violation' && i.violations && i.violations.length);
      insp.replaceChildren(el('option', { value: '' }, found.length ? t('cw.inspection.pick') : t('cw.inspection.none')),
        ...found.map((i) => el('option', { value: String(i.id) }, `#${i.id} · ${formatDay(i.inspectedAt, getLang())} · ${i.venueName || ''}`)));
    } catch (e) {
      out.replaceChildren(problemView(e));
    }
    insp.addEventListener('change', () => {
      const i = found.find((x) => String(x.id) === insp.value);
      if (i && !cause.value.trim()) cause.value = t('cw.cause.suggest', { venue: i.venueName || '', what: i.violations.map((v) => v.name).join('；') });
      if (i && i.officers) officers.node.querySelectorAll('input').forEach((x) => { x.checked = i.officers.some((o) => String(o.id) === x.value); });
    });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      save.disabled = true;
      try {
        const c = await api('/api/cases', { method: 'POST', json: { inspectionId: insp.value ? Number(insp.value) : null, cause: cause.value,
          officers: officers.ids(), note: note.value || undefined } });
        toast(t('cw.filed', { no: c.caseNo }));
        load();
        show(c);
      } catch (e) {
        out.replaceChildren(problemView(e));
      } finally {
        save.disabled = false;
      }
    });
    card.scrollIntoView({ block: 'nearest' });
  }

  // ---- one case
  function show(c) {
    const lang = getLang();
    const lastOfficers = c.acts && c.acts.length ? c.acts[c.acts.length - 1].officers.map((o) => o.id) : [];
    // the case keeps the checklist codes: their names (and articles) come from the inspection that found them
    const violationNames = el('span', { 'data-testid': 'case-violations' }, (c.violations || []).join('、'));
    if (c.inspectionId) {
      api(`/api/inspections/${c.inspectionId}`).then((i) => {
        violationNames.replaceChildren(...(i.violations || []).map((v, k) => el('span', { title: v.legalBasis || '' }, k ? '；' : '', v.name)));
      }).catch(() => {});
    }
    const stageIdx = STATES.indexOf(c.state);
    const steps = el('ol', { class: 'case-steps', 'data-testid': 'case-steps' }, ...STAGES.map((st, i) => {
      const acts = (c.acts || []).filter((a) => st.acts.includes(a.act));
      const status = i < stageIdx || c.state === 'closed' ? 'done' : i === stageIdx ? 'current' : 'todo';
      return el('li', { class: `case-step ${status}`, 'data-testid': 'case-step', dataset: { stage: st.state, status } },
        el('strong', {}, t(`cw.stage.${st.state}`)),
        ...acts.map((a) => el('div', { class: 'small', 'data-testid': 'case-act' },
          el('span', {}, `${tCode('cw.act', a.act)} · ${formatDateTime(a.at)} · ${t('cw.by', { who: a.recordedBy })}`),
          el('div', { class: 'muted' }, a.officers.map((o) => `${o.name}（${o.certificateNo}）`).join('、')),
          a.note ? el('div', { class: 'muted' }, a.note) : null)));
    }));
    const evidence = el('ul', { class: 'plain evidence-list', 'data-testid': 'case-evidence' }, ...(c.evidence || []).map((e) => el('li', {},
      el('span', {}, e.description),
      ...e.files.map((f) => el('div', { class: 'small' }, el('a', { href: `/api/cases/files/${f.id}`, 'data-testid': 'evidence-file' }, f.fileName),
        el('span', { class: 'muted' }, ` · ${formatNumber(Math.ceil(f.sizeBytes / 1024))} KB · SHA-256 ${f.sha256.slice(0, 12)}…`))),
      c.state !== 'closed' && role !== 'manager' ? uploadButton(c, e) : null)));
    const penalties = (c.penalties || []).length ? el('ul', { class: 'plain', 'data-testid': 'case-penalties' }, ...c.penalties.map((p) => el('li', {},
      el('strong', {}, tCode('cw.penalty', p.kind)), p.amountYuan != null ? ` ${formatNumber(p.amountYuan, 2)} ${t('cw.yuan')}` : '',
      el('div', { class: 'muted small' }, p.legalArticle)))) : null;
    const acts = allowedActs(c, role);
    const actBox = el('div', { 'data-testid': 'case-actions' });
    const tabs = el('div', { class: 'form-row case-act-buttons' }, ...acts.map((a) => el('button', { type: 'button', class: 'btn btn-small btn-secondary',
      'data-testid': `case-act-${a}`, onclick: () => actBox.replaceChildren(actForm(c, a, lastOfficers)) }, t(`cw.do.${a}`))));
    card.replaceChildren(el('article', { class: 'card-inner case-view', 'data-testid': 'case-view', dataset: { caseId: String(c.id), state: c.state } },
      el('h3', {}, `${c.caseNo} · `, el('span', { 'data-testid': 'case-state' }, tCode('cw.state', c.state)),
        c.overdue ? el('span', { class: 'tag tag-bad' }, t('cw.overdue')) : null),
      deadlineBox(c, lang),
      facts([
        [t('cw.venue'), c.venueName],
        [t('cw.cause'), c.cause],
        [t('cw.violations'), violationNames],
        [t('cw.inspection'), c.inspectionId ? `#${c.inspectionId}` : null],
        [t('cw.hearing'), c.hearing ? tCode('cw.hearing', c.hearing) : null],
        [t('cw.fine'), c.fineYuan != null && Number(c.fineYuan) > 0 ? `${formatNumber(c.fineYuan, 2)} ${t('cw.yuan')}` : null],
        [t('cw.execution'), c.execution ? tCode('cw.result', c.execution) : null],
        [t('cw.closingNote'), c.closingNote],
      ]),
      el('h4', {}, t('cw.steps')), steps,
      el('h4', {}, t('cw.evidence')), (c.evidence || []).length ? evidence : el('p', { class: 'muted' }, t('cw.evidence.none')),
      penalties ? el('h4', {}, t('cw.penalties')) : null, penalties,
      acts.length ? el('h4', {}, t('cw.next')) : (role === 'manager' ? el('p', { class: 'muted small' }, t('cw.readonly')) : null),
      tabs, actBox));
    card.scrollIntoView({ block: 'nearest' });
  }

  function uploadButton(c, e) {
    const input = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp,application/pdf', class: 'input', 'data-testid': 'evidence-upload',
      'aria-label': t('cw.upload') });
    input.addEventListener('change', async () => {
      if (!input.files.length) return;
      const body = new FormData();
      body.append('file', input.files[0], input.files[0].name);
      try {
        await api(`/api/cases/${c.id}/evidence/${e.id}/files`, { method: 'POST', body });
        toast(t('cw.uploaded'));
        open(c.id);
      } catch (err) {
        input.after(problemView(err));
      }
    });
    return el('label', { class: 'stack small' }, t('cw.upload'), input);
  }

  function actForm(c, act, lastOfficers) {
    const out = el('div');
    const officers = officerPicker(app, lastOfficers);
    const note = el('input', { type: 'text', class: 'input', 'data-testid': 'act-note' });
    const parts = [];
    const body = {};
    let file = null;
    if (act === 'evidence') {
      const d = el('textarea', { class: 'input', rows: 2, 'data-testid': 'act-description' });
      file = el('input', { type: 'file', accept: 'image/jpeg,image/png,image/webp,application/pdf', class: 'input', 'data-testid': 'act-file' });
      parts.push(field(t('cw.evidence.description'), d), field(t('cw.evidence.file'), file));
      body.description = () => d.value;
    } else if (act === 'extension') {
      const days = el('input', { type: 'number', min: 1, max: 90, class: 'input', value: 30, 'data-testid': 'act-days' });
      const by = el('input', { type: 'text', class: 'input', 'data-testid': 'act-approved-by' });
      parts.push(el('div', { class: 'form-grid' }, field(t('cw.extension.days'), days), field(t('cw.extension.by'), by)));
      body.days = () => Number(days.value) || null;
      body.approvedBy = () => by.value;
    } else if (act === 'notice') {
      const hearing = el('select', { class: 'input', 'data-testid': 'act-hearing' },
        ...['waived', 'requested'].map((h) => el('option', { value: h }, tCode('cw.hearing', h))));
      parts.push(field(t('cw.hearing'), hearing), el('p', { class: 'muted small' }, t('cw.notice.help')));
      body.hearing = () => hearing.value;
    } else if (act === 'decision') {
      const rows = el('div', { class: 'penalty-rows', 'data-testid': 'penalty-rows' });
      const addRow = (kind = 'fine') => {
        const k = el('select', { class: 'input', 'data-testid': 'penalty-kind', 'aria-label': t('cw.penalty') },
          ...PENALTIES.map((p) => el('option', { value: p }, tCode('cw.penalty', p))));
        k.value = kind;
        const amount = el('input', { type: 'number', min: 0, step: '0.01', class: 'input', 'data-testid': 'penalty-amount', placeholder: t('cw.yuan'), 'aria-label': t('cw.amount') });
        const article = el('input', { type: 'text', class: 'input', 'data-testid': 'penalty-article', placeholder: t('cw.article.hint'), 'aria-label': t('cw.article') });
        const money = () => { amount.hidden = !['fine', 'confiscate_income'].includes(k.value); };
        k.addEventListener('change', money);
        money();
        const remove = el('button', { type: 'button', class: 'btn btn-small btn-secondary', 'aria-label': t('fx.goods.remove') }, '×');
        const row = el('div', { class: 'penalty-row', 'data-testid': 'penalty-row' }, el('div', { class: 'form-row' }, k, amount, remove), article);
        remove.addEventListener('click', () => row.remove());
        rows.append(row);
      };
      addRow();
      parts.push(el('fieldset', {}, el('legend', {}, t('cw.penalties')), rows,
        el('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-testid': 'penalty-add', onclick: () => addRow('warning') }, t('cw.penalty.add'))));
      body.penalties = () => [...rows.querySelectorAll('.penalty-row')].map((r) => {
        const kind = r.querySelector('[data-testid=penalty-kind]').value;
        const a = r.querySelector('[data-testid=penalty-amount]');
        return { kind, amountYuan: !a.hidden && a.value !== '' ? Number(a.value) : null, legalArticle: r.querySelector('[data-testid=penalty-article]').value };
      });
    } else if (act === 'execution') {
      const result = el('select', { class: 'input', 'data-testid': 'act-result' },
        ...['paid', 'appealed', 'enforced'].map((r) => el('option', { value: r }, tCode('cw.result', r))));
      parts.push(field(t('cw.execution'), result));
      body.result = () => result.value;
    }
    const save = el('button', { type: 'submit', class: 'btn', 'data-testid': 'act-submit' }, t(`cw.do.${act}`));
    const form = el('form', { class: 'form', 'data-testid': `act-form-${act}` }, el('h4', {}, t(`cw.do.${act}`)), ...parts, officers.node,
      field(act === 'extension' ? t('cw.extension.reason') : t('cw.note'), note), el('div', { class: 'form-row' }, save), out);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      save.disabled = true;
      const json = { officers: officers.ids(), version: c.version, note: note.value || undefined };
      Object.entries(body).forEach(([k, f]) => { json[k] = f(); });
      try {
        let next = await api(`/api/cases/${c.id}/${act}`, { method: 'POST', json });
        if (act === 'evidence' && file && file.files.length) {
          const e = next.evidence[next.evidence.length - 1];
          const fd = new FormData();
          fd.append('file', file.files[0], file.files[0].name);
          await api(`/api/cases/${c.id}/evidence/${e.id}/files`, { method: 'POST', body: fd });
          next = await api(`/api/cases/${c.id}`);
        }
        toast(t('cw.done', { state: tCode('cw.state', next.state) }));
        load();
        show(next);
      } catch (e) {
        save.disabled = false;
        out.replaceChildren(problemView(e));
      }
    });
    return form;
  }

  load();
  return { reload: load };
}

/** "剩 23 天" / "逾期 4 天" / "按期决定" for the list. */
function deadlineTag(c) {
  if (c.decidedAt) return el('span', { class: c.overdue ? 'tag tag-bad' : 'tag tag-ok' }, c.overdue ? t('cw.decidedLate') : t('cw.decidedOnTime'));
  if (c.daysLeft == null) return '—';
  return c.daysLeft < 0 ? el('span', { class: 'tag tag-bad', 'data-testid': 'case-overdue' }, t('cw.overdueDays', { n: -c.daysLeft }))
    : el('span', { class: c.daysLeft <= 10 ? 'tag tag-warn' : 'tag' }, t('cw.daysLeft', { n: c.daysLeft }));
}

/** The 90-day limit: due date, days left or over, the extension and its approval, the rule's basis. */
function deadlineBox(c, lang) {
  const r = c.deadlineRule || {};
  let line;
  if (c.decidedAt) line = t(c.overdue ? 'cw.limit.decidedLate' : 'cw.limit.decided', { date: formatDay(c.decidedAt, lang), due: formatDay(c.decisionDue, lang) });
  else if (c.daysLeft < 0) line = t('cw.limit.overdue', { due: formatDay(c.decisionDue, lang), n: -c.daysLeft });
  else line = t('cw.limit.left', { due: formatDay(c.decisionDue, lang), n: c.daysLeft });
  return el('div', { class: `case-limit${c.overdue ? ' overdue' : ''}`, 'data-testid': 'case-limit', title: r.legalBasis || '' },
    el('strong', {}, t('cw.limit', { days: r.days || 90 })), ' ', el('span', { 'data-testid': 'case-limit-line' }, line),
    c.extensionDays ? el('div', { class: 'small' }, t('cw.limit.extended', { n: c.extensionDays, by: c.extensionBy || '', why: c.extensionReason || '' })) : null,
    el('div', { class: 'muted small' }, t('cw.limit.basis'), ' ', formatDay(c.filedAt, lang)));
}
