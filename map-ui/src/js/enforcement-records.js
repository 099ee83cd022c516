// The other enforcement records, read by planners and managers (and written by planners where the API allows):
// documents issued (GET /api/documents: 责令整改通知书 / 整改建议书 with number, deadline and re-inspection state; the
// re-inspection recorded from an inspection of the same venue), goods (GET /api/goods: 收缴, 扣押, 查封, 没收, 销毁,
// totals by act and unit of measure for the period; a temporary seizure returned or extended once), and the work log
// (GET/POST /api/work-log: publicity, training with 人次, responsibility letters, warning signs, letters, joint operations
// with other departments) with its entry form.
import { api, problemView, toast } from './api.js';
import { el } from './dom.js';
import { t, tCode, getLang, formatNumber } from './i18n.js';
import { field, formatDay, isoDay, officerPicker, pager, periodInputs, query, roleOf, table } from './enforcement-common.js';

const PAGE = 20;
const DOC_KINDS = ['rectification_notice', 'rectification_advice'];
const ACTS = ['collected', 'detained', 'sealed', 'confiscated', 'destroyed'];
const LOG_KINDS = ['article', 'info_item', 'briefing', 'training', 'responsibility_letter', 'warning_signs', 'joint_operation', 'letter'];
const PARTNERS = ['公安', '教育', '网信', '市场监管', '广电', '消防', '街道', '其他'];

// ---------------------------------------------------------------- documents

export function documentsPanel(box, app) {
  const role = roleOf(app);
  let offset = 0;
  const kind = el('select', { class: 'input', 'data-testid': 'doc-filter-kind', 'aria-label': t('fx.doc.kind') },
    el('option', { value: '' }, t('cw.doc.all')), ...DOC_KINDS.map((k) => el('option', { value: k }, tCode('fx.doc', k))));
  const due = el('input', { type: 'checkbox', 'data-testid': 'doc-filter-due' });
  const period = periodInputs('doc-period');
  const list = el('div', { 'data-testid': 'doc-list' }, el('p', { class: 'muted' }, t('common.loading')));
  const card = el('div', { 'data-testid': 'doc-card' });
  box.replaceChildren(el('div', { class: 'form-row' }, kind, el('label', { class: 'inline' }, due, ' ', t('cw.doc.dueOnly'))), period.node, list, card);

  async function load() {
    try {
      const page = await api(`/api/documents?${query({ kind: kind.value, due: due.checked ? 'true' : '', from: period.from.value, to: period.to.value, limit: PAGE, offset })}`);
      const rows = page.items.map((d) => el('tr', { class: d.reinspectionDue ? 'overdue' : '', 'data-testid': 'doc-row' },
        el('td', {}, el('button', { type: 'button', class: 'btn-link', onclick: () => show(d) }, d.docNo)),
        el('td', {}, tCode('fx.doc', d.kind)),
        el('td', { class: 'wrap' }, d.venueName),
        el('td', {}, formatDay(d.deadline, getLang())),
        el('td', {}, reinspectionTag(d))));
      list.replaceChildren(pager(page, offset, PAGE, (o) => { offset = o; load(); }, 'doc-count'),
        rows.length ? table(['fx.doc.no', 'fx.doc.kind', 'cw.venue', 'fx.doc.deadline', 'cw.doc.reinspection'], rows) : el('p', { class: 'muted' }, t('cw.none')));
    } catch (e) {
      list.replaceChildren(problemView(e));
    }
  }
  [kind, due, period.from, period.to].forEach((x) => x.addEventListener('change', () => { offset = 0; load(); }));

  async function show(d) {
    const out = el('div');
    const parts = [el('h3', {}, `${d.docNo} · ${tCode('fx.doc', d.kind)}`),
      el('dl', { class: 'facts' }, ...[[t('cw.venue'), d.venueName], [t('cw.doc.issued'), formatDay(d.issuedAt, getLang())],
        [t('fx.doc.deadline'), formatDay(d.deadline, getLang())], [t('cw.doc.requirements'), d.requirements],
        [t('cw.doc.reinspection'), reinspectionText(d)], [t('cw.by.label'), d.createdBy]]
        .filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]))];
    if (role !== 'manager' && d.rectified == null) {
      const insp = el('select', { class: 'input', 'data-testid': 'reinspection-inspection' }, el('option', { value: '' }, t('common.loading')));
      const rectified = el('select', { class: 'input', 'data-testid': 'reinspection-rectified' },
        el('option', { value: 'true' }, t('cw.doc.rectified')), el('option', { value: 'false' }, t('cw.doc.notRectified')));
      const note = el('input', { type: 'text', class: 'input' });
      const save = el('button', { type: 'submit', class: 'btn', 'data-testid': 'reinspection-submit' }, t('cw.doc.reinspect'));
      const form = el('form', { class: 'form' }, el('h4', {}, t('cw.doc.reinspect')), field(t('cw.doc.reinspectionRecord'), insp),
        field(t('cw.doc.result'), rectified), field(t('cw.note'), note), el('div', { class: 'form-row' }, save), out);
      api(`/api/inspections?${query({ venue: d.venueId, from: String(d.issuedAt).slice(0, 10), limit: 50 })}`).then((p) => {
        const later = p.items.filter((i) => i.id !== d.inspectionId);
        insp.replaceChildren(el('option', { value: '' }, later.length ? t('cw.inspection.pick') : t('cw.doc.noReinspection')),
          ...later.map((i) => el('option', { value: String(i.id) }, `#${i.id} · ${formatDay(i.inspectedAt, getLang())} · ${tCode('outcome', i.outcome)}`)));
      }).catch((e) => out.replaceChildren(problemView(e)));
      form.addEventListener('submit', async (ev) => {
        ev.preventDefault();
        try {
          const next = await api(`/api/documents/${d.id}/reinspection`, { method: 'POST', json: { version: d.version,
            inspectionId: insp.value ? Number(insp.value) : null, rectified: rectified.value === 'true', note: note.value || undefined } });
          toast(t('cw.doc.reinspected'));
          load();
          show(next);
        } catch (e) {
          out.replaceChildren(problemView(e));
        }
      });
      parts.push(form);
    }
    card.replaceChildren(el('article', { class: 'card-inner', 'data-testid': 'doc-view' }, ...parts));
  }

  load();
  return { reload: load };
}

