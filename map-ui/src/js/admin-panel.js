// Administration (issue 14): the users an administrator administers and the audit trail it may read. A unit's
// administrator (单位管理员) sees only its unit's subtree in both (the service scopes GET /api/users and GET /api/audit);
// the system administrator sees everything. Users: create, change roles / unit / team, lock and unlock (PUT
// /api/users/{id}); the audit trail newest first, 30 at a time, with "more" (keyset before=seq); the working-day
// calendar and the school calendar (calendar-admin.js).
import { api, problemView, toast } from './api.js';
import { t, tCode, has, formatDateTime } from './i18n.js';
import { el, section } from './dom.js';
import { calendarAdmin } from './calendar-admin.js';

const ROLES = ['planner', 'team_leader', 'manager', 'admin'];
const PAGE = 30;

/** The units the caller sees, flattened from the tree (depth-first), each with its depth for indented options. */
function flatten(nodes, depth = 0, out = []) {
  for (const n of nodes || []) {
    out.push({ id: n.id, name: n.name, depth });
    flatten(n.children, depth + 1, out);
  }
  return out;
}

export async function renderAdmin(panel, app) {
  const users = el('div', { 'data-testid': 'admin-users' }, el('p', { class: 'muted' }, t('common.loading')));
  const audit = el('div', { 'data-testid': 'admin-audit' }, el('p', { class: 'muted' }, t('common.loading')));
  const scope = el('p', { class: 'muted small', 'data-testid': 'admin-scope' },
    app.unit ? t('admin.scope.unit', { unit: app.unit.name }) : t('admin.scope.system'));
  panel.replaceChildren(scope, section(t('admin.users'), users), section(t('admin.audit'), audit),
    section(t('cal.title'), calendarAdmin(app)));
  const [tree, teams] = await Promise.all([api('/api/units').catch(() => []), api('/api/teams').catch(() => [])]);
  const units = flatten(tree);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const teamList = Array.isArray(teams) ? teams : (teams.items || []);
  const teamName = new Map(teamList.map((tm) => [tm.id, tm.name]));
  const ctx = { app, units, unitName, teams: teamList, teamName };
  await showUsers(users, ctx);
  await showAudit(audit, ctx);
  return null;
}

function unitSelect(ctx, value) {
  const s = el('select', { class: 'input', 'data-testid': 'user-unit' },
    ...ctx.units.map((u) => el('option', { value: String(u.id) }, '\u3000'.repeat(u.depth) + u.name)));
  if (value != null) s.value = String(value);
  return s;
}

function teamSelect(ctx, value) {
  const s = el('select', { class: 'input', 'data-testid': 'user-team' }, el('option', { value: '' }, t('admin.noTeam')),
    ...ctx.teams.map((tm) => el('option', { value: String(tm.id) }, tm.name)));
  s.value = value == null ? '' : String(value);
  return s;
}

function roleChecks(selected) {
  return el('div', { class: 'checks' }, ...ROLES.map((r) => el('label', { class: 'check' },
    el('input', { type: 'checkbox', value: r, checked: selected.includes(r), 'data-testid': `user-role-${r}` }), t('role.' + r))));
}

function checked(box) {
  return [...box.querySelectorAll('input[type=checkbox]')].filter((c) => c.checked).map((c) => c.value);
}

