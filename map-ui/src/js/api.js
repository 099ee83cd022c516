// fetch wrapper for the service's API: same-origin cookie session, problem+json errors shown to the user.
import { t, getLang } from './i18n.js';
import { el } from './dom.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

let onUnauthorized = null;
let onPasswordChange = null;

/** Called once with a handler for a 401 (the session ended): the app shows the login form again. */
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

/** Called once with a handler for a 403 password-change-required: the app shows the change-password form. */
export function setPasswordChangeHandler(fn) {
  onPasswordChange = fn;
}

/** The problem type the service answers while an administrator-set password has not been replaced. */
export const PASSWORD_CHANGE_REQUIRED = '/problems/password-change-required';

/**
 * Calls the API. X-Requested-With stops the server from sending a Basic challenge, which would make the browser pop
 * up its own password dialog instead of our login form.
 */
export async function api(path, { method = 'GET', json, body, headers = {}, accept, quiet401 = false } = {}) {
  const h = { 'X-Requested-With': 'fetch', Accept: accept || 'application/json, application/geo+json, application/problem+json',
    'Accept-Language': getLang(), ...headers };
  let payload = body;
  if (json !== undefined) {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  }
  let res;
  try {
    res = await fetch(path, { method, headers: h, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { title: t('error.network'), detail: t('error.network') });
  }
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  const isJson = /json/.test(type);
  const data = isJson ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const err = new ApiError(res.status, isJson ? data : { title: res.statusText, detail: typeof data === 'string' ? data.slice(0, 300) : '' });
    if (res.status === 401 && !quiet401 && onUnauthorized) onUnauthorized(err);
    if (res.status === 403 && err.problem.type === PASSWORD_CHANGE_REQUIRED && onPasswordChange) onPasswordChange(err);
    throw err;
  }
  return data;
}

let openapi = null;

/**
 * True when the service's OpenAPI document lists path (templated segments match anything). Only for capabilities that
 * may be missing from a deployment (imports arrive with their own branch); if the document cannot be read, true.
 */
export async function documented(path) {
  if (!openapi) {
    openapi = fetch('/q/openapi?format=json', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : null)).catch(() => null);
  }
  const doc = await openapi;
  if (!doc || !doc.paths) return true;
  const p = path.split('?')[0];
  return Object.keys(doc.paths).some((tpl) => {
    const re = tpl.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+');
    return new RegExp(`^${re}/?$`).test(p);
  });
}

/**
 * Polls GET /api/jobs/{id} until the job ends; onProgress(job) sees every poll (percent, processed/total, ETA, detail).
 * A FAILED job's error is a problem+json and is thrown as an ApiError, so a 422 of a background import shows its rows.
 */
export async function pollJob(id, onProgress, { interval = 700, isStopped = () => false } = {}) {
  for (;;) {
    const j = await api(`/api/jobs/${id}`);
    if (onProgress) onProgress(j);
    if (j.state === 'DONE' || j.state === 'CANCELLED') return j;
    if (j.state === 'FAILED') throw new ApiError((j.error && j.error.status) || 500, j.error || { title: t('common.error') });
    if (isStopped()) return j;
    await new Promise((res) => setTimeout(res, interval));
  }
}

/**
 * Form login: the service opens a session and sets its HttpOnly cookie. Resolves { ok, status, problem } — a 429 (too
 * many failures) or 403 (posted from another site) carries a problem to show; a 401 is a wrong name or password.
 */
export async function login(username, password) {
  const form = new URLSearchParams({ j_username: username, j_password: password });
  const res = await fetch('/j_security_check', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'fetch' },
    body: form,
  });
  const problem = res.ok ? null : await res.json().catch(() => null);
  return { ok: res.ok, status: res.status, problem };
}

/** Changes the caller's own password; the service ends the other sessions and renews this one. */
export async function changePassword(currentPassword, newPassword) {
  return api('/api/me/password', { method: 'POST', json: { currentPassword, newPassword } });
}

export async function logout() {
  await fetch('/api/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
}

/** A problem+json as a block: title, detail and the table of bad fields/rows when there is one. */
export function problemView(err) {
  const p = (err && err.problem) || {};
  const box = el('div', { class: 'problem', role: 'alert' },
    el('strong', {}, p.title || t('common.error')),
    p.detail ? el('p', {}, p.detail) : null);
  if (Array.isArray(p.errors) && p.errors.length) {
    const rows = p.errors.map((fe) => el('tr', {},
      el('td', {}, fe.row === undefined || fe.row === null ? '' : String(fe.row)),
      el('td', {}, fe.field || ''),
      el('td', {}, fe.reason || '')));
    box.append(el('table', { class: 'grid problem-errors' },
      el('thead', {}, el('tr', {},
        el('th', {}, t('planner.import.row')), el('th', {}, t('planner.import.field')), el('th', {}, t('planner.import.reason')))),
      el('tbody', {}, ...rows)));
  }
  return box;
}

let toastTimer = null;

/** A short message at the bottom of the screen; errors stay until closed. */
export function toast(message, kind = 'info') {
  const box = document.getElementById('toast');
  if (!box) return;
  box.replaceChildren(el('span', {}, message),
    el('button', { type: 'button', class: 'toast-close', 'aria-label': t('common.close'), onclick: () => box.classList.remove('show') }, '×'));
  box.className = `toast show toast-${kind}`;
  clearTimeout(toastTimer);
  if (kind !== 'error') toastTimer = setTimeout(() => box.classList.remove('show'), 4000);
}

export function showError(err) {
  const p = (err && err.problem) || {};
  toast(p.detail || p.title || (err && err.message) || t('common.error'), 'error');
}
