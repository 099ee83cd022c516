// The enforcement work (执法办案) as one card of the planner's and the manager's views, one tab per record: cases,
// documents issued, goods, the work log and (planners and managers) the provisional stalls awaiting review. A tab is
// drawn when first opened; the open tab is kept over a language switch. Managers read only (the API says so too).
// Team leaders get it too, without the stall review: their own team's cases (evidence, notice, execution are theirs to
// record), documents, goods and work log — the API scopes every list to the team.
import { el } from './dom.js';
import { t } from './i18n.js';
import { casesPanel } from './case-panel.js';
import { documentsPanel, goodsPanel, workLogPanel } from './enforcement-records.js';
import { stallReview } from './stall-review.js';
import { roleOf } from './enforcement-common.js';

const TABS = [
  ['cases', casesPanel],
  ['documents', documentsPanel],
  ['goods', goodsPanel],
  ['worklog', workLogPanel],
  ['stalls', stallReview],
];
const KEEP = 'pp.enforcementTab';

/** The card; {@code destroy()} removes what the tabs put on the map. */
export function enforcementCard(app) {
  const tabs = roleOf(app) === 'team_leader' ? TABS.filter(([n]) => n !== 'stalls') : TABS;
  const parts = {};
  const bodies = {};
  const bar = el('div', { class: 'cw-tabs', role: 'tablist' });
  const holder = el('div', { class: 'cw-body' });
  function choose(name) {
    try { window.sessionStorage.setItem(KEEP, name); } catch (e) { /* the first tab then */ }
    bar.querySelectorAll('button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === name)));
    if (!bodies[name]) {
      bodies[name] = el('div', { 'data-testid': `cw-${name}` });
      parts[name] = tabs.find(([n]) => n === name)[1](bodies[name], app);
    } else if (parts[name] && parts[name].reload) {
      parts[name].reload();
    }
    holder.replaceChildren(bodies[name]);
  }
  bar.append(...tabs.map(([name]) => el('button', { type: 'button', role: 'tab', class: 'cw-tab', dataset: { tab: name }, 'data-testid': `cw-tab-${name}`,
    onclick: () => choose(name) }, t(`cw.tab.${name}`))));
  const card = el('section', { class: 'card', 'data-testid': 'enforcement' }, el('h2', {}, t('cw.title')), bar, holder);
  let first = 'cases';
  try { first = window.sessionStorage.getItem(KEEP) || 'cases'; } catch (e) { /* keep cases */ }
  choose(tabs.some(([n]) => n === first) ? first : 'cases');
  return { node: card, destroy: () => Object.values(parts).forEach((p) => p && p.destroy && p.destroy()) };
}