function reinspectionText(d) {
  if (d.rectified === true) return `${t('cw.doc.rectified')} · ${formatDay(d.reinspectedAt, getLang())}`;
  if (d.rectified === false) return `${t('cw.doc.notRectified')} · ${formatDay(d.reinspectedAt, getLang())}`;
  return d.reinspectionDue ? t('cw.doc.due') : t('cw.doc.pending');
}

function reinspectionTag(d) {
  const cls = d.rectified === true ? 'tag tag-ok' : d.rectified === false || d.reinspectionDue ? 'tag tag-bad' : 'tag';
  return el('span', { class: cls }, d.rectified === true ? t('cw.doc.rectified') : d.rectified === false ? t('cw.doc.notRectified')
    : d.reinspectionDue ? t('cw.doc.due') : t('cw.doc.pending'));
}

// ---------------------------------------------------------------- goods

export function goodsPanel(box, app) {
  const role = roleOf(app);
  let offset = 0;
  const act = el('select', { class: 'input', 'data-testid': 'goods-filter-act', 'aria-label': t('fx.goods.act') },
    el('option', { value: '' }, t('cw.goods.all')), ...ACTS.map((a) => el('option', { value: a }, tCode('fx.act', a))));
  const period = periodInputs('goods-period');
  const totals = el('div', { 'data-testid': 'goods-totals' });
  const list = el('div', { 'data-testid': 'goods-list' }, el('p', { class: 'muted' }, t('common.loading')));
  const card = el('div', {});
  box.replaceChildren(el('div', { class: 'form-row' }, act), period.node, totals, list, card);

  async function load() {
    const base = { act: act.value, from: period.from.value, to: period.to.value };
    try {
      // the totals by act and measure over every match (up to 1,000 records), the list a page at a time
      const [all, page] = await Promise.all([api(`/api/goods?${query({ ...base, limit: 1000 })}`), api(`/api/goods?${query({ ...base, limit: PAGE, offset })}`)]);
      const sums = {};
      all.items.forEach((g) => { const k = `${g.act}|${g.measure}`; sums[k] = (sums[k] || 0) + g.quantity; });
      const measures = [...new Set(all.items.map((g) => g.measure))];
      totals.replaceChildren(...[all.items.length ? el('div', { class: 'table-scroll' }, el('table', { class: 'grid compact goods-totals' },
        el('thead', {}, el('tr', {}, el('th', {}, t('fx.goods.act')), ...measures.map((m) => el('th', { class: 'num' }, m)))),
        el('tbody', {}, ...ACTS.filter((a) => measures.some((m) => sums[`${a}|${m}`])).map((a) => el('tr', { 'data-testid': 'goods-total-row', dataset: { act: a } },
          el('td', {}, tCode('fx.act', a)), ...measures.map((m) => el('td', { class: 'num' }, sums[`${a}|${m}`] ? formatNumber(sums[`${a}|${m}`]) : '')))))))
        : null,
      all.numberMatched > all.items.length ? el('p', { class: 'muted small' }, t('cw.goods.partial', { n: formatNumber(all.items.length), m: formatNumber(all.numberMatched) })) : null]
        .filter(Boolean));
      const rows = page.items.map((g) => el('tr', { class: g.returnOverdue ? 'overdue' : '', 'data-testid': 'goods-row' },
        el('td', {}, formatDay(g.at, getLang())),
        el('td', {}, tCode('fx.act', g.act)),
        el('td', { class: 'wrap' }, `${tCode('fx.kind', g.kind) === g.kind ? g.kindName : tCode('fx.kind', g.kind)}`),
        el('td', { class: 'num' }, `${formatNumber(g.quantity)} ${g.measure}`),
        el('td', {}, returnCell(g, role, () => show(g)))));
      list.replaceChildren(pager(page, offset, PAGE, (o) => { offset = o; load(); }, 'goods-count'),
        rows.length ? table(['cw.date', 'fx.goods.act', 'fx.goods.kind', 'fx.goods.qty', 'cw.goods.return'], rows) : el('p', { class: 'muted' }, t('cw.none')));
    } catch (e) {
      list.replaceChildren(problemView(e));
    }
  }
  [act, period.from, period.to].forEach((x) => x.addEventListener('change', () => { offset = 0; load(); }));

  function show(g) {
    const out = el('div');
    const officers = officerPicker(app, g.officers || []);
    const note = el('input', { type: 'text', class: 'input' });
    const by = el('input', { type: 'text', class: 'input', 'data-testid': 'goods-approved-by' });
    const send = async (path, extra) => {
      try {
        await api(`/api/goods/${g.id}/${path}`, { method: 'POST', json: { version: g.version, officers: officers.ids(), note: note.value || undefined, ...extra } });
        toast(t('cw.saved'));
        card.replaceChildren();
        load();
      } catch (e) {
        out.replaceChildren(problemView(e));
      }
    };
    card.replaceChildren(el('article', { class: 'card-inner form', 'data-testid': 'goods-view' },
      el('h4', {}, `${tCode('fx.act', g.act)} · ${g.kindName} ${formatNumber(g.quantity)}${g.measure}`),
      el('p', { class: 'muted small' }, t('cw.goods.term', { due: formatDay(g.returnDue, getLang()) })),
      officers.node, field(t('cw.note'), note),
      el('div', { class: 'form-row' }, el('button', { type: 'button', class: 'btn', 'data-testid': 'goods-return', onclick: () => send('return', {}) }, t('cw.goods.giveBack'))),
      role === 'planner' && !g.extended ? el('div', { class: 'form-row' }, field(t('cw.extension.by'), by),
        el('button', { type: 'button', class: 'btn btn-secondary', onclick: () => send('extension', { approvedBy: by.value }) }, t('cw.goods.extend'))) : null,
      out));
  }

  load();
  return { reload: load };
}

