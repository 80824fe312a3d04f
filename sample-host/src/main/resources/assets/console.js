// Progressive enhancement for panels whose state is about to change (a registration awaiting the vendor):
// the panel's sections are fetched again and swapped in without a full reload, and a change of status is
// announced to screen readers. Without JavaScript the page works the same, and reloading shows the news.
(function () {
  'use strict';

  var panel = document.getElementById('panel');
  var announcer = document.getElementById('panel-announcer');
  if (!panel || !window.fetch || !window.DOMParser) {
    return;
  }

  function statusText(root) {
    var parts = [];
    root.querySelectorAll('[role="status"]').forEach(function (node) {
      parts.push(node.textContent.replace(/\s+/g, ' ').trim());
    });
    return parts.join(' ');
  }

  function busy() {
    // Never replace a form the user is filling in.
    var active = document.activeElement;
    return active && panel.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName);
  }

  function schedule(seconds) {
    if (seconds > 0) {
      window.setTimeout(update, seconds * 1000);
    }
  }

  function update() {
    if (busy()) {
      schedule(5);
      return;
    }
    fetch(panel.getAttribute('data-live'), {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        var next = parseInt(response.headers.get('X-Refresh-Seconds') || '0', 10);
        return response.text().then(function (html) {
          return {html: html, next: next};
        });
      })
      .then(function (result) {
        var fresh = new DOMParser().parseFromString(result.html, 'text/html').body;
        var before = statusText(panel);
        var after = statusText(fresh);
        panel.replaceChildren.apply(panel, Array.prototype.slice.call(fresh.childNodes));
        panel.setAttribute('data-refresh', String(result.next));
        if (after !== before) {
          var flash = document.getElementById('flash');
          if (flash) {
            flash.remove(); // it spoke of the state before this change
          }
          if (announcer) {
            announcer.textContent = after;
          }
        }
        schedule(result.next);
      })
      .catch(function () {
        schedule(30); // the console may be restarting: try again later
      });
  }

  schedule(parseInt(panel.getAttribute('data-refresh') || '0', 10));
}());
