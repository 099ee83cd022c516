// Campaigns (planner): create one, run the 双随机 draw (POST /api/campaigns/{id}/draw), solve one day or the whole
// campaign day by day as a job with progress and the live best plan (GET /api/campaigns/{id}/solve while solving), then
// per day routes per team on the map, a timeline per team and the score explanation; the days and the campaign's
// totals come from GET /api/campaigns/{id}/plans. Plans and draws load on demand: a campaign without one answers 404.
import { api, problemView, toast } from './api.js';
import { t, tCode, formatNumber, formatDateTime } from './i18n.js';
import { el, facts } from './dom.js';
import { routesOverlay, timeline, stopLists, planSummary, explanation, campaignTotals, shiftLabel, shiftOfDate } from './plan-view.js';

const TYPES = ['ROUTINE', 'STAGGERED', 'NIGHT_SWEEP', 'STAKEOUT', 'RANDOM', 'SPECIAL'];
const CATEGORIES = ['internet_cafe', 'song_dance', 'game_arcade', 'publication', 'hotel', 'satellite_equipment', 'printing', 'performance', 'art', 'cultural_relics'];

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The campaign's shift on plan date {@code date} in words ("12月1日夜—12月2日凌晨 (23:30–04:30)"). */
function shiftText(c, date) {
  const sh = shiftOfDate(date, c.shiftStart, c.shiftEnd);
  return sh ? shiftLabel(sh.start, sh.end) : date;
}

