// Progressive enhancement for panels that update themselves: the panel's sections are fetched again (a 304
// answers while nothing changed) and only what changed is replaced, so that keyboard focus, the scroll position
// and a half-filled form stay as they were; a change of status is announced to screen readers once. Without
// JavaScript the page works the same, and reloading shows the news.
(function () {
  'use strict';

  var panel = document.getElementById('panel');
  var announcer = document.getElementById('panel-announcer');
  if (!panel || !window.fetch || !window.DOMParser) {
    return;
  }
  var etag = '';
  // What each keyed part looked like as the server last sent it: a part is replaced only when that changes.
  var sent = {};

  // A part as the server renders it for the live update: without the field errors that the answer to a
  // refused form adds, so that they stay on screen until the part itself changes.
  function plain(node) {
    var copy = node.cloneNode(true);
    copy.querySelectorAll('.error').forEach(function (error) { error.remove(); });
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll('[aria-invalid], .invalid'))).forEach(function (n) {
      n.removeAttribute('aria-invalid');
      if (/^e-/.test(n.getAttribute('aria-describedby') || '')) {
        n.removeAttribute('aria-describedby');
      }
      n.classList.remove('invalid');
      if (n.getAttribute('class') === '') {
        n.removeAttribute('class');
      }
    });
    return copy.outerHTML;
  }

  function snapshot(root) {
    var parts = {};
    root.querySelectorAll('[data-key]').forEach(function (node) {
      parts[node.getAttribute('data-key')] = plain(node);
    });
    return parts;
  }

  function children(root) {
    return Array.prototype.filter.call(root.children, function (node) {
      return node.hasAttribute('data-key');
    });
  }

  function keyed(root, key) {
    return root.querySelector('[data-key="' + key.replace(/"/g, '\\"') + '"]');
  }

  function hiddenValues(section) {
    return Array.prototype.map.call(section.querySelectorAll('input[type=hidden][data-key]'), function (input) {
      return input.outerHTML;
    }).join('');
  }

  function componentKeys(section) {
    return Array.prototype.map.call(section.querySelectorAll('[data-key]'), function (node) {
      return node.getAttribute('data-key');
    }).join(' ');
  }

  function text(node) {
    return node.textContent.replace(/\s+/g, ' ').trim();
  }

  // The focused element, told by its part and its id or name, so that it can be found again after a change.
  function focusMark() {
    var active = document.activeElement;
    if (!active || !panel.contains(active)) {
      return null;
    }
    var part = active.closest('[data-key]');
    return {part: part ? part.getAttribute('data-key') : null, id: active.id, name: active.getAttribute('name')};
  }

  function restoreFocus(mark) {
    if (!mark || panel.contains(document.activeElement)) {
      return;
    }
    var target = (mark.id && document.getElementById(mark.id))
      || (mark.part && keyed(panel, mark.part)) || null;
    if (target && target.name === undefined && mark.name) {
      target = target.querySelector('[name="' + mark.name + '"]') || target;
    }
    if (target) {
      if (!target.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
        target.setAttribute('tabindex', '-1');
      }
      target.focus({preventScroll: true});
    }
  }

  // What the reader looks at, and where it stands on screen: the focused element, or else the part in the
  // middle of the screen; after a change above it, the page scrolls so that it stays put.
  function scrollAnchor() {
    var active = document.activeElement;
    var node = active && panel.contains(active) ? active
      : document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
    if (!node || !panel.contains(node)) {
      return null;
    }
    var part = node.closest('[data-key]');
    return {node: node, key: part ? part.getAttribute('data-key') : null, top: node.getBoundingClientRect().top};
  }

  function keepStill(anchor) {
    if (!anchor) {
      return;
    }
    var node = document.contains(anchor.node) ? anchor.node : (anchor.key && keyed(panel, anchor.key));
    if (node) {
      window.scrollBy(0, node.getBoundingClientRect().top - anchor.top);
    }
  }

  function merge(fresh) {
    var arrived = snapshot(fresh);
    var changes = [];
    var mark = focusMark();
    var anchor = scrollAnchor();
    var wanted = children(fresh);
    var keys = wanted.map(function (node) { return node.getAttribute('data-key'); });
    children(panel).forEach(function (node) {
      if (keys.indexOf(node.getAttribute('data-key')) < 0) {
        node.remove();
      }
    });
    var previous = null;
    wanted.forEach(function (section) {
      var key = section.getAttribute('data-key');
      var current = keyed(panel, key);
      if (!current) {
        current = section.cloneNode(true);
        changes.push(section);
      } else if (sent[key] !== arrived[key]) {
        var sameShape = componentKeys(current) === componentKeys(section)
          && hiddenValues(current) === hiddenValues(section);
        if (sameShape) {
          // The same parts with the same hidden values: replace only the parts that changed.
          section.querySelectorAll('[data-key]').forEach(function (part) {
            var partKey = part.getAttribute('data-key');
            if (sent[partKey] !== arrived[partKey]) {
              var old = keyed(current, partKey);
              if (old) {
                old.replaceWith(part.cloneNode(true));
                changes.push(part);
              }
            }
          });
        } else {
          // What the form was filled in for has changed (such as the terms' version): it starts afresh.
          var replacement = section.cloneNode(true);
          current.replaceWith(replacement);
          current = replacement;
          changes.push(section);
        }
      }
      var place = previous ? previous.nextElementSibling : panel.firstElementChild;
      while (place && !place.hasAttribute('data-key') && place !== current) {
        place = place.nextElementSibling; // messages above the sections stay first
      }
      if (place !== current) {
        panel.insertBefore(current, place);
      }
      previous = current;
    });
    sent = arrived;
    restoreFocus(mark);
    keepStill(anchor);
    return changes;
  }

  // What each status badge said when the page last spoke: a status is announced when its badge changes, not
  // when only the detail under the same badge does (a detail such as a last-contact time moves on every minute).
  var badges = {};

  function badge(status) {
    var shown = status.querySelector('.badge');
    return shown ? text(shown) : text(status);
  }

  function statusesIn(node) {
    return node.hasAttribute('data-status') ? [node]
      : Array.prototype.slice.call(node.querySelectorAll('[data-status]'));
  }

  function announce(changes) {
    var said = [];
    changes.forEach(function (node) {
      statusesIn(node).forEach(function (status) {
        var key = status.getAttribute('data-key');
        var now = badge(status);
        if (badges[key] !== now) {
          said.push(text(status));
        }
        badges[key] = now;
      });
    });
    if (said.length > 0) {
      var flash = document.getElementById('flash');
      if (flash) {
        flash.remove(); // it spoke of the state before this change
      }
      if (announcer) {
        announcer.textContent = said.join(' ');
      }
    }
  }

  function schedule(seconds) {
    if (seconds > 0) {
      window.setTimeout(update, seconds * 1000);
    }
  }

  function update() {
    var headers = {'Accept': 'text/html'};
    if (etag) {
      headers['If-None-Match'] = etag;
    }
    fetch(panel.getAttribute('data-live'), {credentials: 'same-origin', cache: 'no-cache', headers: headers})
      .then(function (response) {
        var next = parseInt(response.headers.get('X-Refresh-Seconds') || '0', 10);
        if (response.status === 304) {
          return {next: next};
        }
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        etag = response.headers.get('ETag') || '';
        return response.text().then(function (html) {
          return {html: html, next: next};
        });
      })
      .then(function (result) {
        if (result.html !== undefined) {
          var fresh = new DOMParser().parseFromString('<div>' + result.html + '</div>', 'text/html').body.firstChild;
          announce(merge(fresh));
          panel.setAttribute('data-refresh', String(result.next));
        }
        schedule(result.next);
      })
      .catch(function () {
        schedule(30); // the console may be restarting: try again later
      });
  }

  sent = snapshot(panel);
  statusesIn(panel).forEach(function (status) {
    badges[status.getAttribute('data-key')] = badge(status);
  });
  schedule(parseInt(panel.getAttribute('data-refresh') || '0', 10));
}());
