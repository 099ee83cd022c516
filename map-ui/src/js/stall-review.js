// The planners' review of provisional venues created by stall inspections (无证摊点, GET /api/field/stalls): each one
// on the map and in a card where the planner confirms it into the register with corrected fields
// (POST …/{id}/confirm), merges it into the registered venue it turned out to be, found by name (…/merge: its
// inspections and casework records move there), or rejects it with a reason (…/reject: kept as a closed record).
// Every decision goes through the registry's service (field history, audit trail). Managers see the list only.
/* global L */
import { api, problemView, toast } from './api.js';
import { el, facts, tip } from './dom.js';
import { t, tCode } from './i18n.js';
import { field, pager, roleOf } from './enforcement-common.js';

const PAGE = 20;
const CATEGORIES = ['publication', 'satellite_equipment', 'game_arcade', 'internet_cafe', 'song_dance', 'printing', 'performance', 'art',
  'cultural_relics', 'hotel', 'other'];
const STATUSES = ['unlicensed', 'open', 'suspended', 'revoked', 'closed'];

export function stallReview(box, app) {
  const role = roleOf(app);
  let offset = 0;
  let layer = null;
  const list = el('div', { 'data-testid': 'stall-list' }, el('p', { class: 'muted' }, t('common.loading')));
  const card = el('div', { 'data-testid': 'stall-review-card' });
  box.replaceChildren(el('p', { class: 'muted small' }, t('cw.stall.help')), list, card);

  async function load() {
    try {
      const page = await api(`/api/field/stalls?limit=${PAGE}&offset=${offset}`);
      if (layer) app.map.removeLayer(layer);
      layer = L.layerGroup(page.items.filter((s) => s.lon != null).map((s) => L.circleMarker(app.view.ctx.ll(s.lon, s.lat),
        { radius: 8, color: '#b91c1c', weight: 3, fillColor: '#fde68a', fillOpacity: 0.9, className: 'stall-pin' })
        .bindTooltip(tip(s.name)).on('click', () => show(s)))).addTo(app.map);
      const rows = page.items.map((s) => el('li', { 'data-testid': 'stall-row', dataset: { venueId: String(s.id) } },
        el('button', { type: 'button', class: 'btn-link', onclick: () => show(s) }, s.name), ' ',
        el('span', { class: 'muted small' }, `${tCode('cat', s.category)} · ${s.notes ? s.notes.replace(/^[^：]*：?/, '') : ''}`)));
      list.replaceChildren(pager(page, offset, PAGE, (o) => { offset = o; load(); }, 'stall-count'),
        rows.length ? el('ul', { class: 'plain review-list' }, ...rows) : el('p', { class: 'muted', 'data-testid': 'stall-none' }, t('cw.stall.none')));
    } catch (e) {
      list.replaceChildren(problemView(e));
    }
  }

  async function decide(s, path, body, out) {
    try {
      const r = await api(`/api/field/stalls/${s.id}/${path}`, { method: 'POST', json: { ...body, version: s.version } });
      const msg = path === 'merge' ? t('cw.stall.merged', { n: r.inspectionsMoved, id: r.venueId }) : t(`cw.stall.${path}ed`);
      card.replaceChildren(el('p', { class: 'ok', 'data-testid': 'stall-decided' }, msg));
      toast(msg);
      load();
      app.view.refresh('venues');
    } catch (e) {
      out.replaceChildren(problemView(e));
    }
  }

  function show(s) {
    if (s.lon != null) app.map.setView(app.view.ctx.ll(s.lon, s.lat), Math.max(app.map.getZoom(), 16));
    const head = [el('h3', {}, s.name, ' ', el('span', { class: 'tag status-unlicensed' }, t('fx.stall.provisional'))),
      facts([[t('field.category'), tCode('cat', s.category)], [t('field.address'), s.address],
        [t('cw.stall.position'), s.lon != null ? `${s.lon.toFixed(6)}, ${s.lat.toFixed(6)} (WGS-84)` : null], [t('field.notes'), s.notes]]),
      el('button', { type: 'button', class: 'btn btn-link', onclick: () => app.openVenue(s.id) }, t('common.details'))];
    if (role !== 'planner') {
      card.replaceChildren(el('article', { class: 'card-inner', 'data-testid': 'stall-review' }, ...head));
      return;
    }
    // confirm: the register's fields, corrected
    const out = el('div');
    const name = el('input', { type: 'text', class: 'input', value: s.name, 'data-testid': 'stall-confirm-name', maxlength: 300 });
    const category = el('select', { class: 'input', 'data-testid': 'stall-confirm-category' }, ...CATEGORIES.map((c) => el('option', { value: c }, tCode('cat', c))));
    category.value = s.category;
    const address = el('input', { type: 'text', class: 'input', value: s.address || '', 'data-testid': 'stall-confirm-address' });
    const licence = el('input', { type: 'text', class: 'input', 'data-testid': 'stall-confirm-licence', maxlength: 64 });
    const status = el('select', { class: 'input', 'data-testid': 'stall-confirm-status' }, ...STATUSES.map((x) => el('option', { value: x }, tCode('status', x))));
    status.value = 'unlicensed';
    const notes = el('input', { type: 'text', class: 'input', 'data-testid': 'stall-confirm-notes', value: (s.notes || '').replace(/^[^：]*(：|$)/, '') });
    const confirm = el('form', { class: 'form', 'data-testid': 'stall-confirm-form' }, el('h4', {}, t('cw.stall.confirm')),
      field(t('fx.stall.name'), name), el('div', { class: 'form-grid' }, field(t('field.category'), category), field(t('field.status'), status)),
      field(t('field.address'), address), field(t('field.licenceNo'), licence), field(t('field.notes'), notes),
      el('div', { class: 'form-row' }, el('button', { type: 'submit', class: 'btn', 'data-testid': 'stall-confirm' }, t('cw.stall.confirm'))));
    confirm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      decide(s, 'confirm', { name: name.value, category: category.value, address: address.value || null, licenceNo: licence.value || null,
        status: status.value, notes: notes.value || null }, out);
    });
    // merge: the registered venue it is, found by name near it
    const q = el('input', { type: 'search', class: 'input', 'data-testid': 'stall-merge-search', placeholder: t('cw.stall.merge.hint') });
    const target = el('select', { class: 'input', 'data-testid': 'stall-merge-target' }, el('option', { value: '' }, '—'));
    const find = async () => {
      try {
        const fc = await api(`/api/venues?${new URLSearchParams({ q: q.value || '', limit: '20' })}`);
        const hits = fc.features.filter((f) => f.properties.id !== s.id);
        target.replaceChildren(el('option', { value: '' }, hits.length ? t('cw.stall.merge.pick') : t('cw.none')),
          ...hits.map((f) => el('option', { value: String(f.properties.id) }, `${f.properties.name} · ${f.properties.address || ''}`)));
      } catch (e) {
        out.replaceChildren(problemView(e));
      }
    };
    q.addEventListener('change', find);
    const mergeReason = el('input', { type: 'text', class: 'input', 'data-testid': 'stall-merge-reason' });
    const merge = el('form', { class: 'form', 'data-testid': 'stall-merge-form' }, el('h4', {}, t('cw.stall.merge')),
      el('div', { class: 'form-row' }, q, el('button', { type: 'button', class: 'btn btn-small btn-secondary', onclick: find }, t('cw.stall.merge.find'))),
      field(t('cw.stall.merge.target'), target), field(t('cw.reason'), mergeReason),
      el('div', { class: 'form-row' }, el('button', { type: 'submit', class: 'btn btn-secondary', 'data-testid': 'stall-merge' }, t('cw.stall.merge'))));
    merge.addEventListener('submit', (ev) => {
      ev.preventDefault();
      decide(s, 'merge', { venueId: target.value ? Number(target.value) : null, reason: mergeReason.value || null }, out);
    });
    // reject, with the reason
    const reason = el('input', { type: 'text', class: 'input', 'data-testid': 'stall-reject-reason', placeholder: t('cw.stall.reject.hint') });
    const reject = el('form', { class: 'form', 'data-testid': 'stall-reject-form' }, el('h4', {}, t('cw.stall.reject')), field(t('cw.reason'), reason),
      el('div', { class: 'form-row' }, el('button', { type: 'submit', class: 'btn btn-danger', 'data-testid': 'stall-reject' }, t('cw.stall.reject'))));
    reject.addEventListener('submit', (ev) => { ev.preventDefault(); decide(s, 'reject', { reason: reason.value }, out); });
    card.replaceChildren(el('article', { class: 'card-inner', 'data-testid': 'stall-review', dataset: { venueId: String(s.id) } },
      ...head, out, confirm, merge, reject));
    card.scrollIntoView({ block: 'nearest' });
  }

  load();
  return { reload: load, destroy: () => { if (layer) app.map.removeLayer(layer); } };
}
