// Entry point: login, the caller's identity (GET /api/me) and the view for the caller's roles around one map.
/* global L */
import { api, changePassword, login, logout, setPasswordChangeHandler, setUnauthorizedHandler, showError, toast } from './api.js';
import { t, apply, getLang, setLang } from './i18n.js';
import { el } from './dom.js';
import { createMapView } from './map.js';
import { districtsOverlay, schoolsOverlay, venuesOverlay } from './registry-layers.js';
import { zonesOverlay } from './zones-layer.js';
import { renderVenueCard } from './venue-card.js';
import { renderPlanner } from './planner.js';
import { renderLeader } from './leader.js';
import { renderManager } from './manager.js';
import { renderAdmin } from './admin-panel.js';
import { wireSearch } from './search.js';
import { wgs84ToGcj02 } from './datum.js';
import { useTiles } from './vector-tiles.js';

const $ = (id) => document.getElementById(id);

const VIEWS = {
  planner: { roles: ['planner', 'admin'], render: renderPlanner },
  leader: { roles: ['team_leader'], render: renderLeader },
  manager: { roles: ['manager', 'admin'], render: renderManager },
  admin: { roles: ['admin'], render: renderAdmin },
};

const app = {
  me: null,
  view: null,
  map: null,
  current: null,
  districts: districtsOverlay(),
  schools: schoolsOverlay(),
  zones: zonesOverlay(),
  venues: null,
  async openVenue(id) {
    if (id === undefined || id === null) return;
    document.body.classList.add('panel-open');
    const m = app.venues.marker(id);
    if (m) app.venues.focus(id, app.view.group('venues').getLayers()[0]);
    await renderVenueCard($('panel'), id, () => showView(app.current));
  },
  flyToGeometry(g) {
    if (!g) return;
    const layer = L.geoJSON(app.view.ctx.geo(g));
    const b = layer.getBounds();
    if (b.isValid()) app.map.fitBounds(b, { maxZoom: 17, padding: [24, 24] });
  },
};
app.venues = venuesOverlay((id) => app.openVenue(id), { tiled: () => app.tiles, map: () => app.map });

function showLogin(expired) {
  document.body.dataset.state = 'login';
  $('login').hidden = false;
  $('login-form').hidden = false;
  if ($('password-form')) $('password-form').remove();
  $('app').hidden = true;
  $('session').hidden = true;
  $('login-error').textContent = expired ? t('error.session') : '';
  $('login-user').focus();
}

async function onLogin(ev) {
  ev.preventDefault();
  const btn = $('login-submit');
  btn.disabled = true;
  $('login-error').textContent = '';
  try {
    const res = await login($('login-user').value.trim(), $('login-password').value);
    if (!res.ok) {
      $('login-error').textContent = res.status === 401 || !res.problem ? t('login.failed') : (res.problem.detail || res.problem.title);
      return;
    }
    $('login-password').value = '';
    await enter(await api('/api/me'));
  } catch (e) {
    showError(e);
  } finally {
    btn.disabled = false;
  }
}

/** After login or on a page load with a session: a password an administrator set must be replaced first. */
async function enter(me) {
  if (me.mustChangePassword) showPasswordForm(true);
  else await start(me);
}

/**
 * The change-password form, in place of the login card. forced: the administrator set the password and nothing else
 * answers until it is changed (no way back but logging out); otherwise the user asked for it and may cancel.
 */
function showPasswordForm(forced) {
  const back = { state: document.body.dataset.state, app: $('app').hidden, session: $('session').hidden };
  document.body.dataset.state = 'login';
  $('app').hidden = true;
  $('session').hidden = true;
  $('login').hidden = false;
  $('login-form').hidden = true;
  if ($('password-form')) $('password-form').remove();
  const field = (id, key, autocomplete) => el('label', {}, el('span', {}, t(key)),
    el('input', { id, type: 'password', class: 'input', autocomplete, required: true, 'data-testid': id }));
  const error = el('p', { class: 'login-error', role: 'alert', 'data-testid': 'password-error' });
  const close = () => {
    form.remove();
    $('login-form').hidden = false;
    $('login').hidden = true;
    document.body.dataset.state = back.state;
    $('app').hidden = back.app;
    $('session').hidden = back.session;
  };
  const form = el('form', { id: 'password-form', class: 'login-card', 'data-testid': 'password-form' },
    el('h1', {}, t('password.title')),
    el('p', { class: 'muted' }, forced ? t('password.forced') : t('password.hint', { min: 10 })),
    field('password-current', 'password.current', 'current-password'),
    field('password-new', 'password.new', 'new-password'),
    field('password-repeat', 'password.repeat', 'new-password'),
    error,
    el('button', { type: 'submit', class: 'btn btn-block', 'data-testid': 'password-submit' }, t('password.submit')),
    forced
      ? el('button', { type: 'button', class: 'btn btn-ghost btn-block', onclick: async () => { await logout(); window.location.reload(); } }, t('logout'))
      : el('button', { type: 'button', class: 'btn btn-ghost btn-block', onclick: close }, t('common.cancel')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    if ($('password-new').value !== $('password-repeat').value) { error.textContent = t('password.mismatch'); return; }
    const btn = form.querySelector('button[type=submit]');
    btn.disabled = true;
    try {
      await changePassword($('password-current').value, $('password-new').value);
      toast(t('password.changed'));
      if (forced) { form.remove(); $('login-form').hidden = false; await start(await api('/api/me')); } else close();
    } catch (e) {
      const p = e.problem || {};
      error.textContent = (Array.isArray(p.errors) && p.errors.length)
        ? p.errors.map((fe) => `${t('password.field.' + fe.field)}: ${fe.reason}`).join('; ')
        : (p.detail || e.message);
    } finally {
      btn.disabled = false;
    }
  });
  $('login').append(form);
  $('password-current').focus();
}

