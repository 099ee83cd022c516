// Pieces the enforcement screens share (cases, documents, goods, work log, stalls, the leader's complaints): the officer
// picker (≥ 2 certified officers on every act, 《行政处罚法》第四十二条), the pager of a list with numberMatched, the
// period inputs, and who may do what (the roles of the API: planners write everything, team leaders the field acts,
// managers only read).
import { api } from './api.js';
import { el } from './dom.js';
import { t, formatNumber } from './i18n.js';

export function isoDay(d = new Date()) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** 2026年12月2日 / 2 Dec 2026 from an ISO date or timestamp (the bureau's day). */
export function formatDay(iso, lang) {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00+08:00` : iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleDateString(lang === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Shanghai' });
}

export function roleOf(app) {
  const r = (app.me && app.me.roles) || [];
  if (r.includes('planner') || r.includes('admin')) return 'planner';
  if (r.includes('team_leader')) return 'team_leader';
  return 'manager';
}

export function field(label, input, attrs = {}) {
  return el('label', { class: 'stack', ...attrs }, label, input);
}

let inspectorCache = null;

/** The officers the caller may name (a leader: the own team), loaded once per page. */
export function inspectors(app) {
  if (!inspectorCache) {
    const team = roleOf(app) === 'team_leader' && app.me.teamId != null ? `?team=${encodeURIComponent(app.me.teamId)}` : '';
    inspectorCache = api(`/api/inspectors${team}`).catch((e) => { inspectorCache = null; throw e; });
  }
  return inspectorCache;
}

/**
 * Check boxes of the active officers, certified ones only ticked-able; {@code preset} ids ticked. {@code ids()} the
 * ticked ids. The API refuses fewer than two certified officers with a problem naming {@code officers}.
 */
export function officerPicker(app, preset = []) {
  const box = el('div', { class: 'checks officer-picker', 'data-testid': 'officer-picker' }, el('span', { class: 'muted' }, t('common.loading')));
  const want = new Set(preset.map(Number));
  inspectors(app).then((list) => {
    const people = list.filter((x) => x.active !== false && x.certified);
    box.replaceChildren(...(people.length ? people.map((x) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: String(x.id), checked: want.has(Number(x.id)) }),
      `${x.name}（${x.certificateNo || '—'}）`)) : [el('span', { class: 'muted' }, t('cw.officers.none'))]));
  }).catch(() => box.replaceChildren(el('span', { class: 'muted' }, t('cw.officers.none'))));
  return {
    node: el('fieldset', { class: 'officers' }, el('legend', {}, t('cw.officers')), box),
    ids: () => [...box.querySelectorAll('input:checked')].map((x) => Number(x.value)),
  };
}

/** "第 1–20 条，共 57 条" with ‹ › buttons; {@code go(offset)} loads another page. */
export function pager(page, offset, size, go, testid) {
  return el('div', { class: 'form-row pager' },
    el('span', { class: 'muted', 'data-testid': testid }, t('complaint.count', {
      from: formatNumber(page.numberReturned ? offset + 1 : 0), to: formatNumber(offset + page.numberReturned), n: formatNumber(page.numberMatched) })),
    offset > 0 ? el('button', { type: 'button', class: 'btn btn-small btn-secondary', 'aria-label': t('cw.page.prev'), onclick: () => go(Math.max(0, offset - size)) }, '‹') : null,
    offset + page.numberReturned < page.numberMatched
      ? el('button', { type: 'button', class: 'btn btn-small btn-secondary', 'aria-label': t('cw.page.next'), onclick: () => go(offset + size) }, '›') : null);
}

/** From / to date inputs (the filing or issue date), empty by default. */
export function periodInputs(testid) {
  const from = el('input', { type: 'date', class: 'input', 'data-testid': `${testid}-from`, 'aria-label': t('common.from') });
  const to = el('input', { type: 'date', class: 'input', 'data-testid': `${testid}-to`, 'aria-label': t('common.to') });
  return { from, to, node: el('div', { class: 'form-grid period' }, field(t('common.from'), from), field(t('common.to'), to)) };
}

/** URLSearchParams of the non-empty entries. */
export function query(obj) {
  return new URLSearchParams(Object.entries(obj).filter(([, v]) => v !== '' && v !== null && v !== undefined).map(([k, v]) => [k, String(v)]));
}

/** A table inside a horizontal scroller (wide tables stay readable at 360 px). */
export function table(headKeys, rows, attrs = {}) {
  return el('div', { class: 'table-scroll' }, el('table', { class: 'grid compact', ...attrs },
    el('thead', {}, el('tr', {}, ...headKeys.map((k) => el('th', {}, t(k))))), el('tbody', {}, ...rows)));
}
