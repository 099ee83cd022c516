// Register import (planner): POST /api/imports as a background job (?async=true) so the progress bar moves while
// /api/jobs/{id} is polled; a 422 (from the request or the failed job) shows its row-level error table.
import { api, documented, pollJob, problemView } from './api.js';
import { t, formatNumber } from './i18n.js';
import { el, facts } from './dom.js';

export function importForm() {
  const file = el('input', { type: 'file', class: 'input', accept: '.csv,.xlsx,.geojson,.json,.pbf', required: true, 'data-testid': 'import-file' });
  const kind = el('select', { class: 'input' }, ...['venues', 'schools', 'districts', 'inspectors', 'address-points', 'osm'].map((k) => el('option', { value: k }, t('kind.' + k))));
  const datum = el('select', { class: 'input' }, ...['WGS84', 'GCJ02', 'BD09', 'CGCS2000'].map((d) => el('option', { value: d }, t('datum.' + d))));
  const progress = el('progress', { class: 'progress', max: 100, value: 0, hidden: true, 'data-testid': 'import-progress' });
  const status = el('div', { class: 'muted' });
  const out = el('div', { class: 'import-result', 'data-testid': 'import-result' });
  const submit = el('button', { type: 'submit', class: 'btn' }, t('planner.import.submit'));
  const form = el('form', { class: 'form' },
    el('label', {}, t('planner.import.kind'), kind),
    el('label', {}, t('planner.import.datum'), datum),
    el('label', {}, t('planner.import.file'), file),
    submit, progress, status, out);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!file.files.length) return;
    out.replaceChildren();
    if (!(await documented('/api/imports'))) { out.replaceChildren(el('p', { class: 'unavailable' }, t('planner.import.missing'))); return; }
    const fd = new FormData();
    fd.append('file', file.files[0]);
    fd.append('kind', kind.value);
    fd.append('datum', datum.value);
    progress.hidden = false;
    progress.removeAttribute('value');
    submit.disabled = true;
    try {
      let r = await api('/api/imports?async=true', { method: 'POST', body: fd });
      if (r && r.jobId) {
        const job = await pollJob(r.jobId, (j) => {
          if (j.percent != null) progress.value = j.percent;
          status.textContent = j.total ? t('job.progress', { done: formatNumber(j.processed), total: formatNumber(j.total), eta: j.etaSeconds == null ? '—' : formatNumber(j.etaSeconds) }) : t('job.' + j.state);
        });
        r = job.result || {};
      }
      progress.value = 100;
      out.replaceChildren(el('p', { class: 'ok' }, t('planner.import.done')), facts([
        [t('planner.import.imported'), formatNumber(r.imported)], [t('planner.import.updated'), formatNumber(r.updated)],
        [t('planner.import.unchanged'), formatNumber(r.unchanged)]]));
    } catch (e) {
      out.replaceChildren(problemView(e));
    } finally {
      submit.disabled = false;
      status.textContent = '';
      setTimeout(() => { progress.hidden = true; }, 800);
    }
  });
  return form;
}