function viewsFor(me) {
  return Object.entries(VIEWS).filter(([, v]) => v.roles.some((r) => me.roles.includes(r))).map(([k]) => k);
}

async function showView(name) {
  app.current = name;
  try { window.sessionStorage.setItem('pp.view', name); } catch (e) { /* the first view then */ }
  document.querySelectorAll('#views button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.view === name)));
  document.body.dataset.view = name;
  const panel = $('panel');
  panel.replaceChildren();
  // a view returns a cleanup (its map layers, Geoman controls, pollers) that runs before the next view is drawn
  if (app.cleanup) { try { app.cleanup(); } catch (e) { /* a half-built view */ } app.cleanup = null; }
  try {
    app.cleanup = await VIEWS[name].render(panel, app);
  } catch (e) {
    showError(e);
  }
}

async function start(me) {
  app.me = me;
  document.body.dataset.state = 'app';
  $('login').hidden = true;
  $('app').hidden = false;
  $('session').hidden = false;
  // the caller's unit (执法机构): its name in the header, its extent is where the map opens (null: the system administrator)
  const unit = await api('/api/units/mine').catch(() => null);
  app.unit = unit;
  // a large register is drawn as vector tiles (vector-tiles.js: more than TILE_THRESHOLD venues in the caller's units)
  const count = await api('/api/venues?limit=0').then((fc) => fc.numberMatched).catch(() => 0);
  app.tiles = useTiles(count);
  document.body.dataset.tiles = String(app.tiles);
  $('user-name').textContent = (unit ? unit.name + ' · ' : '') + (me.displayName || me.username);
  document.querySelector('.brand-text').dataset.unit = unit ? unit.name : ''; // a phone's header shows the unit (app.css)
  $('user-role').textContent = me.roles.map((r) => t('role.' + r)).join(' · ');
  const views = viewsFor(me);
  $('views').replaceChildren(...views.map((v) => el('button', { type: 'button', class: 'tab', dataset: { view: v }, 'data-testid': `view-${v}`,
    onclick: () => showView(v) }, t('view.' + v))));
  if (!app.view) {
    const config = await api('/api/ui/config');
    app.view = createMapView($('map'), config);
    app.map = app.view.map;
    // a read-only handle for the browser tests (datum check, marker positions); nothing in the page uses it
    window.patrolPlanner = {
      map: app.map,
      view: app.view,
      wgs84ToGcj02,
      venueLatLng(id) { const m = app.venues.marker(id); return m ? [m.getLatLng().lng, m.getLatLng().lat] : null; },
    };
    const onError = (e) => showError(e);
    await Promise.all([
      app.view.addOverlay('districts', app.districts.build, { onError }),
      app.view.addOverlay('zones', app.zones.build, { onError }),
      app.view.addOverlay('schools', app.schools.build, { onError }),
      app.view.addOverlay('venues', app.venues.build, { onError }),
    ]);
    const d = app.view.group('districts');
    if (app.unit && app.unit.extent) app.view.fitExtent(app.unit.extent);
    else app.view.fitTo(d && d.getLayers().length ? [d] : [app.view.group('schools'), app.view.group('venues')]);
  }
  // after a language switch (a reload) the same view, map extent and selections (each view keeps its own) come back
  const again = window.sessionStorage.getItem('pp.view');
  const mapView = JSON.parse(window.sessionStorage.getItem('pp.mapView') || 'null');
  window.sessionStorage.removeItem('pp.mapView');
  if (mapView && Array.isArray(mapView.c)) app.map.setView(mapView.c, mapView.z, { animate: false });
  if (views.length) await showView(views.includes(again) ? again : views[0]);
  else $('panel').replaceChildren(el('p', { class: 'muted' }, t('common.forbidden')));
  document.body.dataset.ready = 'true';
}

function boot() {
  apply();
  $('lang').textContent = t('lang.switch');
  $('lang').addEventListener('click', () => {
    if (app.map) { const c = app.map.getCenter(); window.sessionStorage.setItem('pp.mapView', JSON.stringify({ c: [c.lat, c.lng], z: app.map.getZoom() })); }
    setLang(getLang() === 'en' ? 'zh-CN' : 'en');
    window.location.reload();
  });
  $('login-form').addEventListener('submit', onLogin);
  $('logout').addEventListener('click', async () => { await logout(); window.sessionStorage.clear(); window.location.reload(); });
  $('logout').before(el('button', { type: 'button', id: 'password-change', class: 'btn btn-ghost', 'data-testid': 'password-change',
    onclick: () => showPasswordForm(false) }, t('password.change')));
  $('panel-toggle').addEventListener('click', () => document.body.classList.toggle('panel-open'));
  wireSearch($('search'), $('search-input'), $('search-results'), app);
  setUnauthorizedHandler(() => showLogin(true));
  setPasswordChangeHandler(() => { if (!$('password-form')) showPasswordForm(true); });
  // /api/ui/session answers 200 either way, so an anonymous first visit logs no 401 in the console
  api('/api/ui/session')
    .then((s) => (s.authenticated ? api('/api/me').then(enter) : showLogin(false)))
    .catch((e) => { if (e.status === 401) showLogin(false); else showError(e); });
}

boot();
