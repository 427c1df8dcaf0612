// Vitals dashboard: live from <base>/events without reloading. The server renders everything; the script
// (1) applies each change at once to the row it names (status, output, since, position, counts),
// (2) then swaps in that row as the server renders it (timeline, sparkline, availability) from <base>/ui/parts,
// (3) reloads the whole dashboard in place after a reconnection or a maintenance change, and on the 24 h / 7 d toggle,
//     (the first connection needs none: it resumes after the page's newest event),
// (4) polls <base>/ui/fleet for the fleet panel, which changes without events here, and the rows of flapping checks.
// It also moves the focus between rows with the arrow keys. Timings go to window.vitalsTimings.
(function () {
  'use strict';
  var root = document.documentElement;
  var base = root.getAttribute('data-base') || '';
  var WORDS = {pass: '✔ pass', warn: '▲ warn', fail: '✖ fail'};
  var MAX_PARTS = 100;
  var loaded = Date.now();
  var updates = 0;
  var fetching = false;
  var again = false;
  var pending = {};
  var pendingCount = 0;
  var partsTimer = null;
  var timings = window.vitalsTimings = [];

  function windowKey() {
    return root.getAttribute('data-window') || '24h';
  }

  function record(kind, started) {
    var ms = performance.now() - started;
    timings.push({kind: kind, ms: ms});
    if (timings.length > 200) {
      timings.shift();
    }
    performance.mark('vitals-' + kind);
    root.setAttribute('data-updates', ++updates);
  }

  function age(ms) {
    var s = Math.floor(ms / 1000);
    return s < 120 ? s + ' s ago' : s < 7200 ? Math.floor(s / 60) + ' min ago'
      : s < 172800 ? Math.floor(s / 3600) + ' h ago' : Math.floor(s / 86400) + ' d ago';
  }

  // A time's data-age is its age when rendered; data-at, when the script put it in (else the page's load).
  function tick() {
    var now = Date.now();
    document.querySelectorAll('time[data-age]').forEach(function (t) {
      var at = t.hasAttribute('data-at') ? Number(t.getAttribute('data-at')) : loaded;
      t.textContent = age(Number(t.getAttribute('data-age')) + now - at);
    });
  }

  function stamp(node) {
    var now = String(Date.now());
    node.querySelectorAll('time[data-age]').forEach(function (t) {
      t.setAttribute('data-at', now);
    });
    return node;
  }

  function rank(status) {
    return status === 'fail' ? 0 : status === 'warn' ? 1 : 2;
  }

  function before(a, b) { // whether row a sorts before row b: failing first, then warn, pass, then by name
    var ra = rank(a.getAttribute('data-status'));
    var rb = rank(b.getAttribute('data-status'));
    return ra !== rb ? ra < rb : a.getAttribute('data-check') < b.getAttribute('data-check');
  }

  function place(row) {
    var body = document.querySelector('table.checks tbody');
    if (!body) {
      return;
    }
    var focused = document.activeElement === row;
    var rows = body.rows;
    var target = null;
    for (var i = 0; i < rows.length; i++) {
      if (rows[i] !== row && before(row, rows[i])) {
        target = rows[i];
        break;
      }
    }
    if (row.nextElementSibling !== target || row.parentNode !== body) {
      body.insertBefore(row, target);
      if (focused) {
        row.focus();
      }
    }
  }

  function rowOf(name) {
    var rows = document.querySelectorAll('table.checks tbody tr[data-check]');
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].getAttribute('data-check') === name) {
        return rows[i];
      }
    }
    return null;
  }

  function counts() {
    var n = {pass: 0, warn: 0, fail: 0};
    document.querySelectorAll('table.checks tbody tr[data-status]').forEach(function (r) {
      n[r.getAttribute('data-status')]++;
    });
    [['fail', ' failing'], ['warn', ' warning'], ['pass', ' passing']].forEach(function (k) {
      var e = document.querySelector('[data-count="' + k[0] + '"]');
      if (e) {
        e.textContent = n[k[0]] + k[1];
      }
    });
  }

  function setTime(cell, iso) { // a change just streamed happened now (by the server's clock, which may differ)
    if (!cell) {
      return;
    }
    var t = document.createElement('time');
    t.setAttribute('datetime', iso);
    t.setAttribute('title', iso);
    t.setAttribute('data-age', '0');
    t.setAttribute('data-at', String(Date.now()));
    t.textContent = age(0);
    cell.replaceChildren(t);
  }

  // (1) A check's change, applied to its row at once.
  function applyCheck(change, started) {
    var row = rowOf(change.name);
    if (!row || !WORDS[change.to]) {
      return refresh();
    }
    row.setAttribute('data-status', change.to);
    var status = row.querySelector('span.status');
    status.className = 'status s-' + change.to;
    status.setAttribute('data-status', change.to);
    status.textContent = WORDS[change.to];
    var output = row.querySelector('.output .text');
    if (output) {
      output.textContent = change.output || '';
    }
    setTime(row.querySelector('td.since'), change.timestamp);
    setTime(row.querySelector('td.changed'), change.timestamp);
    row.classList.add('changed-now');
    place(row);
    counts();
    record('check', started);
    want(change.name);
  }

  function applyOverall(change, started) {
    if (!WORDS[change.to]) {
      return;
    }
    document.title = change.to + ' · Vitals';
    var outcome = document.querySelector('.outcome');
    if (outcome) {
      outcome.className = 'outcome s-' + change.to;
      outcome.setAttribute('data-outcome', change.to);
      outcome.textContent = WORDS[change.to];
    }
    record('overall', started);
  }

  // (2) The rows as the server renders them, a moment later, for several changes at once.
  function want(name) {
    if (!pending[name]) {
      pending[name] = true;
      pendingCount++;
    }
    if (!partsTimer) {
      partsTimer = setTimeout(parts, 250);
    }
  }

  function parts() {
    partsTimer = null;
    var names = Object.keys(pending);
    pending = {};
    pendingCount = 0;
    if (names.length === 0) {
      return;
    }
    if (names.length > MAX_PARTS) {
      return refresh();
    }
    var query = names.map(function (n) { return 'check=' + encodeURIComponent(n); }).join('&');
    fetch(base + '/ui/parts?window=' + encodeURIComponent(windowKey()) + '&' + query,
      {cache: 'no-store', headers: {'Accept': 'text/html'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var started = performance.now();
        var next = new DOMParser().parseFromString(html, 'text/html');
        var header = next.getElementById('summary');
        if (header && document.getElementById('summary')) {
          document.getElementById('summary').replaceWith(stamp(document.adoptNode(header)));
        }
        var alerts = next.querySelector('section.alerts');
        var shown = document.querySelector('#dashboard > section.alerts');
        if (alerts && shown) {
          shown.replaceWith(stamp(document.adoptNode(alerts)));
        } else if (alerts && !alerts.hidden) {
          document.getElementById('summary').after(stamp(document.adoptNode(alerts)));
        }
        next.querySelectorAll('tr[data-check]').forEach(function (fresh) {
          var row = rowOf(fresh.getAttribute('data-check'));
          if (row) {
            var focused = document.activeElement === row;
            fresh = stamp(document.adoptNode(fresh));
            row.replaceWith(fresh);
            place(fresh);
            if (focused) {
              fresh.focus();
            }
          }
        });
        counts();
        record('parts', started);
      })
      .catch(function () { /* the next event or reconnection tries again */ });
  }

  // (3) The whole dashboard, swapped in place.
  function refresh(url) {
    if (fetching) {
      again = url || again || true; // a toggle asked for meanwhile is kept
      return;
    }
    fetching = true;
    var target = url || base + '/ui?window=' + encodeURIComponent(windowKey());
    fetch(target, {cache: 'no-store', headers: {'Accept': 'text/html'}})
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var started = performance.now();
        var next = new DOMParser().parseFromString(html, 'text/html');
        var fresh = next.getElementById('dashboard');
        if (fresh) {
          var focused = document.activeElement && document.activeElement.getAttribute('data-check');
          document.getElementById('dashboard').replaceWith(document.adoptNode(fresh));
          document.title = next.title;
          root.setAttribute('data-window', next.documentElement.getAttribute('data-window') || '24h');
          loaded = Date.now();
          if (url) {
            history.replaceState(null, '', url);
          }
          if (focused) {
            var row = rowOf(focused);
            if (row) {
              row.focus();
            }
          }
          tick();
          record('page', started);
        }
      })
      .catch(function () { /* the next event or reconnection tries again */ })
      .then(function () {
        fetching = false;
        if (again) {
          var next = again;
          again = false;
          refresh(typeof next === 'string' ? next : undefined);
        }
      });
  }

  // (4) The fleet panel, when there is one: asked for every 5 s, swapped only when its version changed.
  function fleet() {
    var panel = document.getElementById('fleet');
    if (!panel) {
      return;
    }
    fetch(base + '/ui/fleet?window=' + encodeURIComponent(windowKey()) + '&v='
      + encodeURIComponent(panel.getAttribute('data-version') || ''), {cache: 'no-store'})
      .then(function (response) {
        return response.status === 200 ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var started = performance.now();
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('fleet');
        var now = document.getElementById('fleet');
        if (fresh && now) {
          now.querySelectorAll('details[open]').forEach(function (d) {
            var same = fresh.querySelector('details.' + d.className.split(' ')[0]);
            if (same) {
              same.open = true;
            }
          });
          now.replaceWith(stamp(document.adoptNode(fresh)));
          record('fleet', started);
        }
      })
      .catch(function () { /* asked again in 5 s */ });
  }

  function onMessage(event) {
    var started = performance.now();
    var change;
    try {
      change = JSON.parse(event.data);
    } catch (e) {
      return refresh();
    }
    if (change.kind === 'check') {
      applyCheck(change, started);
    } else if (change.kind === 'overall') {
      applyOverall(change, started);
    } else if (change.kind === 'flapping') {
      want(change.name);
    } else {
      refresh();
    }
  }

  // Keys: arrows (and j/k) move between rows, Home/End to the first and last; Enter on a row opens its check.
  document.addEventListener('keydown', function (event) {
    var row = event.target;
    if (!row || row.tagName !== 'TR' || !row.hasAttribute('data-check') || event.altKey || event.ctrlKey
      || event.metaKey) {
      return;
    }
    var to = null;
    if (event.key === 'ArrowDown' || event.key === 'j') {
      to = row.nextElementSibling;
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      to = row.previousElementSibling;
    } else if (event.key === 'Home') {
      to = row.parentNode.firstElementChild;
    } else if (event.key === 'End') {
      to = row.parentNode.lastElementChild;
    } else if (event.key === 'Enter') {
      var link = row.querySelector('a[href]');
      if (link) {
        link.click();
        event.preventDefault();
      }
      return;
    }
    if (to) {
      to.focus();
      event.preventDefault();
    }
  });

  // The timeline toggle: a plain link without the script; with it, the dashboard is swapped in place.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-window]');
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
      event.preventDefault();
      refresh(link.getAttribute('href'));
    }
  });

  if (window.EventSource) {
    // The first connection resumes after the page's newest event (the server replays what came since); a
    // reconnection sends Last-Event-ID by itself, but the server may have restarted meanwhile: the whole
    // dashboard is read again then.
    var opened = false;
    var source = new EventSource(base + '/events?lastEventId='
      + encodeURIComponent(root.getAttribute('data-event-id') || '0'));
    source.onmessage = onMessage;
    source.onopen = function () {
      if (opened) {
        refresh();
      }
      opened = true;
      root.setAttribute('data-live', 'on');
    };
    source.onerror = function () {
      root.setAttribute('data-live', 'off');
    };
  }
  setInterval(tick, 1000);
  setInterval(fleet, 5000);
  // A flapping check's changes are not streamed while it flaps: its row is asked for every 30 s.
  setInterval(function () {
    document.querySelectorAll('table.checks tbody tr[data-check] [data-flapping]').forEach(function (mark) {
      want(mark.closest('tr').getAttribute('data-check'));
    });
  }, 30000);
}());
