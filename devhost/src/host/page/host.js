// The host side of the ZAF SDK wire protocol (zendesk_app_framework_sdk 2.x, lib/client.js), plus the
// dev toolbar. What the app sees (metadata, context, `get` values) comes from the server's
// /_host/zaf; this file only routes messages. All page text goes through textContent.
(function () {
  'use strict';

  // A sidebar app asking for 0 px or a runaway height would make the page unusable.
  const MIN_FRAME_HEIGHT = 40;
  const MAX_FRAME_HEIGHT = 4000;
  const PROTOCOL_LOG_LIMIT = 5000;
  const FAULTS = {
    none: null,
    status500: { kind: 'status', status: 500 },
    timeout: { kind: 'timeout' },
    status429: { kind: 'status', status: 429, retry_after: 5 },
    status401: { kind: 'status', status: 401 },
    malformed_json: { kind: 'malformed_json' },
    html_page: { kind: 'html_page' },
    empty_body: { kind: 'empty_body' },
    wrong_types: { kind: 'wrong_types' },
  };

  const state = {
    appOrigin: null,
    appGuid: null,
    instanceGuid: null,
    registered: false,
    subscriptions: {},
    payload: null,
    config: null,
    catalog: null,
  };
  let payloadReady = null;

  // For end-to-end tests and debugging from the console.
  const devhost = {
    protocolLog: [],
    toasts: [],
    iframeHeight: null,
    get appOrigin() { return state.appOrigin; },
    get appGuid() { return state.appGuid; },
    get instanceGuid() { return state.instanceGuid; },
    get registered() { return state.registered; },
    get subscriptions() { return Object.assign({}, state.subscriptions); },
    get config() { return state.config; },
    get payload() { return state.payload; },
    /** Sends `zaf.<event>` to the app, as Support would. */
    fire: function (event, data) { sendEvent(event, data); },
    /** Reloads the iframe with fresh metadata (a reinstall). */
    reinstall: function () { return reinstall('reinstalled from the console'); },
    /** Messages matching a key (string or RegExp), in or out. */
    messages: function (key) {
      return devhost.protocolLog.filter(function (entry) {
        const k = entry.data && entry.data.key;
        return key instanceof RegExp ? key.test(k || '') : k === key;
      });
    },
  };
  window.__devhost = devhost;

  function frame() { return document.getElementById('app-frame'); }

  // ---------------------------------------------------------------- protocol

  window.addEventListener('message', function (event) {
    const iframe = frame();
    if (!iframe || event.source !== iframe.contentWindow || event.origin !== appOrigin()) return;
    let msg = event.data;
    if (typeof msg === 'string') {
      try { msg = JSON.parse(msg); } catch (e) { logMessage('in', event.data, 'not JSON, ignored'); return; }
    }
    if (!msg || typeof msg !== 'object') return;
    if (msg.appGuid && state.appGuid && msg.appGuid !== state.appGuid) {
      logMessage('in', msg, 'from an earlier app load, ignored');
      return;
    }
    logMessage('in', msg);
    whenPayloadReady().then(function () { dispatch(msg); });
  });

  function appOrigin() {
    if (!state.appOrigin) {
      const iframe = frame();
      state.appOrigin = iframe ? iframe.dataset.appOrigin : null;
      state.appGuid = iframe ? iframe.dataset.appGuid : null;
    }
    return state.appOrigin;
  }

  function whenPayloadReady() {
    if (!payloadReady) payloadReady = loadPayload();
    return payloadReady;
  }

  function dispatch(msg) {
    const key = typeof msg.key === 'string' ? msg.key : '';
    let match;
    if (msg.request && msg.id !== undefined) {
      answerCall(msg);
    } else if (key === 'iframe.handshake') {
      register(msg);
    } else if ((match = /^iframe\.on:(.+)$/.exec(key))) {
      state.subscriptions[match[1]] = subscriberCount(msg, 1);
    } else if ((match = /^iframe\.off:(.+)$/.exec(key))) {
      const count = subscriberCount(msg, 0);
      if (count > 0) state.subscriptions[match[1]] = count; else delete state.subscriptions[match[1]];
    } else if (/^request:\d+$/.test(key)) {
      proxyRequest(key, msg.message);
    }
    // iframe.trigger:* and iframe.reply:* need no answer; they are in the protocol log.
  }

  function subscriberCount(msg, fallback) {
    const count = msg.message && msg.message.subscriberCount;
    return typeof count === 'number' ? count : fallback;
  }

  function post(msg) {
    const iframe = frame();
    if (!iframe || !iframe.contentWindow) return;
    iframe.contentWindow.postMessage(JSON.stringify(msg), appOrigin());
    logMessage('out', msg);
  }

  function sendEvent(event, data) {
    post({ key: 'zaf.' + event, message: data, instanceGuid: state.instanceGuid || state.appGuid });
  }

  function register(msg) {
    state.instanceGuid = msg.instanceGuid || msg.appGuid || state.appGuid;
    const context = Object.assign({}, state.payload.context, { instanceGuid: state.instanceGuid });
    sendEvent('app.registered', { metadata: state.payload.metadata, context: context });
    state.registered = true;
    sendEvent('app.activated', { firstLoad: true });
  }

  function answerCall(msg) {
    const reply = function (body) { post(Object.assign({ id: msg.id, instanceGuid: msg.instanceGuid }, body)); };
    switch (msg.request) {
      case 'get': return reply({ result: getPaths(msg.params) });
      case 'set': return reply({ result: refusePaths(msg.params) });
      case 'invoke': return invokeActions(msg.params, reply);
      default:
        return reply({ error: { name: 'UnknownRequestError', message: 'devhost does not know request "' + msg.request + '"' } });
    }
  }

  function getPaths(params) {
    const paths = Array.isArray(params) ? params : [params];
    const data = state.payload.data;
    const unavailable = state.payload.unavailable || {};
    const result = { errors: {} };
    paths.forEach(function (path) {
      // `ticket.requester` belongs to `ticket`: a path under another location's object fails here.
      const object = String(path).split('.')[0];
      if (typeof path === 'string' && Object.prototype.hasOwnProperty.call(data, path)) {
        result[path] = data[path];
      } else if (Object.prototype.hasOwnProperty.call(unavailable, object)) {
        result.errors[String(path)] = {
          name: 'InvalidPathError', message: '"' + String(path) + '" is ' + unavailable[object], path: String(path),
        };
      } else {
        result.errors[String(path)] = {
          name: 'InvalidPathError', message: 'is not a path the dev host supports', path: String(path),
        };
      }
    });
    return result;
  }

  function refusePaths(params) {
    const result = { errors: {} };
    Object.keys(params || {}).forEach(function (path) {
      result.errors[path] = { name: 'NotSupportedError', message: 'cannot be set in the dev host', path: path };
    });
    return result;
  }

  const actions = {
    resize: function (args) {
      const size = args[0] && typeof args[0] === 'object' ? args[0] : {};
      const height = parseHeight(size.height);
      if (height !== null) {
        frame().style.height = height + 'px';
        devhost.iframeHeight = height;
        document.getElementById('iframe-height').textContent =
          'iframe height: ' + height + ' px (asked ' + JSON.stringify(size.height) + ')';
      }
      return null;
    },
    notify: function (args) {
      showToast(String(args[0] === undefined ? '' : args[0]), typeof args[1] === 'string' ? args[1] : 'notice', args[2]);
      return null;
    },
  };

  function invokeActions(params, reply) {
    const names = Object.keys(params || {});
    const unknown = names.filter(function (name) { return !Object.prototype.hasOwnProperty.call(actions, name); });
    if (unknown.length > 0) {
      return reply({ error: { name: 'InvalidActionError', message: 'devhost does not implement invoke("' + unknown[0] + '")' } });
    }
    const result = { errors: {} };
    names.forEach(function (name) {
      const args = Array.isArray(params[name]) ? params[name] : [params[name]];
      result[name] = actions[name](args);
    });
    reply({ result: result });
  }

  /** "123px", "123" or 123 -> 123 clamped; anything else (e.g. "100%") -> null. */
  function parseHeight(value) {
    let px = null;
    if (typeof value === 'number' && isFinite(value)) px = value;
    if (typeof value === 'string') {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/.exec(value);
      if (m) px = parseFloat(m[1]);
    }
    if (px === null) return null;
    return Math.round(Math.min(MAX_FRAME_HEIGHT, Math.max(MIN_FRAME_HEIGHT, px)));
  }

  function proxyRequest(key, options) {
    const guid = state.appGuid;
    // Only the options: the proxy fills the installation's settings, the same whoever the agent is.
    const body = JSON.stringify({ options: options });
    fetch('/_host/proxy', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
      .then(function (response) {
        return response.ok ? response.json() : response.text().then(function (text) { throw new Error(text); });
      })
      .then(function (reply) {
        if (guid !== state.appGuid) return; // the app was reloaded meanwhile
        sendEvent(key + '.' + reply.outcome, { responseArgs: reply.responseArgs });
        addRequestRow(reply.log);
      })
      .catch(function (error) {
        if (guid !== state.appGuid) return;
        const text = 'devhost proxy unreachable: ' + error.message;
        sendEvent(key + '.fail', { responseArgs: [{ status: 0, statusText: 'error', responseText: text, headers: {} }, 'error', 'error'] });
      });
  }

  // ---------------------------------------------------------------- server state

  function api(method, path, body) {
    const init = { method: method, headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        let data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
        if (!response.ok) {
          throw new Error((data && data.error) || (data && data.errors && JSON.stringify(data.errors)) || text || response.statusText);
        }
        return data;
      });
    });
  }

  function loadPayload() {
    return api('GET', '/_host/zaf').then(function (payload) {
      state.payload = payload;
      // A handshake can arrive before the body is parsed; start() draws the ticket then.
      if (document.readyState !== 'loading') renderPage(payload.page_view, payload.data.currentUser);
      return payload;
    });
  }

  function saveConfig(patch) {
    return api('POST', '/_host/config', patch).then(function (config) {
      state.config = config;
      fillToolbar();
      return config;
    });
  }

  function newGuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') return window.crypto.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-axxx-xxxxxxxxxxxx'.replace(/x/g, function () { return (Math.random() * 16 | 0).toString(16); });
  }

  /** Reloads the app with the current config, as installing it again would. */
  function reinstall(reason) {
    payloadReady = loadPayload();
    return payloadReady.then(function () {
      state.appGuid = newGuid();
      state.instanceGuid = null;
      state.registered = false;
      state.subscriptions = {};
      const iframe = frame();
      iframe.dataset.appGuid = state.appGuid;
      iframe.style.height = '';
      devhost.iframeHeight = null;
      document.getElementById('iframe-height').textContent = 'iframe height: not resized yet';
      // The document the server framed (the host's /app/ or --app-url), with a fresh guid.
      const appUrl = iframe.dataset.appUrl;
      iframe.src = appUrl + (appUrl.indexOf('?') < 0 ? '?' : '&') + 'origin=' +
        encodeURIComponent(window.location.origin) + '&app_guid=' + encodeURIComponent(state.appGuid);
      setStatus(reason);
    });
  }

  // ---------------------------------------------------------------- rendering

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function initials(name) {
    return String(name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map(function (part) { return part.charAt(0); }).join('').toUpperCase();
  }

  /** The ticket, new ticket, user or organization around the app, as the server described it. */
  function renderPage(view, currentUser) {
    const tabStatus = document.getElementById('ticket-tab-status');
    tabStatus.textContent = view.status ? view.status.charAt(0) : '';
    tabStatus.className = 'tab-status' + (view.status ? ' status-' + view.status : '');
    document.getElementById('ticket-tab-title').textContent = view.tab;
    document.getElementById('ticket-subject').textContent = view.title;
    document.getElementById('ticket-meta').textContent = view.meta;
    document.getElementById('person-label').textContent = view.person_label;
    document.getElementById('requester-name').textContent = view.person && view.person.name ? view.person.name : '-';
    document.getElementById('requester-email-shown').textContent = view.person && view.person.email ? view.person.email : '';
    document.getElementById('requester-org').textContent = view.organization || '-';
    document.getElementById('assignee-name').textContent = currentUser ? currentUser.name : '';
    const avatar = document.getElementById('agent-avatar');
    avatar.textContent = initials(currentUser && currentUser.name);
    avatar.title = currentUser ? currentUser.name + ' (' + currentUser.role + ', ' + currentUser.locale + ')' : '';
    const list = document.getElementById('comments');
    list.textContent = '';
    view.comments.forEach(function (comment) {
      const item = el('li', 'comment ' + (comment.by_requester ? 'comment-by-requester' : 'comment-by-agent'));
      item.appendChild(el('span', 'comment-avatar', initials(comment.author)));
      const main = el('div', 'comment-main');
      const head = el('div', 'comment-head');
      const author = el('span', 'comment-author', comment.author);
      author.dir = 'auto';
      head.appendChild(author);
      head.appendChild(el('span', 'comment-when', comment.when));
      main.appendChild(head);
      const body = el('p', 'comment-body', comment.body);
      body.dir = 'auto';
      main.appendChild(body);
      item.appendChild(main);
      list.appendChild(item);
    });
    const requesterInput = document.getElementById('requester-email');
    if (document.activeElement !== requesterInput) {
      requesterInput.value = view.person && view.person.email ? view.person.email : '';
    }
  }

  /** Options from the catalog, once: `label(item)` shown, `value(item)` sent. */
  function fillSelect(id, items, label, value) {
    const select = document.getElementById(id);
    if (select.options.length > 0) return select;
    items.forEach(function (item) {
      const option = el('option', null, label(item));
      option.value = String(value(item));
      select.appendChild(option);
    });
    return select;
  }

  function fillToolbar() {
    const config = state.config;
    const catalog = state.catalog;
    if (!config || !catalog) return;
    const agents = fillSelect('agent-select', catalog.agents,
      function (a) { return a.name + ' – ' + a.role + ', ' + a.locale + ' – ' + a.sell; }, function (a) { return a.email; });
    const tickets = fillSelect('ticket-select', catalog.tickets,
      function (t) { return '#' + t.id + ' ' + t.requester + ' – ' + t.subject; }, function (t) { return t.id; });
    fillSelect('replace-requester', catalog.requesters,
      function (p) { return p.name + ' <' + p.email + '>'; }, function (p) { return p.id; });
    const locations = fillSelect('location-select', catalog.locations,
      function (l) { return l.label; }, function (l) { return l.name; });
    const users = fillSelect('user-select', catalog.users,
      function (p) { return p.name + ' <' + p.email + '>'; }, function (p) { return p.id; });
    const organizations = fillSelect('organization-select', catalog.organizations,
      function (o) { return o.name; }, function (o) { return o.id; });
    agents.value = config.agent;
    locations.value = config.location;
    tickets.value = String(config.ticket);
    users.value = String(config.user);
    organizations.value = String(config.organization);
    const subject = document.getElementById('new-ticket-subject');
    if (document.activeElement !== subject) subject.value = config.new_ticket_subject;
    // Only what the location has can be changed: Support shows one ticket, user or organization.
    const hasTicket = config.location === 'ticket_sidebar' || config.location === 'new_ticket_sidebar';
    tickets.disabled = config.location !== 'ticket_sidebar';
    users.disabled = config.location !== 'user_sidebar';
    organizations.disabled = config.location !== 'organization_sidebar';
    Array.prototype.forEach.call(document.querySelectorAll('#requester-form input, #requester-form select, #requester-form button'),
      function (control) { control.disabled = !hasTicket; });
    subject.disabled = config.location !== 'new_ticket_sidebar';
    document.getElementById('set-subject').disabled = subject.disabled;
    document.getElementById('locale-select').value = config.locale || '';
    Object.keys(config.settings).forEach(function (name) {
      const input = document.getElementById('setting-' + name);
      if (!input) return;
      if (input.type === 'checkbox') input.checked = Boolean(config.settings[name]);
      else input.value = config.settings[name] === null ? '' : String(config.settings[name]);
    });
  }

  function setStatus(text) {
    document.getElementById('devbar-status').textContent = text || '';
  }

  function showToast(message, kind, durationOrOptions) {
    const toast = el('div', 'toast toast-' + kind, message);
    document.getElementById('toasts').appendChild(toast);
    devhost.toasts.push({ message: message, kind: kind, at: Date.now() });
    let duration = 5000;
    if (typeof durationOrOptions === 'number') duration = durationOrOptions;
    if (durationOrOptions && typeof durationOrOptions.sticky === 'boolean' && durationOrOptions.sticky) duration = 0;
    if (duration > 0) setTimeout(function () { toast.remove(); }, duration);
    else toast.addEventListener('click', function () { toast.remove(); });
  }

  function logMessage(dir, data, note) {
    const entry = { dir: dir, at: Date.now(), data: data, note: note || null };
    devhost.protocolLog.push(entry);
    if (devhost.protocolLog.length > PROTOCOL_LOG_LIMIT) devhost.protocolLog.shift();
    const list = document.getElementById('protocol-log');
    if (!list) return; // before the body is parsed; the array still has it
    const item = el('li', 'dir-' + dir, (typeof data === 'string' ? data : JSON.stringify(data)) + (note ? '  (' + note + ')' : ''));
    list.appendChild(item);
    while (list.childNodes.length > 300) list.removeChild(list.firstChild);
    list.parentNode.scrollTop = list.parentNode.scrollHeight;
  }

  // The log names `installation`, `none` or `unknown:NAME`: a placeholder no secure setting fills,
  // sent as written (Sell then refuses it). Zendesk has no per-agent token to fill it with.
  function credentialText(credential) {
    if (credential === 'installation') return 'installation token';
    const unknown = /^unknown:(.*)$/.exec(credential || '');
    if (unknown) return 'not filled: ' + unknown[1] + ' is no setting';
    return credential;
  }

  function addRequestRow(entry) {
    if (!entry) return;
    const row = el('tr', entry.outcome === 'fail' ? 'row-fail' : null);
    [entry.seq, entry.method, entry.path, credentialText(entry.credential), entry.status === null ? '-' : entry.status, entry.ms, entry.note || '']
      .forEach(function (value) { row.appendChild(el('td', null, value)); });
    const rows = document.getElementById('request-log-rows');
    rows.appendChild(row);
    rows.closest('.log-scroll').scrollTop = rows.closest('.log-scroll').scrollHeight;
  }

  // ---------------------------------------------------------------- toolbar

  function formSettings() {
    const settings = {};
    Array.prototype.forEach.call(document.querySelectorAll('#settings-form [name]'), function (input) {
      settings[input.name] = input.type === 'checkbox' ? input.checked : input.value;
    });
    return settings;
  }

  function failed(error) { setStatus('Error: ' + error.message); }

  function wireToolbar() {
    const changeAndReload = function (patch, reason) {
      return saveConfig(patch).then(function () { return reinstall(reason); }).catch(failed);
    };
    document.getElementById('agent-select').addEventListener('change', function (e) {
      changeAndReload({ agent: e.target.value }, 'Signed in as ' + e.target.value + '; app reloaded');
    });
    document.getElementById('locale-select').addEventListener('change', function (e) {
      changeAndReload({ locale: e.target.value || null }, 'Locale ' + (e.target.value || "agent's own") + '; app reloaded');
    });
    document.getElementById('location-select').addEventListener('change', function (e) {
      changeAndReload({ location: e.target.value }, 'App shown in ' + e.target.value + '; app reloaded');
    });
    document.getElementById('ticket-select').addEventListener('change', function (e) {
      changeAndReload({ ticket: Number(e.target.value) }, 'Opened ticket #' + e.target.value + '; app reloaded');
    });
    document.getElementById('user-select').addEventListener('change', function (e) {
      changeAndReload({ user: Number(e.target.value) }, 'Opened user ' + e.target.value + '; app reloaded');
    });
    document.getElementById('organization-select').addEventListener('change', function (e) {
      changeAndReload({ organization: Number(e.target.value) }, 'Opened organization ' + e.target.value + '; app reloaded');
    });
    document.getElementById('subject-form').addEventListener('submit', function (e) {
      e.preventDefault();
      const subject = document.getElementById('new-ticket-subject').value;
      changeTicket({ new_ticket_subject: subject }, 'Subject set to ' + JSON.stringify(subject), 'ticket.subject.changed');
    });
    document.getElementById('reload-app').addEventListener('click', function () {
      reinstall('App reloaded').catch(failed);
    });
    document.getElementById('settings-form').addEventListener('submit', function (e) {
      e.preventDefault();
      changeAndReload({ settings: formSettings() }, 'Settings applied; app reinstalled');
    });
    document.getElementById('requester-form').addEventListener('submit', function (e) {
      e.preventDefault();
      const email = document.getElementById('requester-email').value.trim();
      changeRequester({ email: email }, 'Requester email changed to ' + email);
    });
    document.getElementById('replace-requester-button').addEventListener('click', function () {
      const id = Number(document.getElementById('replace-requester').value);
      const person = state.catalog.requesters.find(function (p) { return p.id === id; });
      if (!person) return;
      changeRequester({ email: person.email, name: person.name, id: person.id },
        'Requester replaced by ' + person.name, 'ticket.requester.id.changed');
    });
    document.getElementById('restore-requester').addEventListener('click', function () {
      const current = state.config && state.config.requester_override;
      changeRequester(null, 'Requester restored',
        current && current.id ? 'ticket.requester.id.changed' : 'ticket.requester.email.changed');
    });

    const tray = document.getElementById('apps-tray');
    const width = document.getElementById('tray-width');
    const setWidth = function (px) {
      tray.style.width = px + 'px';
      document.getElementById('tray-width-value').textContent = px + ' px';
      try { window.localStorage.setItem('devhost.trayWidth', String(px)); } catch (e) { /* private mode */ }
    };
    let saved = null;
    try { saved = Number(window.localStorage.getItem('devhost.trayWidth')); } catch (e) { saved = null; }
    if (saved >= 260 && saved <= 720) { width.value = String(saved); setWidth(saved); }
    width.addEventListener('input', function () { setWidth(Number(width.value)); });

    document.getElementById('emulator-form').addEventListener('submit', function (e) {
      e.preventDefault();
      const fault = FAULTS[document.getElementById('fault-kind').value];
      const rules = fault ? [Object.assign({
        path_contains: document.getElementById('fault-path').value,
        method: document.getElementById('fault-method').value || null,
        times: 1,
      }, fault)] : [];
      const latency = Math.max(0, Number(document.getElementById('emu-latency').value) || 0);
      api('POST', '/_emu/faults', { latency_ms: latency, rules: rules })
        .then(function () { setStatus('Emulator: latency ' + latency + ' ms' + (fault ? ', next matching request fails: ' + fault.kind + (fault.status ? ' ' + fault.status : '') : '')); })
        .catch(failed);
    });
    document.getElementById('emu-clear-faults').addEventListener('click', function () {
      api('DELETE', '/_emu/faults').then(function () {
        document.getElementById('emu-latency').value = '0';
        document.getElementById('fault-kind').value = 'none';
        setStatus('Emulator faults cleared');
      }).catch(failed);
    });
    document.getElementById('emu-reset').addEventListener('click', function () {
      api('POST', '/_emu/reset').then(function () { setStatus('Sell data reset to the seed'); }).catch(failed);
    });
    document.getElementById('clear-request-log').addEventListener('click', function () {
      api('DELETE', '/_host/requests').then(function () { document.getElementById('request-log-rows').textContent = ''; }).catch(failed);
    });
    document.getElementById('clear-protocol-log').addEventListener('click', function () {
      devhost.protocolLog.length = 0;
      document.getElementById('protocol-log').textContent = '';
    });
  }

  /**
   * Changes the requester without reloading the app, then tells it as Support does: an edited email
   * fires `ticket.requester.email.changed`, another person `ticket.requester.id.changed`.
   */
  function changeRequester(override, reason, eventName) {
    return changeTicket({ requester_override: override }, reason, eventName || 'ticket.requester.email.changed');
  }

  /** Changes the ticket on screen without reloading the app, then fires `<path>.changed` with the new value. */
  function changeTicket(patch, reason, name) {
    const path = name.replace(/\.changed$/, '');
    return saveConfig(patch)
      .then(function () { payloadReady = loadPayload(); return payloadReady; })
      .then(function (payload) {
        sendEvent(name, payload.data[path]);
        setStatus(reason);
      })
      .catch(failed);
  }

  function start() {
    appOrigin();
    // Messages logged before the body existed are shown now.
    devhost.protocolLog.slice().forEach(function (entry) {
      const list = document.getElementById('protocol-log');
      list.appendChild(el('li', 'dir-' + entry.dir, JSON.stringify(entry.data)));
    });
    wireToolbar();
    whenPayloadReady().then(function (payload) {
      renderPage(payload.page_view, payload.data.currentUser);
    }).catch(failed);
    Promise.all([api('GET', '/_host/catalog'), api('GET', '/_host/config'), api('GET', '/_host/requests')])
      .then(function (results) {
        state.catalog = results[0];
        state.config = results[1];
        fillToolbar();
        results[2].forEach(addRequestRow);
      })
      .catch(failed);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