/** The user form: a new user (u null) or an existing one; saves and calls done(). */
function userForm(ctx, u, done) {
  const name = el('input', { class: 'input', value: u ? u.username : '', 'data-testid': 'user-name-input', autocomplete: 'off' });
  const display = el('input', { class: 'input', value: u && u.displayName ? u.displayName : '' });
  const password = el('input', { class: 'input', type: 'password', autocomplete: 'new-password', 'data-testid': 'user-password' });
  const roles = roleChecks(u ? u.roles : ['planner']);
  const unit = unitSelect(ctx, u ? u.unitId : (ctx.app.unit ? ctx.app.unit.id : null));
  const team = teamSelect(ctx, u ? u.teamId : null);
  const active = el('input', { type: 'checkbox', checked: u ? u.active : true, 'data-testid': 'user-active' });
  const problem = el('div', {});
  const save = el('button', { type: 'submit', class: 'btn', 'data-testid': 'user-save' }, t('common.save'));
  const form = el('form', { class: 'form', 'data-testid': 'user-form' },
    el('div', { class: 'form-grid' },
      el('label', {}, t('admin.username'), name), el('label', {}, t('admin.displayName'), display),
      el('label', {}, u ? t('admin.newPassword') : t('admin.password'), password), el('label', {}, t('units.unit'), unit),
      el('label', {}, t('admin.team'), team)),
    el('fieldset', {}, el('legend', {}, t('admin.roles')), roles),
    el('label', { class: 'check' }, active, t('admin.active')),
    problem, el('div', { class: 'form-row' }, save,
      el('button', { type: 'button', class: 'btn btn-secondary', onclick: () => done(false) }, t('common.cancel'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    problem.replaceChildren();
    const body = { username: name.value.trim(), displayName: display.value.trim() || null, roles: checked(roles),
      teamId: team.value ? Number(team.value) : null, active: active.checked, unitId: unit.value ? Number(unit.value) : null };
    if (password.value) body.password = password.value;
    save.disabled = true;
    try {
      await api(u ? `/api/users/${u.id}` : '/api/users', { method: u ? 'PUT' : 'POST', json: body });
      toast(t('admin.saved', { name: body.username }));
      done(true);
    } catch (e) {
      problem.replaceChildren(problemView(e));
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

async function showUsers(box, ctx) {
  let list;
  try {
    list = await api('/api/users');
  } catch (e) {
    box.replaceChildren(problemView(e));
    return;
  }
  const again = (changed) => (changed ? showUsers(box, ctx) : box.replaceChildren(...rows));
  const add = el('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'user-new',
    onclick: () => box.replaceChildren(userForm(ctx, null, again)) }, t('admin.newUser'));
  const rows = [el('div', { class: 'form-row' }, add, el('span', { class: 'muted small' }, t('admin.count', { n: list.length }))),
    el('ul', { class: 'history', 'data-testid': 'user-list' }, ...list.map((u) => el('li', { 'data-testid': 'user-row', dataset: { user: u.username } },
      el('div', {}, el('strong', {}, u.username), ' ', u.displayName && u.displayName !== u.username ? u.displayName : '',
        ' ', u.active ? null : el('span', { class: 'tag tag-bad' }, t('admin.locked'))),
      el('div', { class: 'small muted' }, [u.roles.map((r) => t('role.' + r)).join('、'),
        u.unitId != null ? (ctx.unitName.get(u.unitId) || `#${u.unitId}`) : t('admin.noUnit'),
        u.teamId != null ? (ctx.teamName.get(u.teamId) || `#${u.teamId}`) : null].filter(Boolean).join(' · ')),
      el('div', { class: 'form-row' },
        el('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-testid': 'user-edit',
          onclick: () => box.replaceChildren(userForm(ctx, u, again)) }, t('admin.edit')),
        el('button', { type: 'button', class: 'btn btn-small btn-secondary', 'data-testid': 'user-lock', onclick: async () => {
          try {
            await api(`/api/users/${u.id}`, { method: 'PUT', json: { username: u.username, displayName: u.displayName, roles: u.roles,
              teamId: u.teamId, unitId: u.unitId, active: !u.active } });
            showUsers(box, ctx);
          } catch (e) { box.prepend(problemView(e)); }
        } }, u.active ? t('admin.lock') : t('admin.unlock'))))))];
  box.replaceChildren(...rows);
}

async function showAudit(box, ctx, before, list) {
  let page;
  try {
    page = await api(`/api/audit?limit=${PAGE}${before ? `&before=${before}` : ''}`);
  } catch (e) {
    box.replaceChildren(problemView(e));
    return;
  }
  const ul = list || el('ul', { class: 'history', 'data-testid': 'audit-list' });
  ul.append(...page.map((r) => el('li', { 'data-testid': 'audit-row', dataset: { seq: String(r.seq) } },
    el('div', {}, el('strong', {}, r.actor), ' ', has('admin.action.' + r.action) ? t('admin.action.' + r.action) : r.action, ' ',
      r.entityType ? `${tCode('entity', r.entityType)}${r.entityId ? ' #' + r.entityId : ''}` : ''),
    el('div', { class: 'small muted' }, [formatDateTime(r.at), r.unitId != null ? (ctx.unitName.get(r.unitId) || `#${r.unitId}`) : t('admin.noUnit'),
      `#${r.seq}`].join(' · ')))));
  const more = page.length === PAGE ? el('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'audit-more', onclick: () => {
    more.remove();
    showAudit(box, ctx, page[page.length - 1].seq, ul);
  } }, t('admin.more')) : null;
  if (!list) box.replaceChildren(page.length ? ul : el('p', { class: 'muted' }, t('admin.auditEmpty')));
  if (more) box.append(more);
}
