// Field extras of the leader's inspection form (issue 16): goods taken on the spot (收缴 / 扣押 / 查封, kind and
// quantity, each its own record: POST /api/goods), the rectification document issued (责令整改通知书 / 整改建议书 with
// its deadline: POST /api/documents), evidence photos from the phone's camera (POST /api/field/inspections/{id}/photos),
// and the inspection of an unregistered stall (无证摊点): a provisional venue at the phone's position for the planners
// to review (POST /api/field/stalls), inspected at once with the same form.
import { api, problemView } from './api.js';
import { t, tCode } from './i18n.js';
import { el, section } from './dom.js';

const ACTS = ['collected', 'detained', 'sealed'];
const KINDS = ['illegal_publications', 'discs', 'satellite_receivers', 'computers', 'other'];
const DOCS = ['rectification_notice', 'rectification_advice'];

function plusDays(n) {
  const d = new Date(Date.now() + n * 86400000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The extra fieldsets of an inspection form. {@code node} goes into the form; after the inspection is recorded,
 * {@code after(inspectionId, officerIds)} writes the goods, the document and the photos, and resolves to the lines to
 * show (one per record written, or the problem of the one that failed).
 */
export function fieldExtras() {
  const rows = el('div', { class: 'goods-rows', 'data-testid': 'goods-rows' });
  function addRow() {
    const narrow = { flex: '1 1 6em', minWidth: '0', maxWidth: '100%' };
    const act = el('select', { class: 'input', 'data-testid': 'goods-act', 'aria-label': t('fx.goods.act'), style: narrow },
      ...ACTS.map((a) => el('option', { value: a }, tCode('fx.act', a))));
    const kind = el('select', { class: 'input', 'data-testid': 'goods-kind', 'aria-label': t('fx.goods.kind'), style: { flex: '2 1 10em', minWidth: '0', maxWidth: '100%' } },
      ...KINDS.map((k) => el('option', { value: k }, tCode('fx.kind', k))));
    const qty = el('input', { type: 'number', class: 'input', min: '1', step: '1', inputmode: 'numeric', placeholder: t('fx.goods.qty'),
      'data-testid': 'goods-qty', 'aria-label': t('fx.goods.qty'), style: { flex: '0 1 5em', width: '5em', minWidth: '0' } });
    const remove = el('button', { type: 'button', class: 'btn btn-small btn-secondary', 'aria-label': t('fx.goods.remove') }, '×');
    const row = el('div', { class: 'form-row goods-row', 'data-testid': 'goods-row', style: { flexWrap: 'wrap', gap: '4px' } }, act, kind, qty, remove);
    remove.addEventListener('click', () => row.remove());
    rows.append(row);
  }
  const add = el('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-testid': 'goods-add', onclick: addRow }, t('fx.goods.add'));

  const docKind = el('select', { class: 'input', 'data-testid': 'doc-kind' }, el('option', { value: '' }, t('fx.doc.none')),
    ...DOCS.map((d) => el('option', { value: d }, tCode('fx.doc', d))));
  const docDeadline = el('input', { type: 'date', class: 'input', value: plusDays(15), 'data-testid': 'doc-deadline' });
  const docNo = el('input', { type: 'text', class: 'input', placeholder: t('fx.doc.auto'), 'data-testid': 'doc-no', maxlength: '80' });

  const photos = el('input', { type: 'file', accept: 'image/*', capture: 'environment', multiple: true, class: 'input', 'data-testid': 'evidence-photos',
    style: { width: '100%', maxWidth: '100%', boxSizing: 'border-box' } });
  const photoList = el('div', { class: 'muted small', 'data-testid': 'photo-list' });
  photos.addEventListener('change', () => {
    photoList.textContent = [...photos.files].map((f) => t('list.note', { a: f.name, b: `${Math.round(f.size / 1024)} KB` })).join(t('list.sep'));
  });

  const fit = { minWidth: '0', maxWidth: '100%' };
  const node = el('div', { class: 'field-extras', 'data-testid': 'field-extras', style: fit },
    el('fieldset', { style: fit }, el('legend', {}, t('fx.goods')), rows, add),
    el('fieldset', { style: fit }, el('legend', {}, t('fx.doc')),
      el('div', { class: 'form-grid', style: { gridTemplateColumns: 'repeat(auto-fit, minmax(9em, 1fr))' } },
        el('label', { style: fit }, t('fx.doc.kind'), docKind), el('label', { style: fit }, t('fx.doc.deadline'), docDeadline),
        el('label', { style: fit }, t('fx.doc.no'), docNo))),
    el('fieldset', { style: fit }, el('legend', {}, t('fx.photos')), photos, photoList));

  async function after(inspectionId, officers) {
    const lines = [];
    for (const row of rows.querySelectorAll('.goods-row')) {
      const q = Number(row.querySelector('[data-testid=goods-qty]').value);
      if (!q) continue;
      const act = row.querySelector('[data-testid=goods-act]').value;
      const kind = row.querySelector('[data-testid=goods-kind]').value;
      try {
        const g = await api('/api/goods', { method: 'POST', json: { act, kind, quantity: q, inspectionId, officers } });
        lines.push(el('p', { class: 'ok', 'data-testid': 'goods-saved' }, `${g.actName} ${tCode('fx.kind', kind)} ${g.quantity}${g.measure}`));
      } catch (e) {
        lines.push(problemView(e));
      }
    }
    if (docKind.value) {
      try {
        const d = await api('/api/documents', { method: 'POST', json: { kind: docKind.value, inspectionId, deadline: docDeadline.value,
          docNo: docNo.value.trim() || undefined, officers } });
        lines.push(el('p', { class: 'ok', 'data-testid': 'document-saved' }, `${d.kindName} ${d.docNo}（${t('fx.doc.deadline')} ${d.deadline}）`));
      } catch (e) {
        lines.push(problemView(e));
      }
    }
    for (const f of photos.files) {
      const body = new FormData();
      body.append('file', f, f.name);
      try {
        const p = await api(`/api/field/inspections/${inspectionId}/photos`, { method: 'POST', body });
        lines.push(el('p', { class: 'ok', 'data-testid': 'photo-saved' }, `${t('fx.photo.saved')} ${p.fileName} · SHA-256 ${p.sha256.slice(0, 12)}…`));
      } catch (e) {
        lines.push(problemView(e));
      }
    }
    return lines;
  }
  return { node, after };
}

/** The phone's position (WGS-84 from the GPS), or a problem saying why there is none. */
function position() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) { reject(new Error(t('fx.stall.nogps'))); return; }
    navigator.geolocation.getCurrentPosition((p) => resolve({ lon: p.coords.longitude, lat: p.coords.latitude }),
      () => reject(new Error(t('fx.stall.nogps'))), { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
}

/**
 * The 无证摊点 button of the leader's view: a small form (name, category, position from the phone), then the provisional
 * venue and an inspection form for it in {@code card}. {@code members()} resolves to the team's officers.
 */
export function stallButton(app, card, members) {
  const btn = el('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'stall-open' }, t('fx.stall'));
  btn.addEventListener('click', () => openStall(app, card, members));
  return btn;
}

function openStall(app, card, members) {
  const name = el('input', { type: 'text', class: 'input', placeholder: t('fx.stall.name.hint'), 'data-testid': 'stall-name', maxlength: '300' });
  const category = el('select', { class: 'input', 'data-testid': 'stall-category' },
    ...['publication', 'satellite_equipment', 'game_arcade', 'internet_cafe', 'other'].map((c) => el('option', { value: c }, tCode('cat', c))));
  const lon = el('input', { type: 'number', step: 'any', class: 'input', 'data-testid': 'stall-lon', 'aria-label': 'lon' });
  const lat = el('input', { type: 'number', step: 'any', class: 'input', 'data-testid': 'stall-lat', 'aria-label': 'lat' });
  const where = el('p', { class: 'muted small', 'data-testid': 'stall-where' }, t('fx.stall.locating'));
  const out = el('div');
  const create = el('button', { type: 'submit', class: 'btn', 'data-testid': 'stall-create' }, t('fx.stall.create'));
  const form = el('form', { class: 'form', 'data-testid': 'stall-form' },
    el('label', {}, t('fx.stall.name'), name), el('label', {}, t('field.category'), category),
    el('div', { class: 'form-grid', style: { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' } },
      el('label', {}, t('fx.stall.lon'), lon), el('label', {}, t('fx.stall.lat'), lat)), where,
    el('div', { class: 'form-row' }, create), out);
  position().then((p) => {
    if (!lon.value) lon.value = p.lon.toFixed(6);
    if (!lat.value) lat.value = p.lat.toFixed(6);
    where.textContent = t('fx.stall.located');
  }).catch((e) => { where.textContent = e.message; });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    create.disabled = true;
    try {
      const v = await api('/api/field/stalls', { method: 'POST', json: { name: name.value.trim() || undefined, category: category.value,
        lon: lon.value === '' ? undefined : Number(lon.value), lat: lat.value === '' ? undefined : Number(lat.value) } });
      if (v.lon != null) app.map.setView(app.view.ctx.ll(v.lon, v.lat), Math.max(app.map.getZoom(), 17));
      await inspectStall(app, card, v, members);
    } catch (e) {
      create.disabled = false;
      out.replaceChildren(problemView(e));
    }
  });
  card.replaceChildren(el('article', { class: 'card stop-card', 'data-testid': 'stall-card' }, el('h2', {}, t('fx.stall')),
    el('p', { class: 'muted small' }, t('fx.stall.help')), form));
  card.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

async function inspectStall(app, card, venue, members) {
  const [team, checklist] = await Promise.all([members(), api(`/api/inspections/checklist?category=${encodeURIComponent(venue.category)}`)]);
  const officers = el('div', { class: 'checks', 'data-testid': 'officers' }, ...team.filter((x) => x.active !== false).map((x) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', value: String(x.id), disabled: !x.certified }), `${x.name}（${x.certificateNo || t('leader.nocert')}）`)));
  const items = el('div', { class: 'checks checklist', 'data-testid': 'checklist' }, ...checklist.map((c) => el('label', { class: 'check', title: c.legalBasis },
    el('input', { type: 'checkbox', value: c.code }), c.name)));
  const actions = el('div', { class: 'checks' }, ...['warning', 'rectification_order', 'case_filed', 'closed'].map((a) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', value: a, checked: a === 'closed' }), tCode('action', a))));
  const notes = el('textarea', { class: 'input', rows: 2 });
  const extras = fieldExtras();
  const out = el('div');
  const record = el('button', { type: 'submit', class: 'btn', 'data-testid': 'inspection-submit' }, t('leader.record'));
  const checked = (box) => [...box.querySelectorAll('input:checked')].map((x) => x.value);
  const idemKey = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
  const fit = { minWidth: '0' };
  const form = el('form', { class: 'form', 'data-testid': 'inspection-form' },
    el('fieldset', { style: fit }, el('legend', {}, t('leader.officers')), officers),
    el('fieldset', { style: fit }, el('legend', {}, t('leader.checklist')), items),
    el('fieldset', { style: fit }, el('legend', {}, t('leader.actions')), actions),
    extras.node, el('label', {}, t('field.notes'), notes), el('div', { class: 'form-row' }, record), out);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const ids = checked(officers).map(Number);
    if (ids.length < 2) { out.replaceChildren(el('p', { class: 'problem', role: 'alert' }, t('leader.twoofficers'))); return; }
    record.disabled = true;
    try {
      const violations = checked(items);
      const i = await api('/api/inspections', { method: 'POST', headers: { 'Idempotency-Key': idemKey }, json: { venueId: venue.id,
        inspectedAt: new Date().toISOString(), officers: ids, outcome: violations.length ? 'violation' : 'compliant', violations,
        actions: checked(actions), notes: notes.value || undefined, teamId: app.me.teamId } });
      out.replaceChildren(el('p', { class: 'ok', 'data-testid': 'inspection-saved' }, t('leader.recorded', { name: venue.name })),
        ...(await extras.after(i.id, ids)));
      record.textContent = t('leader.recordedShort');
    } catch (e) {
      record.disabled = false;
      out.replaceChildren(problemView(e));
    }
  });
  card.replaceChildren(el('article', { class: 'card stop-card', 'data-testid': 'stall-card', dataset: { venueId: String(venue.id) } },
    el('h2', {}, venue.name), el('p', { class: 'tag', 'data-testid': 'stall-provisional' }, t('fx.stall.provisional')),
    el('p', { class: 'muted small' }, `${venue.lon != null ? venue.lon.toFixed(6) : '—'}, ${venue.lat != null ? venue.lat.toFixed(6) : '—'}`),
    section(t('leader.record'), form)));
}
