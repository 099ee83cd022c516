// Planner view (执法科室): register overview, zones (editor and auto zoning), campaigns, geocoding review, imports.
import { problemView } from './api.js';
import { t, tCode, formatNumber } from './i18n.js';
import { el, section, facts } from './dom.js';
import { zoneEditor } from './zone-editor.js';
import { autoZoning } from './auto-zoning.js';
import { campaignPanel } from './campaign-panel.js';
import { reviewQueue } from './review-queue.js';
import { importForm } from './import-form.js';
import { complaintsPanel } from './complaints-panel.js';
import { enforcementCard } from './enforcement-view.js';

export async function renderPlanner(panel, app) {
  const regs = el('div', { class: 'stats' }, el('p', { class: 'muted' }, t('common.loading')));
  const zoneSet = el('div', { 'data-testid': 'zone-set' });
  const editor = el('div', {});
  const auto = el('div', {});
  const campaigns = el('div', {}, el('p', { class: 'muted' }, t('common.loading')));
  const review = el('div', {});
  const complaints = el('div', { 'data-testid': 'complaints' });
  const enforcement = enforcementCard(app);
  panel.replaceChildren(
    section(t('planner.registers'), regs),
    section(t('planner.zones'), zoneSet, editor),
    collapsible(t('planner.autozone'), auto),
    section(t('planner.campaigns'), campaigns),
    section(t('planner.complaints'), complaints),
    enforcement.node,
    collapsible(t('planner.review'), review),
    collapsible(t('planner.import'), importForm()));

  registerStats(regs, app);
  const parts = [];
  let ed = null;
  const refreshZones = async (set) => {
    // a saved or adopted set: chosen and the list of sets read again, so the picker shows it at once
    if (set) app.zones.choose(set.id); else app.zones.reload();
    await app.view.refresh('zones');
    zoneSummary(zoneSet, app, ed, refreshZones);
  };
  ed = zoneEditor(editor, app, { onSaved: () => refreshZones() });
  parts.push(ed, autoZoning(auto, app, { onSaved: (set) => refreshZones(set) }), campaignPanel(campaigns, app), reviewQueue(review, app),
    complaintsPanel(complaints, app), enforcement);
  zoneSummary(zoneSet, app, ed, refreshZones);
  return () => parts.forEach((p) => p && p.destroy && p.destroy());
}

function collapsible(title, body) {
  return el('details', { class: 'card' }, el('summary', {}, el('h2', {}, title)), body);
}

async function zoneSummary(box, app, ed, refreshZones) {
  const set = app.zones.set;
  const picker = el('select', { class: 'input', 'data-testid': 'zone-set-select' }, ...app.zones.sets.map((s) => el('option', { value: String(s.id) },
    `${s.name} · ${s.district || ''} · v${s.version}${s.active ? ' · ' + t('zone.set.active') : ''}`)));
  if (set) picker.value = String(set.id);
  picker.addEventListener('change', async () => {
    app.zones.choose(Number(picker.value));
    await refreshZones();
    if (app.zones.set && app.zones.set.boundary) app.flyToGeometry(app.zones.set.boundary);
  });
  if (!set) { box.replaceChildren(el('p', { class: 'muted' }, t('zone.set.none'))); return; }
  const gaps = ed && ed.showGaps(set);
  box.replaceChildren(el('label', { class: 'stack' }, t('zone.set'), picker),
    facts([[t('planner.zones.count'), formatNumber(set.zones.features.length)]]), gaps || el('span'),
  el('ul', { class: 'plain zone-list' }, ...set.zones.features.map((f) => el('li', {},
    el('button', { type: 'button', class: 'btn-link', onclick: () => app.flyToGeometry(f.geometry) }, f.properties.name), ' ',
    el('span', { class: 'muted' }, `${formatNumber(f.properties.areaKm2, 2)} km²${f.properties.teamName ? ' · ' + f.properties.teamName : ''}`)))));
}

async function registerStats(box, app) {
  try {
    const [v, s, d] = await Promise.all([app.venues.src.get(), app.schools.src.get(), app.districts.src.get()]);
    const byCat = {};
    v.features.forEach((f) => { byCat[f.properties.category] = (byCat[f.properties.category] || 0) + 1; });
    box.replaceChildren(
      el('div', { class: 'stat-row' },
        stat(t('planner.venues'), v.numberMatched), stat(t('planner.schools'), s.numberMatched), stat(t('planner.districts'), d.numberMatched)),
      el('table', { class: 'grid compact' }, el('tbody', {}, ...Object.entries(byCat).sort((a, b) => b[1] - a[1]).map(([c, n]) =>
        el('tr', {}, el('td', {}, el('span', { class: `swatch venue-pin cat-${c}` }), tCode('cat', c)), el('td', { class: 'num' }, formatNumber(n)))))));
  } catch (e) {
    box.replaceChildren(problemView(e));
  }
}

function stat(label, n) {
  return el('div', { class: 'stat' }, el('div', { class: 'stat-value' }, formatNumber(n)), el('div', { class: 'stat-label' }, label));
}
