// Manager view (局领导): coverage choropleth and heat layer for a period, coverage gaps and the period report.
// All of it comes from issue 7 (/api/coverage/*, /api/reports/period): each part checks that its endpoint answers.
import { api, probe, problemView } from './api.js';
import { t, formatNumber } from './i18n.js';
import { el, section } from './dom.js';
import { unavailable } from './venue-card.js';
import { hexOverlay, heatOverlay, legendRamp } from './coverage-layer.js';

function halfYear() {
  const now = new Date();
  const from = new Date(now.getFullYear(), now.getMonth() < 6 ? 0 : 6, 1);
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { from: iso(from), to: iso(now) };
}

export async function renderManager(panel, app) {
  const period = halfYear();
  const from = el('input', { type: 'date', class: 'input', value: period.from, 'data-testid': 'period-from' });
  const to = el('input', { type: 'date', class: 'input', value: period.to, 'data-testid': 'period-to' });
  const metric = el('select', { class: 'input', 'data-testid': 'metric' },
    ...['coverage', 'inspections', 'violations'].map((m) => el('option', { value: m }, t('metric.' + m))));
  const heat = el('input', { type: 'checkbox', 'data-testid': 'heat-toggle', disabled: true });
  const coverageMsg = el('div', {});
  const gaps = el('div', {}, el('p', { class: 'muted' }, t('common.loading')));
  const report = el('div', {}, el('p', { class: 'muted' }, t('common.loading')));
  const download = el('a', { class: 'btn', 'data-testid': 'report-download', href: '#', download: 'report.xlsx', 'aria-disabled': 'true' },
    t('manager.report.download'));
  const apply = el('button', { type: 'button', class: 'btn' }, t('common.apply'));

  panel.replaceChildren(
    section(t('manager.coverage'),
      el('div', { class: 'form-grid' },
        el('label', {}, t('common.from'), from), el('label', {}, t('common.to'), to),
        el('label', {}, t('manager.metric'), metric), apply),
      el('label', { class: 'check' }, heat, t('manager.heat')), legendRamp(), coverageMsg),
    section(t('manager.gaps'), gaps),
    section(t('manager.report'), report, el('div', { class: 'form-row' }, download)));

  const params = () => ({ from: from.value, to: to.value, metric: metric.value, res: '8' });

  async function loadCoverage() {
    const r = await probe(`/api/coverage/hex?${new URLSearchParams({ ...params(), bbox: '-180,-85,180,85', limit: '1' })}`);
    if (r.state === 'missing') { coverageMsg.replaceChildren(unavailable()); return; }
    if (r.state !== 'ok') { coverageMsg.replaceChildren(problemView(r.error)); return; }
    coverageMsg.replaceChildren();
    heat.disabled = false;
    app.view.removeOverlay('coverage');
    app.view.addOverlay('coverage', hexOverlay(app.map, params), { visible: true });
  }

  heat.addEventListener('change', () => {
    app.view.removeOverlay('heat');
    if (heat.checked) app.view.addOverlay('heat', heatOverlay(params), { visible: true });
  });

  async function loadGaps() {
    const r = await probe(`/api/coverage/gaps?${new URLSearchParams({ days: '90' })}`);
    if (r.state === 'missing') { gaps.replaceChildren(unavailable()); return; }
    if (r.state !== 'ok') { gaps.replaceChildren(problemView(r.error)); return; }
    const items = Array.isArray(r.data) ? r.data : (r.data.items || r.data.venues || []);
    gaps.replaceChildren(items.length === 0 ? el('p', { class: 'muted' }, t('manager.gaps.none'))
      : el('ol', { class: 'gap-list', 'data-testid': 'gap-list' }, ...items.slice(0, 50).map((g) => el('li', {},
        el('button', { type: 'button', class: 'btn-link', onclick: () => g.venueId && app.openVenue(g.venueId) }, g.name || g.venueName || `#${g.venueId}`),
        ' ', el('span', { class: 'muted' }, g.reason || '', g.daysSince != null ? ` · ${formatNumber(g.daysSince)} d` : '')))));
  }

  async function loadReport() {
    const q = new URLSearchParams({ from: from.value, to: to.value });
    const r = await probe(`/api/reports/period?${q}&format=json`);
    if (r.state === 'missing') { report.replaceChildren(unavailable()); download.setAttribute('aria-disabled', 'true'); download.href = '#'; return; }
    if (r.state !== 'ok') { report.replaceChildren(problemView(r.error)); return; }
    download.href = `/api/reports/period?${q}&format=xlsx`;
    download.removeAttribute('aria-disabled');
    let text = '';
    try { text = await api(`/api/reports/period?${q}&format=text`, { accept: 'text/plain' }); } catch (e) { /* the table below suffices */ }
    const rows = Object.entries(r.data || {}).filter(([, v]) => typeof v !== 'object');
    report.replaceChildren(text ? el('p', { class: 'report-text', 'data-testid': 'report-text' }, text) : el('span'),
      el('table', { class: 'grid compact' }, el('tbody', {}, ...rows.map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', { class: 'num' }, typeof v === 'number' ? formatNumber(v, 2) : String(v)))))));
  }

  download.addEventListener('click', (e) => { if (download.getAttribute('aria-disabled') === 'true') e.preventDefault(); });
  apply.addEventListener('click', () => { loadCoverage(); loadReport(); if (heat.checked) app.view.refresh('heat'); });
  await Promise.all([loadCoverage(), loadGaps(), loadReport()]);
}
