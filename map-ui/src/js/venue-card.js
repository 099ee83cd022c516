// A venue's card in the side panel: register details, the change history and its inspections.
import { api, problemView } from './api.js';
import { t, tCode, formatDateTime, formatNumber } from './i18n.js';
import { el, facts } from './dom.js';

const DAYS = { mon: ['一', 'Mon'], tue: ['二', 'Tue'], wed: ['三', 'Wed'], thu: ['四', 'Thu'], fri: ['五', 'Fri'], sat: ['六', 'Sat'], sun: ['日', 'Sun'] };

function hoursText(h) {
  if (h === null || h === undefined || h === '') return null;
  if (typeof h === 'string') return h;
  if (typeof h !== 'object') return String(h);
  const en = document.documentElement.lang === 'en';
  const fmt = (v) => (Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : x)).join(', ') : (typeof v === 'object' ? JSON.stringify(v) : String(v)));
  const order = Object.keys(DAYS);
  const entries = Object.entries(h).sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  if (entries.length === 7 && entries.every(([, v]) => fmt(v) === fmt(entries[0][1]))) return `${en ? 'Daily' : '每天'} ${fmt(entries[0][1])}`;
  return entries.map(([d, v]) => {
    const day = DAYS[d] ? (en ? DAYS[d][1] : '周' + DAYS[d][0]) : d;
    return `${day} ${fmt(v)}`;
  }).join('；');
}

function valueText(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export async function renderVenueCard(container, id, onBack) {
  container.replaceChildren(el('p', { class: 'muted' }, t('common.loading')));
  let f;
  let history;
  try {
    [f, history] = await Promise.all([api(`/api/venues/${id}`), api(`/api/venues/${id}/history`)]);
  } catch (e) {
    container.replaceChildren(problemView(e));
    return;
  }
  const p = f.properties;
  const [lon, lat] = f.geometry ? f.geometry.coordinates : [null, null];
  const card = el('article', { class: 'card venue-card', 'data-testid': 'venue-card', dataset: { venueId: String(p.id) } },
    el('div', { class: 'card-head' },
      el('button', { type: 'button', class: 'btn btn-link', onclick: onBack }, '‹ ' + t('common.back')),
      el('span', { class: 'muted' }, t('card.venue'))),
    el('h2', {}, p.name),
    el('p', { class: 'popup-tags' },
      el('span', { class: `tag cat-${p.category}` }, tCode('cat', p.category)),
      el('span', { class: `tag status status-${p.status}` }, tCode('status', p.status)),
      p.synthetic ? el('span', { class: 'tag tag-muted' }, t('field.synthetic')) : null),
    facts([
      [t('field.licenceNo'), p.licenceNo],
      [t('field.address'), p.address],
      [t('field.openingHours'), hoursText(p.openingHours)],
      [t('field.capacity'), p.capacity == null ? null : formatNumber(p.capacity)],
      [t('field.complaintCount'), p.complaintCount == null ? null : formatNumber(p.complaintCount)],
      [t('field.geocode'), lon == null ? p.geocodeStatus : `${lon.toFixed(6)}, ${lat.toFixed(6)} (WGS-84)`],
      [t('field.sourceDatum'), p.sourceDatum],
      [t('field.geocodeStatus'), p.geocodeStatus],
      [t('field.district'), p.district],
      [t('field.notes'), p.notes],
      [t('field.updatedAt'), formatDateTime(p.updatedAt)],
    ]));

  const hist = el('ol', { class: 'history', 'data-testid': 'venue-history' });
  if (!history || history.length === 0) hist.append(el('li', { class: 'muted' }, t('card.history.empty')));
  for (const h of (history || []).slice().reverse()) {
    const changes = Object.entries(h.changes || {}).map(([field, c]) => el('li', {},
      el('code', {}, field), ': ', el('del', {}, valueText(c.old)), ' → ', el('ins', {}, valueText(c.new))));
    hist.append(el('li', {},
      el('div', { class: 'history-head' },
        el('strong', {}, tCode('history', h.action)), ' · ', h.changedBy || '', ' · ', formatDateTime(h.changedAt)),
      h.reason ? el('div', { class: 'muted' }, h.reason) : null,
      changes.length ? el('details', {}, el('summary', {}, `${changes.length}`), el('ul', { class: 'changes' }, ...changes)) : null));
  }
  card.append(el('h3', {}, t('card.history')), hist);

  const insp = el('div', { class: 'inspections' }, el('p', { class: 'muted' }, t('common.loading')));
  card.append(el('h3', {}, t('card.inspections')), insp);
  container.replaceChildren(card);

  try {
    const { items } = await api(`/api/inspections?venue=${encodeURIComponent(id)}&limit=20`);
    insp.replaceChildren(items.length === 0 ? el('p', { class: 'muted' }, t('card.inspections.empty'))
      : el('ul', { class: 'plain inspection-list' }, ...items.map((x) => el('li', {},
        el('strong', {}, formatDateTime(x.inspectedAt)), ' · ', tCode('outcome', x.outcome),
        x.officers && x.officers.length ? el('div', { class: 'muted' }, x.officers.map((o) => o.name).join(t('list.sep'))) : null,
        x.violations && x.violations.length ? el('div', {}, x.violations.map((v) => v.name).join('；')) : null))));
  } catch (e) {
    // a team leader may only read the own team's inspections: say so instead of an error
    insp.replaceChildren(e.status === 403 ? el('p', { class: 'muted' }, t('common.forbidden')) : problemView(e));
  }
}
