// The two calendars an administrator keeps (part of the administration view):
// - 工作日历 (GET/PUT/DELETE /api/complaints/calendar): public holidays and the weekend days made working days (调休) of
//   the State Council's yearly notice. The complaint deadlines count working days by it (受理 5 working days); only
//   the fixed-date holidays are seeded, so the moving ones (春节, 清明, 端午, 中秋) and every 调休 day are entered here
//   each year, with the notice as basis.
// - 校历 (GET/PUT/DELETE /api/calendar): school holidays, exam days and make-up school days; the staggered-hour
//   campaigns use it to tell school days from rest days. It is the city's: only the system administrator edits it,
//   everyone reads it.
// One year at a time, each day listed with its kind, name, basis and who set it; a form to list a day (an existing day
// is replaced) and a remove button per day. Every write is audited and kept in the change history by the server.
import { api, problemView, toast } from './api.js';
import { t, tCode, getLang } from './i18n.js';
import { el } from './dom.js';
import { field, formatDay, table } from './enforcement-common.js';

const KINDS = {
  work: ['holiday', 'workday'],
  school: ['holiday', 'school_day', 'exam'],
};
const PATH = { work: '/api/complaints/calendar', school: '/api/calendar' };

/** The calendars card's content; {@code app.unit} null means the system administrator (the only one to edit 校历). */
export function calendarAdmin(app) {
  const year = el('input', { type: 'number', class: 'input', min: '2000', max: '2100', step: '1', value: String(new Date().getFullYear()),
    'data-testid': 'cal-year' });
  const box = el('div', { 'data-testid': 'cal-admin' });
  const parts = ['work', 'school'].map((which) => calendarPart(which, app, () => year.value));
  box.append(field(t('cal.year'), year, {}), ...parts.map((p) => p.node));
  year.addEventListener('change', () => parts.forEach((p) => p.load()));
  parts.forEach((p) => p.load());
  return box;
}

function calendarPart(which, app, yearOf) {
  const editable = which === 'work' || !app.unit;
  const list = el('div', { 'data-testid': `cal-${which}-list` });
  const out = el('div', {});
  const day = el('input', { type: 'date', class: 'input', required: true, 'data-testid': `cal-${which}-day` });
  const kind = el('select', { class: 'input', 'data-testid': `cal-${which}-kind` },
    ...KINDS[which].map((k) => el('option', { value: k }, tCode(`cal.${which}.kind`, k))));
  const name = el('input', { type: 'text', class: 'input', maxlength: '100', 'data-testid': `cal-${which}-name`,
    placeholder: t(which === 'work' ? 'cal.work.namePh' : 'cal.school.namePh') });
  const basis = which === 'work'
    ? el('input', { type: 'text', class: 'input', maxlength: '500', 'data-testid': 'cal-work-basis', placeholder: t('cal.work.basisPh') })
    : null;
  const form = editable ? el('form', { class: 'form-grid', 'data-testid': `cal-${which}-form` },
    field(t('cal.day'), day), field(t('cal.kind'), kind), field(t('cal.name'), name),
    basis ? field(t('cal.basis'), basis) : null,
    el('div', { class: 'form-row' }, el('button', { type: 'submit', class: 'btn', 'data-testid': `cal-${which}-save` }, t('cal.save'))), out) : null;
  if (form) {
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      out.replaceChildren();
      const json = { kind: kind.value, name: name.value.trim() || null };
      if (basis) json.basis = basis.value.trim() || null;
      try {
        await api(`${PATH[which]}/${encodeURIComponent(day.value)}`, { method: 'PUT', json });
        toast(t('cal.saved', { day: formatDay(day.value, getLang()) }));
        if (day.value.slice(0, 4) !== String(yearOf())) return;
        await load();
      } catch (e) {
        out.replaceChildren(problemView(e));
      }
    });
  }

  async function remove(d) {
    try {
      await api(`${PATH[which]}/${encodeURIComponent(d)}`, { method: 'DELETE' });
      toast(t('cal.removed', { day: formatDay(d, getLang()) }));
      await load();
    } catch (e) {
      list.prepend(problemView(e));
    }
  }

  async function load() {
    const y = Number(yearOf());
    if (!Number.isInteger(y) || y < 2000 || y > 2100) {
      list.replaceChildren(el('p', { class: 'problem', role: 'alert' }, t('cal.badYear')));
      return;
    }
    list.replaceChildren(el('p', { class: 'muted' }, t('common.loading')));
    let days;
    try {
      days = await api(`${PATH[which]}?from=${y}-01-01&to=${y}-12-31`);
    } catch (e) {
      list.replaceChildren(problemView(e));
      return;
    }
    const head = ['cal.day', 'cal.kind', 'cal.name', ...(which === 'work' ? ['cal.basis', 'cal.by'] : []), ...(editable ? [''] : [])];
    const rows = days.map((d) => el('tr', { 'data-testid': `cal-${which}-row`, dataset: { day: d.day, kind: d.kind } },
      el('td', { class: 'nowrap' }, formatDay(d.day, getLang())),
      el('td', { class: 'nowrap' }, tCode(`cal.${which}.kind`, d.kind)),
      el('td', {}, d.name || '—'),
      which === 'work' ? el('td', {}, d.basis || '—') : null,
      which === 'work' ? el('td', {}, d.updatedBy || '—') : null,
      editable ? el('td', {}, el('button', { type: 'button', class: 'btn-link', 'data-testid': `cal-${which}-remove`,
        onclick: () => remove(d.day) }, t('cal.remove'))) : null));
    list.replaceChildren(
      el('p', { class: 'muted small', 'data-testid': `cal-${which}-count` }, t('cal.count', { n: days.length, year: y })),
      days.length ? table(head.map((k) => k || 'cal.actions'), rows, { 'data-testid': `cal-${which}-table` }) : el('p', { class: 'muted' }, t('cal.none')));
  }

  const node = el('div', { class: 'cal-part', 'data-testid': `cal-${which}` },
    el('h3', {}, t(`cal.${which}.title`)),
    el('p', { class: 'muted small' }, t(editable ? `cal.${which}.about` : 'cal.school.readonly')),
    form, list);
  return { node, load };
}