export function campaignPanel(box, app) {
  let campaigns = [];
  let polling = null;
  const select = el('select', { class: 'input', 'data-testid': 'campaign-select' });
  const detail = el('div', { 'data-testid': 'campaign-detail' });
  const newBtn = el('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-testid': 'campaign-new' }, t('campaign.new'));
  box.replaceChildren(el('div', { class: 'form-row' }, select, newBtn), detail);

  async function load(selectId) {
    campaigns = await api('/api/campaigns');
    select.replaceChildren(el('option', { value: '' }, campaigns.length ? t('campaign.pick') : t('campaign.none')),
      ...campaigns.map((c) => el('option', { value: String(c.id) }, `${c.name} · ${tCode('ctype', c.type)} · ${c.startDate}`)));
    // the campaign last looked at comes back after "‹ 返回" and a language switch (kept for this tab only)
    const keep = selectId || window.sessionStorage.getItem('pp.campaign');
    if (keep && campaigns.some((c) => String(c.id) === String(keep))) { select.value = String(keep); show(); }
  }

  // a stop from the timeline, the team list or the map: the map centres on it and its venue card opens
  function openStop(s) {
    document.querySelectorAll('[data-testid="tl-stop"].selected, [data-testid="team-stop"].selected').forEach((x) => x.classList.remove('selected'));
    document.querySelectorAll(`[data-stop-id="${s.id}"]`).forEach((x) => x.classList.add('selected'));
    app.openVenue(s.venueId);
  }

  function stopPolling() { if (polling) { clearTimeout(polling); polling = null; } }

  function showPlan(out, plan, matches) {
    app.view.removeOverlay('plan');
    if (!plan) return;
    const onStop = (s) => openStop(s);
    // the map fits the routes once they are drawn (bases and stops of every team)
    Promise.resolve(app.view.addOverlay('plan', routesOverlay(plan, { onStop }))).then(() => {
      const g = app.view.group('plan');
      const b = g && g.getBounds();
      if (b && b.isValid()) app.map.fitBounds(b, { padding: [30, 30], maxZoom: 16 });
    });
    out.replaceChildren(planSummary(plan), el('h3', {}, t('plan.timeline')),
      el('div', { class: 'plan-read' }, timeline(plan, { onStop }), stopLists(plan, { onStop })),
      matches ? el('h3', {}, t('plan.explain')) : null, matches ? explanation(matches, plan) : null);
  }

  function show() {
    stopPolling();
    app.view.removeOverlay('plan');
    const c = campaigns.find((x) => String(x.id) === select.value);
    if (!c) { detail.replaceChildren(); return; }
    const drawOut = el('div', { 'data-testid': 'draw-result' });
    const planOut = el('div', { 'data-testid': 'plan-result' });
    const ratio = el('input', { type: 'number', class: 'input', min: 1, max: 100, value: 20, 'data-testid': 'draw-ratio' });
    const seed = el('input', { type: 'number', class: 'input', placeholder: t('campaign.draw.seed.auto') });
    const date = el('input', { type: 'date', class: 'input', value: c.startDate, min: c.startDate, max: c.endDate });
    const seconds = el('input', { type: 'number', class: 'input', min: 1, max: 300, value: 10, 'data-testid': 'solve-seconds' });
    const progress = el('progress', { class: 'progress', max: 100, value: 0, hidden: true, 'data-testid': 'solve-progress' });
    const status = el('span', { class: 'muted', 'data-testid': 'solve-status' });
    const solveBtn = el('button', { type: 'button', class: 'btn', 'data-testid': 'solve-run' }, t('campaign.solve'));
    const stopBtn = el('button', { type: 'button', class: 'btn btn-secondary', hidden: true }, t('campaign.solve.stop'));
    const scope = el('select', { class: 'input', 'data-testid': 'solve-scope' },
      el('option', { value: 'day' }, t('campaign.solve.scope.day')), el('option', { value: 'all' }, t('campaign.solve.scope.all')));
    const dayPick = el('select', { class: 'input', 'data-testid': 'plan-date' });
    const totalsOut = el('div', { 'data-testid': 'plans-summary' });
    let resultsSeen = -1;

    async function draw() {
      try {
        const body = { ratio: Number(ratio.value) / 100 };
        if (seed.value) body.seed = Number(seed.value);
        renderDraw(await api(`/api/campaigns/${c.id}/draw`, { method: 'POST', json: body }));
        toast(t('campaign.draw.done'));
      } catch (e) { drawOut.replaceChildren(problemView(e)); }
    }
    async function showDraw() {
      try { renderDraw(await api(`/api/campaigns/${c.id}/draw`)); } catch (e) { drawOut.replaceChildren(e.status === 404 ? el('p', { class: 'muted' }, t('campaign.draw.none')) : problemView(e)); }
    }
    function renderDraw(d) {
      drawOut.replaceChildren(facts([
        [t('campaign.draw.seed'), el('code', {}, String(d.seed))], [t('campaign.draw.candidates'), formatNumber(d.candidateCount)],
        [t('campaign.draw.venues'), formatNumber(d.venues.length)], [t('campaign.draw.by'), `${d.drawnBy} · ${formatDateTime(d.drawnAt)}`],
        [t('campaign.draw.hash'), el('code', { class: 'hash' }, (d.inputsHash || '').slice(0, 16) + '…')]]),
      el('details', {}, el('summary', {}, t('campaign.draw.list')),
        el('ol', { class: 'plain' }, ...d.venues.map((v) => el('li', {}, `${v.order}. ${v.name} · ${tCode('cat', v.category)} · ${t('campaign.draw.teamNo', { n: v.teamNo })}`))),
        el('ul', { class: 'plain' }, ...d.teams.map((tm) => el('li', {}, t('campaign.draw.teamNo', { n: tm.teamNo }), ': ',
          tm.members.map((m) => t('list.note', { a: m.name, b: m.certificateNo })).join(t('list.sep')))))),
      el('a', { class: 'btn btn-small btn-secondary', href: `/api/campaigns/${c.id}/draw/publication?format=csv`, download: `publication-${c.id}.csv` }, t('campaign.draw.publication')));
    }

    async function poll(jobId) {
      try {
        const [s, job] = await Promise.all([api(`/api/campaigns/${c.id}/solve`), api(`/api/jobs/${jobId}`)]);
        if (job.percent != null) progress.value = job.percent;
        const day = s.dateCount > 1 && s.date ? `${t('campaign.solve.dateOf', { k: s.dateIndex || '', n: s.dateCount, date: s.date })} · ` : '';
        status.textContent = `${day}${t('job.' + job.state)} · ${s.score || ''}${job.etaSeconds != null && job.state === 'RUNNING' ? ' · ' + t('job.eta', { s: formatNumber(job.etaSeconds) }) : ''}`;
        if (s.plan) showPlan(planOut, s.plan, s.explanation);
        // a day finished: the day list shows it
        if (s.results && s.results.length !== resultsSeen) { resultsSeen = s.results.length; loadSummary(); }
        if (['DONE', 'FAILED', 'CANCELLED'].includes(job.state)) {
          progress.value = 100;
          solveBtn.disabled = false;
          stopBtn.hidden = true;
          if (job.state === 'FAILED') planOut.replaceChildren(problemView({ problem: job.error }));
          else { await loadSummary(); await loadPlan(); }
          return;
        }
        polling = setTimeout(() => poll(jobId), 1000);
      } catch (e) {
        solveBtn.disabled = false;
        planOut.replaceChildren(problemView(e));
      }
    }
    async function solve() {
      // a shift that has begun: its first stops may already be past (the service warns too, and refuses an ended one)
      const days = scope.value === 'all' ? [c.startDate] : [date.value];
      const sh = shiftOfDate(days[0], c.shiftStart, c.shiftEnd);
      if (sh && Date.parse(sh.start) <= Date.now() && Date.now() < Date.parse(sh.end)
        && !window.confirm(t('campaign.solve.started', { shift: shiftLabel(sh.start, sh.end) }))) return;
      solveBtn.disabled = true;
      progress.hidden = false;
      progress.value = 0;
      try {
        const body = scope.value === 'all' ? { dates: 'all', seconds: Number(seconds.value) } : { date: date.value, seconds: Number(seconds.value) };
        const r = await api(`/api/campaigns/${c.id}/solve`, { method: 'POST', json: body });
        (r.warnings || []).forEach((w) => toast(w.message));
        stopBtn.hidden = false;
        resultsSeen = -1;
        poll(r.jobId);
      } catch (e) {
        solveBtn.disabled = false;
        planOut.replaceChildren(problemView(e));
      }
    }
    async function loadPlan() {
      try {
        const q = `?date=${encodeURIComponent(date.value)}`;
        const [plan, matches] = await Promise.all([api(`/api/campaigns/${c.id}/plan${q}`), api(`/api/campaigns/${c.id}/plan/explanation${q}`).catch(() => null)]);
        showPlan(planOut, plan, matches);
      } catch (e) {
        planOut.replaceChildren(e.status === 404 ? el('p', { class: 'muted' }, t('campaign.plan.none')) : problemView(e));
      }
    }
    async function loadSummary() {
      try {
        const sum = await api(`/api/campaigns/${c.id}/plans`);
        dayPick.replaceChildren(...sum.dates.map((d) => el('option', { value: d.date, 'data-status': d.status },
          d.planId ? `${shiftText(c, d.date)} · ${t('campaign.plans.stops', { n: formatNumber(d.stops) })} · ${tCode('pstatus', d.status)}${d.feasible === false ? ' · ' + t('plan.infeasible') : ''}`
            : `${shiftText(c, d.date)} · ${tCode('pstatus', 'unplanned')}`)));
        // open on a planned day: the current date when it has a plan, else the first that has one
        if (!sum.dates.some((d) => d.date === date.value && d.planId)) {
          const first = sum.dates.find((d) => d.planId);
          if (first) { date.value = first.date; dateHint.textContent = shiftText(c, date.value); }
        }
        dayPick.value = date.value;
        totalsOut.replaceChildren(campaignTotals(sum));
        return sum.dates.some((d) => d.planId);
      } catch (e) {
        totalsOut.replaceChildren(problemView(e));
      }
    }
    const dateHint = el('span', { class: 'muted small', 'data-testid': 'solve-shift' }, shiftText(c, date.value));
    dayPick.addEventListener('change', () => { date.value = dayPick.value; dateHint.textContent = shiftText(c, date.value); loadPlan(); });
    date.addEventListener('change', () => { dayPick.value = date.value; dateHint.textContent = shiftText(c, date.value); });
    solveBtn.addEventListener('click', solve);
    stopBtn.addEventListener('click', () => api(`/api/campaigns/${c.id}/solve`, { method: 'DELETE' }).catch((e) => planOut.replaceChildren(problemView(e))));

    detail.replaceChildren(
      facts([[t('campaign.type'), tCode('ctype', c.type)], [t('campaign.dates'), `${c.startDate} – ${c.endDate}`],
        [t('campaign.teams'), c.teams.map((x) => x.name).join(t('list.sep'))], [t('campaign.shift'), el('span', { 'data-testid': 'campaign-shift' }, shiftText(c, c.startDate))],
        [t('campaign.windows'), (c.windows || []).map((w) => `${w.from}–${w.to}`).join(t('list.comma'))], [t('campaign.status'), tCode('cstatus', c.status)],
        [t('campaign.travel'), tCode('travel', c.travel || 'GREAT_CIRCLE')]]),
      el('h3', {}, t('campaign.draw')),
      el('p', { class: 'muted', 'data-testid': 'draw-decides' }, t('campaign.draw.decides')),
      el('div', { class: 'form-grid' }, el('label', {}, t('campaign.draw.ratio'), ratio), el('label', {}, t('campaign.draw.seed'), seed),
        el('button', { type: 'button', class: 'btn', 'data-testid': 'draw-run', onclick: draw }, t('campaign.draw.run')),
        el('button', { type: 'button', class: 'btn btn-secondary', onclick: showDraw }, t('campaign.draw.show'))),
      drawOut,
      el('h3', {}, t('campaign.plan')),
      el('div', { class: 'form-grid' }, el('label', {}, t('campaign.solve.scope'), scope), el('label', {}, t('campaign.date'), date, dateHint),
        el('label', {}, t('campaign.seconds'), seconds), solveBtn, stopBtn,
        el('button', { type: 'button', class: 'btn btn-secondary', onclick: loadPlan }, t('campaign.plan.show'))),
      progress, status, totalsOut, el('label', {}, t('campaign.plans.day'), dayPick), planOut);
    // a campaign with a plan shows it at once: summary, timeline, stop lists, routes on the map
    loadSummary().then((planned) => { if (planned) loadPlan(); });
  }

  function createForm() {
    stopPolling();
    const name = el('input', { type: 'text', class: 'input', required: true, 'data-testid': 'campaign-name' });
    const type = el('select', { class: 'input', 'data-testid': 'campaign-type' }, ...TYPES.map((x) => el('option', { value: x }, tCode('ctype', x))));
    const start = el('input', { type: 'date', class: 'input', value: today(), required: true, 'data-testid': 'campaign-start' });
    const end = el('input', { type: 'date', class: 'input', value: today(), required: true, 'data-testid': 'campaign-end' });
    const shiftFrom = el('input', { type: 'time', class: 'input', 'data-testid': 'campaign-shift-start' });
    const shiftTo = el('input', { type: 'time', class: 'input', 'data-testid': 'campaign-shift-end' });
    const shiftHint = el('p', { class: 'muted', 'data-testid': 'campaign-shift-hint' });
    let defaults = [];
    let touched = false;
    const hint = () => {
      const sh = shiftOfDate(start.value, shiftFrom.value, shiftTo.value);
      shiftHint.textContent = sh ? t(sh.start.slice(0, 10) !== start.value ? 'campaign.shift.night' : 'campaign.shift.first', { shift: shiftLabel(sh.start, sh.end), date: start.value }) : '';
    };
    const fillDefaults = () => {
      const d = defaults.find((x) => x.type === type.value);
      if (d && !touched) { shiftFrom.value = d.shiftStart; shiftTo.value = d.shiftEnd; }
      hint();
    };
    api('/api/campaigns/types').then((ds) => { defaults = ds; fillDefaults(); }).catch(() => {});
    type.addEventListener('change', () => { touched = false; fillDefaults(); });
    [shiftFrom, shiftTo].forEach((x) => x.addEventListener('input', () => { touched = true; hint(); }));
    start.addEventListener('input', hint);
    start.addEventListener('change', hint);
    const teams = el('div', { class: 'checks' });
    const cats = el('div', { class: 'checks' }, ...CATEGORIES.map((c) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: c, checked: c === 'internet_cafe' }), tCode('cat', c))));
    const near = el('label', { class: 'check' }, el('input', { type: 'checkbox' }), t('campaign.nearSchool'));
    const travel = el('select', { class: 'input', 'data-testid': 'campaign-travel' },
      ...['GREAT_CIRCLE', 'ROAD_NETWORK'].map((x) => el('option', { value: x }, tCode('travel', x))));
    const out = el('div');
    api('/api/teams').then((ts) => ts.forEach((x) => teams.append(el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: String(x.id), checked: true }), x.name)))).catch((e) => out.replaceChildren(problemView(e)));
    const form = el('form', { class: 'form', 'data-testid': 'campaign-form' },
      el('label', {}, t('campaign.name'), name), el('label', {}, t('campaign.type'), type),
      el('div', { class: 'form-grid' }, el('label', {}, t('common.from'), start), el('label', {}, t('common.to'), end)),
      el('div', { class: 'form-grid' }, el('label', {}, t('campaign.shift.start'), shiftFrom), el('label', {}, t('campaign.shift.end'), shiftTo)),
      shiftHint,
      el('fieldset', {}, el('legend', {}, t('campaign.teams')), teams),
      el('fieldset', {}, el('legend', {}, t('campaign.categories')), cats, near),
      el('label', {}, t('campaign.travel'), travel),
      el('div', { class: 'form-row' }, el('button', { type: 'submit', class: 'btn' }, t('campaign.create')),
        el('button', { type: 'button', class: 'btn btn-secondary', onclick: show }, t('common.cancel'))), out);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const checked = (box2) => [...box2.querySelectorAll('input:checked')].map((i) => i.value);
      try {
        const c = await api('/api/campaigns', { method: 'POST', json: { name: name.value.trim(), type: type.value, startDate: start.value, endDate: end.value, travel: travel.value,
          shiftStart: touched && shiftFrom.value ? shiftFrom.value : undefined, shiftEnd: touched && shiftTo.value ? shiftTo.value : undefined,
          teamIds: checked(teams).map(Number), targets: { categories: checked(cats), nearSchool: near.querySelector('input').checked || undefined } } });
        toast(t('campaign.created', { name: c.name }));
        await load(c.id);
      } catch (e) { out.replaceChildren(problemView(e)); }
    });
    detail.replaceChildren(form);
  }

  select.addEventListener('change', () => {
    if (select.value) window.sessionStorage.setItem('pp.campaign', select.value); else window.sessionStorage.removeItem('pp.campaign');
    show();
  });
  newBtn.addEventListener('click', createForm);
  load().catch((e) => detail.replaceChildren(problemView(e)));
  return { destroy() { stopPolling(); app.view.removeOverlay('plan'); } };
}