function returnCell(g, role, open) {
  if (!['detained', 'sealed'].includes(g.act)) return '';
  if (g.returnedAt) return el('span', { class: 'tag tag-ok' }, t('cw.goods.returned'));
  const tag = el('span', { class: g.returnOverdue ? 'tag tag-bad' : 'tag' }, t('cw.goods.due', { due: formatDay(g.returnDue, getLang()) }));
  return role === 'manager' ? tag : el('span', {}, tag, el('button', { type: 'button', class: 'btn-link', onclick: open }, t('cw.goods.handle')));
}

// ---------------------------------------------------------------- work log

export function workLogPanel(box, app) {
  const role = roleOf(app);
  let offset = 0;
  const kind = el('select', { class: 'input', 'data-testid': 'log-filter-kind', 'aria-label': t('cw.log.kind') },
    el('option', { value: '' }, t('cw.log.all')), ...LOG_KINDS.map((k) => el('option', { value: k }, tCode('cw.log.kind', k))));
  const period = periodInputs('log-period');
  const list = el('div', { 'data-testid': 'log-list' }, el('p', { class: 'muted' }, t('common.loading')));
  const form = role === 'planner' ? entryForm() : null;
  box.replaceChildren(el('div', { class: 'form-row' }, kind), period.node, list, form);

  async function load() {
    try {
      const page = await api(`/api/work-log?${query({ kind: kind.value, from: period.from.value, to: period.to.value, limit: PAGE, offset })}`);
      const rows = page.items.map((e) => el('tr', { 'data-testid': 'log-row' },
        el('td', {}, formatDay(e.date, getLang())),
        el('td', {}, tCode('cw.log.kind', e.kind)),
        el('td', { class: 'num' }, `${formatNumber(e.quantity)} ${e.measure}${e.persons ? ` · ${formatNumber(e.persons)}${t('cw.log.personsUnit')}` : ''}`),
        el('td', { class: 'wrap' }, [e.title, (e.partners || []).join('、')].filter(Boolean).join(' · '))));
      list.replaceChildren(pager(page, offset, PAGE, (o) => { offset = o; load(); }, 'log-count'),
        rows.length ? table(['cw.date', 'cw.log.kind', 'fx.goods.qty', 'cw.log.title'], rows) : el('p', { class: 'muted' }, t('cw.none')));
    } catch (e) {
      list.replaceChildren(problemView(e));
    }
  }
  [kind, period.from, period.to].forEach((x) => x.addEventListener('change', () => { offset = 0; load(); }));

  function entryForm() {
    const out = el('div');
    const date = el('input', { type: 'date', class: 'input', value: isoDay(), max: isoDay(), 'data-testid': 'log-date' });
    const k = el('select', { class: 'input', 'data-testid': 'log-kind' }, ...LOG_KINDS.map((x) => el('option', { value: x }, tCode('cw.log.kind', x))));
    const qty = el('input', { type: 'number', min: 1, class: 'input', value: 1, 'data-testid': 'log-quantity' });
    const persons = el('input', { type: 'number', min: 0, class: 'input', 'data-testid': 'log-persons' });
    const title = el('input', { type: 'text', class: 'input', 'data-testid': 'log-title', maxlength: 500 });
    const partners = el('div', { class: 'checks', 'data-testid': 'log-partners' }, ...PARTNERS.map((p) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: p }), tCode('cw.partner', p))));
    const partnersBox = el('fieldset', { hidden: true }, el('legend', {}, t('cw.log.partners')), partners);
    const personsBox = field(t('cw.log.persons'), persons);
    const sync = () => { partnersBox.hidden = k.value !== 'joint_operation'; personsBox.hidden = k.value !== 'training'; };
    k.addEventListener('change', sync);
    sync();
    const save = el('button', { type: 'submit', class: 'btn', 'data-testid': 'log-save' }, t('cw.log.save'));
    const f = el('form', { class: 'form', 'data-testid': 'log-form' }, el('h4', {}, t('cw.log.new')),
      el('div', { class: 'form-grid' }, field(t('cw.date'), date), field(t('cw.log.kind'), k), field(t('fx.goods.qty'), qty), personsBox),
      partnersBox, field(t('cw.log.title'), title), el('div', { class: 'form-row' }, save), out);
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      save.disabled = true;
      try {
        const e = await api('/api/work-log', { method: 'POST', json: { date: date.value, kind: k.value, quantity: Number(qty.value) || null,
          persons: persons.value === '' ? null : Number(persons.value), title: title.value || undefined,
          partners: k.value === 'joint_operation' ? [...partners.querySelectorAll('input:checked')].map((x) => x.value) : [] } });
        out.replaceChildren(el('p', { class: 'ok', 'data-testid': 'log-saved' }, t('cw.log.saved', { kind: tCode('cw.log.kind', e.kind), n: formatNumber(e.quantity), m: e.measure })));
        title.value = '';
        offset = 0;
        load();
      } catch (e) {
        out.replaceChildren(problemView(e));
      } finally {
        save.disabled = false;
      }
    });
    return f;
  }

  load();
  return { reload: load };
}
