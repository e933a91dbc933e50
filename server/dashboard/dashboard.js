// Turnout live dashboard (served at /dashboard): polls the admin JSON routes
// every few seconds — /v1/admin/devices for each desk's last contact, outbox
// depth and last sync, /v1/admin/events and each event's /tallies (today, in
// the event's zone) for the totals. The admin token comes from `?token=` (then
// removed from the address bar) or a form, and lives in sessionStorage only.
// Every value is written with textContent: roster names never become markup.
'use strict';

(() => {
  const REFRESH_MS = 5000;
  const KEY = 'turnout.adminToken';
  const $ = (id) => document.getElementById(id);
  let timer = 0;
  // Server clock minus this browser's (from the Date header): ages are judged on the server's time.
  let skewMs = 0;

  function takeTokenFromUrl() {
    const url = new URL(location.href);
    const t = url.searchParams.get('token');
    if (!t) return;
    sessionStorage.setItem(KEY, t);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v;
      else node.setAttribute(k, String(v));
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c)));
    return node;
  }

  function ago(iso, now) {
    if (!iso) return '—';
    const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min';
    if (s < 86400) return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
    return Math.floor(s / 86400) + ' d';
  }

  function health(d, now) {
    if (d.revoked) return 'revoked';
    if (!d.lastSeenAt) return 'silent';
    const age = now - Date.parse(d.lastSeenAt);
    return age < 2 * 60_000 ? 'alive' : age < 10 * 60_000 ? 'stale' : 'silent';
  }

  const HEALTH = { alive: '● 정상 alive', stale: '▲ 지연 stale', silent: '✖ 무응답 silent', revoked: '✖ 해제 revoked' };

  async function api(path) {
    const res = await fetch(path, { headers: { authorization: 'Bearer ' + sessionStorage.getItem(KEY) }, cache: 'no-store' });
    if (res.status === 401) {
      const err = new Error('unauthorized');
      err.unauthorized = true;
      throw err;
    }
    if (!res.ok) throw new Error(path + ': HTTP ' + res.status);
    const date = Date.parse(res.headers.get('date') || '');
    if (Number.isFinite(date)) skewMs = date - Date.now();
    return res.json();
  }

  function renderDevices(devices, events, now) {
    const names = new Map();
    for (const b of events) {
      names.set(b.event.id, b.event.name.ko);
      for (const cp of b.checkpoints) names.set(b.event.id + '/' + cp.id, cp.name.ko);
    }
    const body = $('devices').tBodies[0];
    body.replaceChildren(
      ...devices.map((d) => {
        const h = health(d, now);
        return el(
          'tr',
          { 'data-device': d.id, 'data-health': h, 'data-outbox': d.outboxDepth ?? '' },
          el('td', {}, HEALTH[h]),
          el('td', { class: 'wrap' }, d.name),
          el('td', { class: 'wrap' }, names.get(d.eventId) || d.eventId),
          el('td', {}, d.checkpointId ? names.get(d.eventId + '/' + d.checkpointId) || d.checkpointId : '—'),
          el('td', { title: d.lastSeenAt || '' }, ago(d.lastSeenAt, now)),
          el('td', { class: 'num' }, d.outboxDepth ?? '—'),
          el('td', { title: d.lastSyncAt || '' }, ago(d.lastSyncAt, now)),
          el('td', { class: 'num' }, d.clockOffsetMs == null ? '—' : (d.clockOffsetMs / 1000).toFixed(1) + ' s'),
          el('td', {}, d.appVersion || '—'),
        );
      }),
    );
    if (devices.length === 0) body.append(el('tr', {}, el('td', { colspan: 9 }, '페어링된 데스크 없음 · No desks paired yet')));
  }

  function countTable(title, rows, label) {
    const head = el('tr', {}, el('th', {}, title), ...['scans', 'accepted', 'people', 'rejected', 'exits', 'conflicts'].map((h) => el('th', { class: 'num' }, h)));
    return el(
      'table',
      {},
      el('thead', {}, head),
      el('tbody', {}, ...rows.map((r) => el('tr', {}, el('td', {}, label(r)), ...[r.scans, r.accepted, r.uniquePeople, r.rejected, r.exits, r.conflicts].map((n) => el('td', { class: 'num' }, n))))),
    );
  }

  function renderEvent(bundle, t) {
    const cpName = new Map(bundle.checkpoints.map((c) => [c.id, c.name.ko + ' · ' + c.name.en]));
    const total = (label, n, key) => el('div', { class: 'total', 'data-total': key }, el('b', {}, n), el('span', {}, label));
    const inside = (t.insideNow || []).map((r) => total('안에 있음 inside · ' + (cpName.get(r.checkpointId) || r.checkpointId), r.inside, 'inside-' + r.checkpointId));
    return el(
      'article',
      { class: 'event', 'data-event': bundle.event.id, 'data-day': t.day },
      el('h2', {}, bundle.event.name.ko + ' — ' + t.day + ' (' + t.timeZone + ')'),
      el(
        'div',
        { class: 'totals' },
        total('입장 인원 people', t.total.uniquePeople, 'people'),
        total('스캔 scans', t.total.scans, 'scans'),
        total('입장 accepted', t.total.accepted, 'accepted'),
        total('거부 rejected', t.total.rejected, 'rejected'),
        total('퇴장 exits', t.total.exits, 'exits'),
        total('충돌 conflicts', t.total.conflicts, 'conflicts'),
        ...inside,
      ),
      el('h3', {}, '체크포인트별 · By checkpoint'),
      countTable('checkpoint', t.byCheckpoint, (r) => cpName.get(r.checkpointId) || r.checkpointId),
    );
  }

  async function refresh() {
    clearTimeout(timer);
    const status = $('status');
    try {
      const [{ devices }, { events }] = await Promise.all([api('/v1/admin/devices'), api('/v1/admin/events')]);
      const tallies = await Promise.all(events.map((b) => api('/v1/admin/events/' + encodeURIComponent(b.event.id) + '/tallies')));
      const now = Date.now() + skewMs;
      renderDevices(devices, events, now);
      $('events').replaceChildren(...events.map((b, i) => renderEvent(b, tallies[i])));
      status.dataset.state = 'ok';
      status.textContent = '갱신 updated ' + new Date().toLocaleTimeString();
    } catch (err) {
      if (err.unauthorized) {
        sessionStorage.removeItem(KEY);
        showLogin('토큰이 맞지 않습니다 · Token refused');
        return;
      }
      status.dataset.state = 'error';
      status.textContent = '오류 error: ' + err.message;
    }
    timer = setTimeout(refresh, REFRESH_MS);
  }

  function showLogin(message) {
    clearTimeout(timer);
    $('main').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('token').focus();
  }

  function start() {
    $('login').hidden = true;
    $('main').hidden = false;
    $('logout').hidden = false;
    void refresh();
  }

  document.addEventListener('DOMContentLoaded', () => {
    takeTokenFromUrl();
    $('login').addEventListener('submit', (e) => {
      e.preventDefault();
      sessionStorage.setItem(KEY, $('token').value.trim());
      $('token').value = '';
      start();
    });
    $('logout').addEventListener('click', () => {
      sessionStorage.removeItem(KEY);
      showLogin('');
    });
    if (sessionStorage.getItem(KEY)) start();
    else showLogin('');
  });
})();
