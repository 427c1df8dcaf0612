// Vitals dashboard: live from <base>/events without reloading. The server renders everything; on each event the
// page fetches its own HTML again and swaps the dashboard in, so the script knows nothing of the layout.
(function () {
  'use strict';
  var base = document.documentElement.getAttribute('data-base') || '';
  var loaded = Date.now();
  var fetching = false;
  var again = false;
  var updates = 0;

  function age(ms) {
    var s = Math.floor(ms / 1000);
    return s < 120 ? s + ' s ago' : s < 7200 ? Math.floor(s / 60) + ' min ago' : Math.floor(s / 3600) + ' h ago';
  }

  function tick() {
    var elapsed = Date.now() - loaded;
    document.querySelectorAll('time[data-age]').forEach(function (t) {
      t.textContent = age(Number(t.getAttribute('data-age')) + elapsed);
    });
  }

  function refresh() {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    fetch(base + '/ui', {cache: 'no-store', headers: {'Accept': 'text/html'}})
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html');
        var fresh = next.getElementById('dashboard');
        if (fresh) {
          document.getElementById('dashboard').replaceWith(document.adoptNode(fresh));
          document.title = next.title;
          document.documentElement.setAttribute('data-updates', ++updates);
          loaded = Date.now();
          tick();
        }
      })
      .catch(function () { /* the next event or reconnection tries again */ })
      .then(function () {
        fetching = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  if (window.EventSource) {
    var source = new EventSource(base + '/events');
    source.onmessage = refresh;
    source.onopen = refresh; // after a reconnection, whatever was missed
  }
  setInterval(tick, 1000);
}());
