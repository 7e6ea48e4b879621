// Triangulate report.html: draws every view from the JSON data block. Article text is hostile:
// it is only ever shown with textContent, never parsed as markup; links are only '#' routes.
(function () {
  'use strict';
  var app = document.getElementById('app');
  var SVG = 'http://www.w3.org/2000/svg';
  var PAGE = 50;
  var COLS = 20; // sources per page of claims-matrix columns
  var GRAPH_MAX = 40; // the derivation graph draws at most this many articles
  var LABELS_MAX = 60; // beyond this many edges, edge labels go into the tooltips only
  var FRAMING_PAGE = 20; // sources per page of one actor's framing table
  var CELL_MAX = 10; // links shown in one cell or card row before '+N more'
  // The page served by 'triangulate serve' carries this marker; report.html does not and makes no request.
  var APP = !!document.querySelector('meta[name="triangulate-app"]');
  var D, ARTICLES, ENTITIES, STORIES, QUOTES, STORY_OF, CONTESTED, NAMES;
  function load(data) {
    D = data;
    ARTICLES = {}; ENTITIES = {}; STORIES = {}; QUOTES = {}; STORY_OF = {}; CONTESTED = {};
    D.articles.forEach(function (a) {
      ARTICLES[a.id] = a;
      (a.quotes || []).forEach(function (q) { QUOTES[q.id] = { article: a.id, span: q.span, speaker: q.speaker }; });
    });
    D.entities.forEach(function (e) { ENTITIES[e.id] = e; });
    D.stories.forEach(function (s) {
      STORIES[s.id] = s;
      s.articles.forEach(function (id) { STORY_OF[id] = s.id; });
    });
    // Each article by its label; a label two articles of a story share is followed by the id (as
    // the explanations name them).
    NAMES = {};
    D.stories.forEach(function (s) {
      var uses = {};
      s.articles.forEach(function (id) { var l = label(id); uses[l] = (uses[l] || 0) + 1; });
      s.articles.forEach(function (id) {
        var l = label(id);
        NAMES[id] = uses[l] > 1 && l !== id ? l + ' (' + id + ')' : l;
      });
    });
  }
  function label(id) {
    var a = ARTICLES[id];
    return a ? a.label || a.outlet || id : id;
  }
  load(JSON.parse(document.getElementById('data').textContent));
  var STATUS_ORDER = { 'contested': 0, 'single-source': 1, 'corroborated': 2 };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function route(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      if (params[k] !== undefined && params[k] !== null) {
        parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(String(params[k])));
      }
    });
    return '#' + parts.join('&');
  }
  function link(params, text, cls) {
    var a = el('a', cls, text);
    a.href = route(params);
    if (params.article && !params.story) { a.title = params.article; } // the id, on hover
    return a;
  }
  function spanLink(article, span, text) {
    return link({ article: article, span: span[0] + '-' + span[1] }, text);
  }
  function excerpt(article, span) {
    var a = ARTICLES[article];
    return a ? a.text.slice(span[0], span[1]) : '';
  }
  function outlet(id) {
    return NAMES[id] || label(id);
  }
  function entityName(id) {
    if (!id) { return ''; }
    return ENTITIES[id] ? ENTITIES[id].name : id;
  }
  function plural(n, word) {
    return n + ' ' + (n === 1 ? word : word === 'story' ? 'stories' : word + 's');
  }
  function badge(status) { return el('span', 'badge b-' + status, status); }
  function h(tag, text) { return el(tag, null, text); }
  function words(text) {
    var m = text.match(/[^\s]+/g);
    return m ? m.length : 0;
  }
  function table(headers, cls) {
    var t = el('table', cls);
    var tr = el('tr');
    headers.forEach(function (x) {
      var th = el('th', x && x.num ? 'num' : null, x && x.text !== undefined ? x.text : x);
      tr.appendChild(th);
    });
    var thead = el('thead');
    thead.appendChild(tr);
    t.appendChild(thead);
    var tbody = el('tbody');
    t.appendChild(tbody);
    return { table: t, body: tbody };
  }
  function td(content, cls) {
    var c = el('td', cls);
    if (content instanceof Node) { c.appendChild(content); } else if (content !== undefined && content !== null) { c.textContent = String(content); }
    return c;
  }
  // Fills nav with Previous/Next buttons and 'page i of n (total)' when there is more than one page.
  function pagerNav(nav, page, total, size, go, what) {
    nav.textContent = '';
    var pages = Math.max(1, Math.ceil(total / size));
    if (pages <= 1) { return; }
    var prev = el('button', null, 'Previous');
    prev.type = 'button';
    prev.disabled = page === 0;
    prev.addEventListener('click', function () { go(page - 1); });
    var next = el('button', null, 'Next');
    next.type = 'button';
    next.disabled = page >= pages - 1;
    next.addEventListener('click', function () { go(page + 1); });
    nav.appendChild(prev);
    nav.appendChild(next);
    nav.appendChild(el('span', 'muted', (what ? what + ' ' : '') + 'page ' + (page + 1) + ' of ' + pages + ' (' + total + ')'));
  }
  // Shows items one page at a time in host (a tbody or a div), with its buttons in nav.
  function pager(host, nav, items, size, render) {
    function draw(page) {
      host.textContent = '';
      items.slice(page * size, (page + 1) * size).forEach(function (item) { host.appendChild(render(item)); });
      pagerNav(nav, page, items.length, size, draw);
    }
    draw(0);
  }
  // A 'and N more' note for lists cut at CELL_MAX.
  function more(n) { return el('span', 'muted', ' +' + n + ' more'); }
  // Text with marks: marks are {b, e, cls, title, data}; overlapping marks nest by splitting the text.
  function markedText(text, marks) {
    var cuts = [0, text.length];
    marks.forEach(function (m) { cuts.push(m.b, m.e); });
    cuts = cuts.filter(function (x) { return x >= 0 && x <= text.length; });
    cuts.sort(function (x, y) { return x - y; });
    var box = el('div', 'text');
    var firsts = {};
    for (var i = 0; i + 1 < cuts.length; i++) {
      var b = cuts[i], e = cuts[i + 1];
      if (b === e) { continue; }
      var on = marks.filter(function (m) { return m.b <= b && m.e >= e; });
      if (on.length === 0) { box.appendChild(document.createTextNode(text.slice(b, e))); continue; }
      var s = el('span', on.map(function (m) { return m.cls; }).join(' '), text.slice(b, e));
      var titles = on.map(function (m) { return m.title; }).filter(Boolean);
      if (titles.length) { s.title = titles.join('; '); }
      on.forEach(function (m) {
        if (m.data !== undefined) {
          s.setAttribute('data-link', String(m.data));
          if (!firsts[m.data]) { firsts[m.data] = s; s.setAttribute('data-first', '1'); }
        }
      });
      box.appendChild(s);
    }
    return box;
  }

  // ---- story list ----
  function contested(s) {
    if (!(s.id in CONTESTED)) { CONTESTED[s.id] = s.claims.filter(function (c) { return c.status === 'contested'; }).length; }
    return CONTESTED[s.id];
  }
  function viewList(p) {
    var sort = p.get('sort') || 'size';
    app.appendChild(h('h1', 'Stories'));
    var sm = D.summary;
    app.appendChild(el('p', 'muted', plural(sm.articles, 'article') + ' in ' + plural(sm.stories, 'story') + ' from '
      + plural(sm.inputs, 'input') + '; ' + plural(sm.problems, 'problem') + ' (' + sm.rejected + ' rejected).'));
    if (APP) {
      app.appendChild(changesBox());
      app.appendChild(searchBox());
    }
    var controls = el('div', 'controls');
    var label = el('label', null, 'Sort by ');
    var select = el('select');
    [['size', 'size'], ['date', 'date (newest first)'], ['contested', 'contested claims'], ['title', 'title']].forEach(function (o) {
      var opt = el('option', null, o[1]);
      opt.value = o[0];
      opt.selected = o[0] === sort;
      select.appendChild(opt);
    });
    select.addEventListener('change', function () { location.hash = route({ sort: select.value }); });
    label.appendChild(select);
    controls.appendChild(label);
    app.appendChild(controls);
    var stories = D.stories.slice();
    var key = {
      size: function (a, b) { return b.articles.length - a.articles.length; },
      date: function (a, b) { return (b.last || '').localeCompare(a.last || ''); },
      contested: function (a, b) { return contested(b) - contested(a); },
      title: function (a, b) { return a.title.localeCompare(b.title); }
    }[sort] || function () { return 0; };
    stories.sort(function (a, b) { return key(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
    var t = table(['Story', { text: 'Articles', num: true }, 'Dates', { text: 'Claims', num: true }, { text: 'Contested', num: true }]);
    app.appendChild(t.table);
    var nav = el('div', 'pager');
    app.appendChild(nav);
    pager(t.body, nav, stories, PAGE, function (s) {
      var tr = el('tr');
      var first = td(link({ story: s.id }, s.title || s.id));
      if (APP) {
        tr.setAttribute('data-story', s.id);
        storyMarks(first, s.id);
      }
      tr.appendChild(first);
      tr.appendChild(td(s.articles.length, 'num'));
      tr.appendChild(td((s.first || '?') + (s.last && s.last !== s.first ? ' – ' + s.last : '')));
      tr.appendChild(td(s.claims.length, 'num'));
      tr.appendChild(td(contested(s), 'num'));
      return tr;
    });
    if (APP) { app.appendChild(addForm()); }
    if (D.problems.length) {
      app.appendChild(h('h2', 'Problems'));
      var pt = table(['Source', 'Where', 'Stage', 'Severity', 'Message']);
      app.appendChild(pt.table);
      var pnav = el('div', 'pager');
      app.appendChild(pnav);
      pager(pt.body, pnav, D.problems, PAGE, function (x) {
        var tr = el('tr');
        [x.source, x.location, x.stage, x.severity, x.message].forEach(function (v) { tr.appendChild(td(v)); });
        return tr;
      });
    }
  }
  // ---- add an article (the served app only) ----
  var RESULT = null; // the outcome of the last submission: {ok, lines: [[text, route or null], ...]}
  function addForm() {
    var sec = el('section', 'add');
    sec.id = 'add';
    sec.appendChild(h('h2', 'Add an article'));
    sec.appendChild(el('p', 'muted', 'Paste an article (with an optional headline) or pick a file in any format the analysis reads; it joins the corpus and the stories are worked out again.'));
    var form = el('form');
    form.noValidate = true;
    var title = el('input');
    title.type = 'text';
    title.name = 'title';
    title.placeholder = 'Headline (optional)';
    var text = el('textarea');
    text.name = 'text';
    text.rows = 8;
    text.placeholder = 'Article text';
    var file = el('input');
    file.type = 'file';
    file.name = 'file';
    var fileLabel = el('label', null, 'or a file: ');
    fileLabel.appendChild(file);
    var submit = el('button', null, 'Add');
    submit.type = 'submit';
    [title, text, fileLabel, submit].forEach(function (x) {
      var row = el('div', 'controls');
      row.appendChild(x);
      form.appendChild(row);
    });
    var out = el('div', 'add-result');
    out.setAttribute('role', 'status');
    showResult(out);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var f = file.files && file.files.length ? file.files[0] : null;
      var req;
      if (f) {
        var body = new FormData();
        body.append('file', f, f.name);
        req = fetch('/api/articles', { method: 'POST', body: body, credentials: 'same-origin' });
      } else if (text.value.trim()) {
        var t = title.value.trim();
        req = fetch('/api/articles' + (t ? '?title=' + encodeURIComponent(t) : ''), {
          method: 'POST', body: text.value, credentials: 'same-origin',
          headers: { 'Content-Type': 'text/plain; charset=utf-8' }
        });
      } else {
        RESULT = { ok: false, lines: [['Paste a text or pick a file first.', null]] };
        showResult(out);
        return;
      }
      submit.disabled = true;
      RESULT = { ok: true, lines: [['Adding…', null]] };
      showResult(out);
      req.then(function (r) {
        return r.json().then(function (body) { return { status: r.status, body: body }; }, function () { return { status: r.status, body: {} }; });
      }).then(function (r) {
        if (r.status !== 200 && r.status !== 201) {
          RESULT = { ok: false, lines: [['Not added (' + r.status + '): ' + (r.body.error || 'the server gave no reason'), null]] };
          submit.disabled = false;
          showResult(out);
          return null;
        }
        var lines = [[r.status === 201 ? 'Added ' + plural(r.body.articles.length, 'article') + '.' : 'This article was added before.', null]];
        return fetch('/api/report', { credentials: 'same-origin' }).then(function (x) {
          if (!x.ok) { throw new Error('the report could not be fetched (' + x.status + ')'); }
          return x.json();
        }).then(function (data) {
          load(data);
          r.body.articles.forEach(function (a) {
            lines.push(['Article ' + a.id, route({ article: a.id })]);
            a.stories.forEach(function (sid) {
              lines.push(['in story: ' + ((STORIES[sid] && STORIES[sid].title) || sid), route({ story: sid })]);
            });
          });
          (r.body.problems || []).forEach(function (p) { lines.push([p.severity + ': ' + p.message + ' (' + p.location + ')', null]); });
          RESULT = { ok: true, lines: lines };
          // A new article is a change the reader made, not one to show as unseen: note it first.
          var ids = r.body.articles.map(function (a) { return a.id; });
          return (r.status === 201 ? ownAddition(ids) : Promise.resolve()).then(render);
        });
      }).catch(function (e) {
        RESULT = { ok: false, lines: [['Not added: ' + (e && e.message ? e.message : String(e)), null]] };
        submit.disabled = false;
        showResult(out);
      });
    });
    sec.appendChild(form);
    sec.appendChild(out);
    return sec;
  }
  function showResult(out) {
    out.textContent = '';
    if (!RESULT) { return; }
    out.className = 'add-result' + (RESULT.ok ? '' : ' error');
    RESULT.lines.forEach(function (x) {
      var p = el('p');
      if (x[1]) { var a = el('a', null, x[0]); a.href = x[1]; p.appendChild(a); } else { p.textContent = x[0]; }
      out.appendChild(p);
    });
  }

  // ---- search (the served app only) ----
  var SEARCH_LIMIT = 50;
  // The last search, kept across redraws so that going back to the list shows it again:
  // {query, busy, hits: [...] or null, error: text or null}.
  var SEARCH = null;
  var searchSeq = 0; // only the answer to the latest search is shown
  function searchBox() {
    var sec = el('section', 'search');
    sec.id = 'search';
    sec.setAttribute('role', 'search');
    var form = el('form');
    var label = el('label', null, 'Search articles, claims, quotes and names');
    label.htmlFor = 'search-q';
    var input = el('input');
    input.type = 'search';
    input.id = 'search-q';
    input.name = 'q';
    input.autocomplete = 'off';
    input.value = SEARCH ? SEARCH.query : '';
    var go = el('button', null, 'Search');
    go.type = 'submit';
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(go);
    var status = el('p', 'search-status muted');
    status.setAttribute('role', 'status');
    var list = el('ol', 'search-results');
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var q = input.value.trim();
      var seq = ++searchSeq;
      if (!q) { SEARCH = null; showSearch(); return; }
      SEARCH = { query: q, busy: true, hits: null, error: null };
      showSearch();
      fetch('/api/search?q=' + encodeURIComponent(q) + '&limit=' + SEARCH_LIMIT, { credentials: 'same-origin' })
        .then(jsonOf)
        .then(function (body) {
          if (seq !== searchSeq) { return; }
          SEARCH = { query: q, busy: false, hits: Array.isArray(body.hits) ? body.hits : [], error: null };
          showSearch();
        }).catch(function (e) {
          if (seq !== searchSeq) { return; }
          SEARCH = { query: q, busy: false, hits: null, error: e && e.message ? e.message : String(e) };
          showSearch();
        });
    });
    sec.appendChild(form);
    sec.appendChild(status);
    sec.appendChild(list);
    showSearch(status, list);
    return sec;
  }
  // Draws SEARCH into the search box of the view shown now, if it has one.
  function showSearch(status, list) {
    status = status || document.querySelector('#search .search-status');
    list = list || document.querySelector('#search .search-results');
    if (!status || !list) { return; }
    list.textContent = '';
    status.className = 'search-status muted';
    if (!SEARCH) { status.textContent = ''; return; }
    var q = '“' + SEARCH.query + '”';
    if (SEARCH.busy) { status.textContent = 'Searching for ' + q + '…'; return; }
    if (SEARCH.error !== null) {
      status.className = 'search-status error';
      status.textContent = 'The search for ' + q + ' failed: ' + SEARCH.error;
      return;
    }
    var n = SEARCH.hits.length;
    status.textContent = n === 0 ? 'No results for ' + q + '.'
      : plural(n, 'result') + ' for ' + q + (n >= SEARCH_LIMIT ? ' (the best ' + SEARCH_LIMIT + ')' : '') + '.';
    SEARCH.hits.forEach(function (hit) { list.appendChild(searchHit(hit)); });
  }
  function searchHit(hit) {
    var li = el('li', 'search-hit');
    li.appendChild(el('span', 'badge b-kind', hit.kind));
    var to = hitRoute(hit), name = hitName(hit);
    if (to) { var a = el('a', null, name); a.href = to; li.appendChild(a); } else { li.appendChild(el('strong', null, name)); }
    li.appendChild(snippet(String(hit.snippet || ''), hit.marks));
    return li;
  }
  // '#article=ID&span=B-E' for a hit in an article's words; an article matched elsewhere (its
  // title) opens the article; else the story; an entity outside any story links nowhere.
  function hitRoute(hit) {
    var sp = hit.span;
    if (hit.article && Array.isArray(sp) && sp.length === 2 && typeof sp[0] === 'number' && typeof sp[1] === 'number') {
      return route({ article: hit.article, span: sp[0] + '-' + sp[1] });
    }
    if (hit.kind === 'article' && hit.article) { return route({ article: hit.article }); }
    if (hit.story) { return route({ story: hit.story }); }
    return null;
  }
  function hitName(hit) {
    var story = hit.story && STORIES[hit.story];
    var storyName = story ? story.title || story.id : hit.story;
    if (hit.kind === 'article') { return (ARTICLES[hit.article] && ARTICLES[hit.article].title) || outlet(hit.article || hit.id); }
    if (hit.kind === 'quote') { return 'Quote in ' + outlet(hit.article || hit.id); }
    if (hit.kind === 'claim') { return 'Claim in ' + (storyName || hit.id); }
    if (hit.kind === 'entity') { return entityName(hit.id) + (storyName ? ' in ' + storyName : ''); }
    return String(hit.id);
  }
  // The snippet as text, its marked words in <mark> elements; marks out of order, overlapping
  // or outside the text are skipped.
  function snippet(text, marks) {
    var box = el('div', 'snippet');
    var at = 0;
    (Array.isArray(marks) ? marks : []).forEach(function (m) {
      if (!Array.isArray(m) || typeof m[0] !== 'number' || typeof m[1] !== 'number') { return; }
      var b = m[0], e = Math.min(m[1], text.length);
      if (b < at || b >= e) { return; }
      if (b > at) { box.appendChild(document.createTextNode(text.slice(at, b))); }
      box.appendChild(el('mark', null, text.slice(b, e)));
      at = e;
    });
    if (at < text.length) { box.appendChild(document.createTextNode(text.slice(at))); }
    return box;
  }
  // The JSON body of a response; rejects with the server's message when it is not a success.
  function jsonOf(r) {
    return r.json().then(function (body) {
      if (!r.ok) { throw new Error('(' + r.status + ') ' + (body && body.error ? body.error : 'the server gave no reason')); }
      return body;
    }, function () { throw new Error('(' + r.status + ') the answer is not JSON'); });
  }

  // ---- what changed since the reader's last visit (the served app only) ----
  // localStorage (one per origin) keeps SEEN_KEY, the last corpus generation the reader has seen,
  // and OWN_KEY, the generations after it that the reader's own additions made (never shown as
  // unseen). On a first visit (no SEEN_KEY) the current generation is stored and nothing is shown:
  // /api/changes?since=0&limit=0 answers it without any change. A stored generation above the
  // current one means another corpus (or a new one) is served at this origin: that is a first
  // visit too. Without localStorage the page shows nothing of this.
  var SEEN_KEY = 'triangulate.seen', OWN_KEY = 'triangulate.own';
  var CHANGES_PAGE = 100; // the most changes /api/changes returns at once
  var CHANGES_PAGES = 10; // a page asks for at most this many pages of changes; the feed has them all
  var KNOWN = null; // the corpus generation of the last /api/changes answer
  var PENDING = []; // the changes after the stored generation up to KNOWN, oldest first
  var MORE = false; // whether there are changes up to KNOWN beyond PENDING
  var CHANGES_ERROR = null;
  var UNSEEN = null; // what unseen() gave when the box was last drawn, for the rows of the story list
  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }
  function seenGeneration() {
    var v = stored(SEEN_KEY);
    return v !== null && /^\d+$/.test(v) ? parseInt(v, 10) : null;
  }
  function ownGenerations() {
    var v;
    try { v = JSON.parse(stored(OWN_KEY) || '[]'); } catch (e) { v = []; }
    return Array.isArray(v) ? v.filter(function (g) { return typeof g === 'number'; }) : [];
  }
  // Moves the stored generation past every change that is the reader's own: to KNOWN when all
  // of PENDING is, else to just before the first change someone else made (a generation without a
  // change, where nothing of note changed, has no entry). Forgets own generations at or below it.
  function settle() {
    var seen = seenGeneration();
    if (seen === null || KNOWN === null) { return; }
    var own = ownGenerations();
    var others = PENDING.filter(function (c) { return own.indexOf(c.generation) < 0; });
    var upTo = others.length ? others[0].generation - 1 : !MORE ? KNOWN : PENDING.length ? PENDING[PENDING.length - 1].generation : seen;
    if (upTo > seen) { seen = upTo; store(SEEN_KEY, String(seen)); }
    store(OWN_KEY, JSON.stringify(own.filter(function (g) { return g > seen; })));
    PENDING = PENDING.filter(function (c) { return c.generation > seen; });
  }
  // The changes after generation since, up to CHANGES_PAGES pages: {generation, changes, more}.
  function fetchChanges(since) {
    var all = [];
    function page(from, n) {
      return fetch('/api/changes?since=' + from, { credentials: 'same-origin' }).then(jsonOf).then(function (body) {
        if (typeof body.generation !== 'number' || !Array.isArray(body.changes)) { throw new Error('the answer has no generation'); }
        var cs = body.changes.filter(function (c) { return c && typeof c.generation === 'number' && c.generation > from; });
        all = all.concat(cs);
        var last = cs.length ? cs[cs.length - 1].generation : from;
        var more = body.changes.length >= CHANGES_PAGE && last < body.generation;
        if (more && n + 1 < CHANGES_PAGES) { return page(last, n + 1); }
        return { generation: body.generation, changes: all, more: more };
      });
    }
    return page(since, 0);
  }
  function checkChanges() {
    var seen = seenGeneration();
    var first = seen === null
      ? fetch('/api/changes?since=0&limit=0', { credentials: 'same-origin' }).then(jsonOf)
      : fetchChanges(seen);
    first.then(function (a) {
      if (typeof a.generation !== 'number') { throw new Error('the answer has no generation'); }
      KNOWN = a.generation;
      if (seen === null || a.generation < seen) {
        store(SEEN_KEY, String(a.generation));
        store(OWN_KEY, '[]');
        PENDING = [];
      } else {
        PENDING = a.changes;
        MORE = a.more;
        settle();
      }
      drawChanges();
    }).catch(function (e) {
      CHANGES_ERROR = e && e.message ? e.message : String(e);
      drawChanges();
    });
  }
  // After the reader added articles (ids): the changes that hold them are the reader's own. The
  // changes fetched with them that someone else made meanwhile join the unseen ones. Never rejects.
  function ownAddition(ids) {
    var since = KNOWN !== null ? KNOWN : seenGeneration();
    if (since === null) { return Promise.resolve(); } // the first visit's check stores the generation after the add
    return fetchChanges(since).then(function (a) {
      var own = ownGenerations();
      a.changes.forEach(function (c) {
        var added = c.change && Array.isArray(c.change.articles) ? c.change.articles : [];
        if (added.some(function (id) { return ids.indexOf(id) >= 0; }) && own.indexOf(c.generation) < 0) { own.push(c.generation); }
      });
      store(OWN_KEY, JSON.stringify(own));
      if (KNOWN === null) { KNOWN = since; }
      if (a.generation >= KNOWN) {
        PENDING = PENDING.concat(a.changes);
        MORE = MORE || a.more;
        KNOWN = a.generation;
      }
      settle();
    }).catch(function () { /* the next visit checks again */ });
  }
  function markSeen() {
    if (KNOWN === null) { return; }
    store(SEEN_KEY, String(KNOWN));
    store(OWN_KEY, '[]');
    PENDING = [];
    MORE = false;
    drawChanges();
  }
  // What PENDING (less the reader's own changes) amounts to: each story's marks (its id now, after
  // any merge) and the items in order, counted once per story and per claim.
  function unseen() {
    var own = ownGenerations();
    var alias = {};
    D.stories.forEach(function (s) { (s.aliases || []).forEach(function (a) { alias[a] = s.id; }); });
    function now(id) { return STORIES[id] ? id : alias[id] || null; }
    var out = { marks: {}, items: [], count: { fresh: {}, grown: {}, contested: {}, gained: {} } };
    function mark(id, what) {
      if (!id) { return; }
      var m = out.marks[id] = out.marks[id] || {};
      m[what] = true;
    }
    PENDING.forEach(function (c) {
      if (own.indexOf(c.generation) >= 0) { return; }
      var ch = c.change || {};
      var list = [];
      (ch.newStories || []).forEach(function (x) { list.push({ kind: 'fresh', x: x, story: x.id }); });
      (ch.grownStories || []).forEach(function (x) { list.push({ kind: 'grown', x: x, story: x.id }); });
      (ch.contested || []).forEach(function (x) { list.push({ kind: 'contested', x: x, story: x.story }); });
      (ch.gainedSources || []).forEach(function (x) { list.push({ kind: 'gained', x: x, story: x.story }); });
      var lines = Array.isArray(c.summary) && c.summary.length === list.length ? c.summary : null;
      list.forEach(function (item, i) {
        var sid = now(item.story);
        item.now = sid;
        item.line = lines ? String(lines[i]) : itemLine(item);
        item.generation = c.generation;
        var key = item.kind === 'fresh' || item.kind === 'grown' ? sid || item.story : (sid || item.story) + '\n' + item.x.text;
        if (item.kind === 'fresh' && sid === item.story) {
          out.count.fresh[key] = true;
          mark(sid, 'fresh');
        } else if (item.kind === 'fresh' || item.kind === 'grown') {
          // a story new since the last visit that grew is still new; one absorbed since then grew the one it is now part of
          if (!out.count.fresh[key]) { out.count.grown[key] = true; mark(sid, 'grown'); }
        } else {
          out.count[item.kind][key] = true;
          if (item.kind === 'contested') { mark(sid, 'contested'); }
        }
        out.items.push(item);
      });
    });
    Object.keys(out.count.fresh).forEach(function (k) { delete out.count.grown[k]; if (out.marks[k]) { delete out.marks[k].grown; } });
    return out;
  }
  function itemLine(item) {
    var x = item.x;
    if (item.kind === 'fresh') { return 'New story \'' + x.title + '\' (' + x.id + ')'; }
    if (item.kind === 'grown') { return 'Story \'' + x.title + '\' (' + x.id + ') has new articles'; }
    if (item.kind === 'contested') { return 'Claim \'' + x.text + '\' is now contested'; }
    return 'Claim \'' + x.text + '\' has ' + x.after + ' independent sources (was ' + x.before + ')';
  }
  var CHANGE_LINES = 50; // items listed in the box at most; the feed has them all
  function changesBox() {
    var sec = el('section', 'changes');
    sec.id = 'changes';
    drawChanges(sec);
    return sec;
  }
  // Fills the box above the story list and marks the rows of the stories it names.
  function drawChanges(sec) {
    sec = sec || document.getElementById('changes');
    if (!sec) { return; }
    sec.textContent = '';
    if (KNOWN !== null) { sec.setAttribute('data-generation', String(KNOWN)); }
    var u = UNSEEN = unseen();
    Array.prototype.forEach.call(document.querySelectorAll('#app tr[data-story] td:first-child'), function (cell) {
      storyMarks(cell, cell.parentNode.getAttribute('data-story'), u);
    });
    if (CHANGES_ERROR !== null && !u.items.length) {
      sec.hidden = false;
      sec.appendChild(el('p', 'muted', 'What changed since your last visit could not be fetched: ' + CHANGES_ERROR));
      return;
    }
    sec.hidden = !u.items.length;
    if (!u.items.length) { return; }
    var n = function (k) { return Object.keys(u.count[k]).length; };
    var counted = function (k, one, many) { return k + ' ' + (k === 1 ? one : many); };
    sec.appendChild(el('h2', null, 'New since your last visit'));
    var head = el('p');
    head.setAttribute('role', 'status');
    head.textContent = 'Since your last visit: ' + counted(n('fresh'), 'new story', 'new stories') + ', '
      + counted(n('grown'), 'story', 'stories') + ' with new articles, '
      + counted(n('contested'), 'claim', 'claims') + ' now contested, '
      + counted(n('gained'), 'claim', 'claims') + ' with a new independent source.';
    sec.appendChild(head);
    var ul = el('ul');
    u.items.slice(0, CHANGE_LINES).forEach(function (item) {
      var li = el('li', 'change-' + item.kind);
      li.appendChild(document.createTextNode(item.line + ' '));
      if (item.now) { li.appendChild(link({ story: item.now }, 'open the story')); }
      if (item.kind === 'contested') { contestedBy(item).forEach(function (a) { li.appendChild(document.createTextNode(' · ')); li.appendChild(a); }); }
      ul.appendChild(li);
    });
    sec.appendChild(ul);
    var foot = el('p', 'controls');
    if (u.items.length > CHANGE_LINES || MORE) {
      foot.appendChild(el('span', 'muted', (MORE ? 'And more' : 'And ' + (u.items.length - CHANGE_LINES) + ' more') + ' in the '));
      var feed = el('a', null, 'feed of changes');
      feed.href = '/feed.xml';
      foot.appendChild(feed);
      foot.appendChild(document.createTextNode('. '));
    }
    var done = el('button', null, 'Mark as seen');
    done.type = 'button';
    done.addEventListener('click', markSeen);
    foot.appendChild(done);
    sec.appendChild(foot);
  }
  // Links to the words of the articles that contest a claim: the new ones the change names, else
  // those giving a value other than the first.
  function contestedBy(item) {
    var x = item.x;
    var ids = Array.isArray(x.articles) && x.articles.length ? x.articles : [];
    if (!ids.length && Array.isArray(x.values)) {
      x.values.slice(1).forEach(function (v) { (v.articles || []).forEach(function (id) { if (ids.indexOf(id) < 0) { ids.push(id); } }); });
    }
    var s = item.now && STORIES[item.now];
    var claim = null;
    if (s) {
      claim = claimById(s, x.claim);
      if (!claim || claim.text !== x.text) { claim = s.claims.filter(function (c) { return c.text === x.text; })[0] || null; }
    }
    return ids.slice(0, 3).map(function (id) {
      var span = null;
      if (claim && claim.contradiction) {
        claim.contradiction.values.forEach(function (v) { v.spans.forEach(function (sp) { if (!span && sp.article === id) { span = sp.span; } }); });
      }
      var a = span ? spanLink(id, span, 'contested by ' + outlet(id)) : link({ article: id }, 'contested by ' + outlet(id));
      return a;
    });
  }
  var MARKS = [['fresh', 'new', 'b-new'], ['grown', 'new articles', 'b-grown'], ['contested', 'newly contested', 'b-newly-contested']];
  // The badges of a story's row in the story list.
  function storyMarks(cell, id, u) {
    Array.prototype.forEach.call(cell.querySelectorAll('.change-mark'), function (b) { b.parentNode.removeChild(b); });
    var m = (u || UNSEEN || (UNSEEN = unseen())).marks[id];
    if (!m) { return; }
    MARKS.forEach(function (x) {
      if (m[x[0]]) { cell.appendChild(el('span', 'badge change-mark ' + x[2], x[1])); }
    });
  }

  // ---- story page ----
  var ROLE_OF_KIND = { duplicate: 'copy', copy: 'copy', excerpt: 'copy', translation: 'translation', summary: 'summary' };
  var ROLE_RANK = { translation: 0, summary: 1, copy: 2 };
  function roles(s) {
    var r = {};
    s.articles.forEach(function (id) { r[id] = null; });
    var sources = {};
    s.derivations.forEach(function (d) {
      var role = ROLE_OF_KIND[d.kind];
      if (!role) { return; }
      var known = d.direction === 'known';
      var cur = r[d.to];
      var cand = { role: role, known: known, from: d.from };
      if (!cur || (known && !cur.known) || (known === cur.known && ROLE_RANK[role] < ROLE_RANK[cur.role])) { r[d.to] = cand; }
      sources[d.from] = sources[d.from] || known;
    });
    var out = {};
    s.articles.forEach(function (id) {
      var x = r[id];
      if (x && (x.known || !(id in sources))) {
        out[id] = x.role + (x.known ? '' : '?') + ' of ' + outlet(x.from);
      } else if (id in sources) {
        out[id] = sources[id] ? 'original' : 'original?';
      } else {
        out[id] = 'independent';
      }
    });
    return out;
  }

  function viewStory(p) {
    var s = STORIES[p.get('story')];
    if (!s) { app.appendChild(el('p', 'error', 'No such story.')); return; }
    app.appendChild(h('h1', s.title || s.id));
    app.appendChild(el('p', 'muted', s.articles.length + ' articles, ' + (s.first || '?')
      + (s.last && s.last !== s.first ? ' – ' + s.last : '') + '. Story ' + s.id));
    if (p.get('a') && p.get('b')) { viewAlignment(s, p.get('a'), p.get('b')); }
    sectionBrief(s);
    sectionSources(s);
    sectionGraph(s);
    sectionClaims(s);
    sectionQuotes(s);
    sectionFraming(s);
    sectionTimeline(s);
    sectionCompare(s, p);
  }
  function claimById(s, id) {
    for (var i = 0; i < s.claims.length; i++) { if (s.claims[i].id === id) { return s.claims[i]; } }
    return null;
  }
  function sectionBrief(s) {
    if (!s.brief.length) { return; }
    app.appendChild(h('h2', 'Brief'));
    var ol = el('ul', 'brief');
    s.brief.forEach(function (b) {
      var li = el('li');
      li.appendChild(badge(b.status));
      li.appendChild(document.createTextNode(b.text + ' '));
      b.claims.forEach(function (cid) {
        var c = claimById(s, cid);
        if (c && c.assertions.length) {
          var a = c.assertions[0];
          var l = spanLink(a.article, a.span, '[' + cid.slice(cid.lastIndexOf('#') + 1) + ']');
          l.title = 'first source: ' + outlet(a.article);
          li.appendChild(l);
          li.appendChild(document.createTextNode(' '));
        }
      });
      ol.appendChild(li);
    });
    app.appendChild(ol);
  }
  function sectionSources(s) {
    app.appendChild(h('h2', 'Sources'));
    var r = roles(s);
    var t = table(['Source', 'Date', 'Headline', { text: 'Words', num: true }, 'Role'], 'sources');
    var box = el('div', 'scroll');
    box.appendChild(t.table);
    app.appendChild(box);
    var nav = el('div', 'pager');
    app.appendChild(nav);
    pager(t.body, nav, s.articles, PAGE, function (id) {
      var a = ARTICLES[id];
      var tr = el('tr');
      tr.appendChild(td(link({ article: id }, outlet(id))));
      tr.appendChild(a && a.published ? td(a.published.slice(0, 10)) : td('no date', 'muted'));
      tr.appendChild(td(a ? a.title || '' : ''));
      tr.appendChild(td(a ? words(a.text) : '', 'num'));
      tr.appendChild(td(r[id]));
      return tr;
    });
    var unknown = s.articles.filter(function (id) { return ARTICLES[id] && !ARTICLES[id].outlet; });
    if (unknown.length) {
      app.appendChild(el('p', 'muted hint',
        (unknown.length === s.articles.length ? 'No article here names its outlet' : unknown.length + ' of ' + s.articles.length + ' articles name no outlet')
        + ', so they go by ' + (unknown.some(function (id) { return ARTICLES[id].url; }) ? 'web domain, ' : '') + 'file name or record id. '
        + 'To give outlets: an "outlet" (or "source", "source_domain") field in JSONL records, an og:site_name or JSON-LD publisher in HTML, '
        + 'or --outlet PATTERN=NAME when analysing, where PATTERN is a file-name glob or a web domain '
        + '(triangulate analyze news --outlet \'reuters.com=Reuters\' --outlet \'wire-*=AP\').'));
    }
  }
  function sectionGraph(s) {
    var ds = s.derivations.filter(function (d) { return d.kind !== 'independent'; });
    var drawn = null; // the groups of articles drawn, each on its own circle
    app.appendChild(h('h2', 'Derivation graph'));
    if (!ds.length) { app.appendChild(el('p', 'muted', 'No article derives from another.')); return; }
    app.appendChild(el('p', 'muted', 'An arrow runs from the source to the article derived from it; a dashed line without an arrow means the direction is unknown. Independent pairs are not drawn.'));
    var involved = {};
    ds.forEach(function (d) { involved[d.from] = true; involved[d.to] = true; });
    var ids = s.articles.filter(function (id) { return involved[id]; });
    var n = ids.length;
    if (n < s.articles.length) {
      app.appendChild(el('p', 'muted', (s.articles.length - n) + ' articles that derive from no other and have no derivative are left out.'));
    }
    if (n > GRAPH_MAX) {
      // A large story: the groups of articles joined by derivations, largest first (ties in story
      // order), each walked breadth-first from its most derived article, up to GRAPH_MAX articles.
      var degree = {}, order = {}, adj = {};
      ids.forEach(function (id, i) { order[id] = i; degree[id] = 0; adj[id] = []; });
      ds.forEach(function (d) {
        if (!(d.from in adj) || !(d.to in adj)) { return; }
        degree[d.from]++; degree[d.to]++;
        adj[d.from].push(d.to); adj[d.to].push(d.from);
      });
      var seen = {}, groups = [];
      ids.forEach(function (id) {
        if (seen[id]) { return; }
        var group = [id];
        seen[id] = true;
        for (var q = 0; q < group.length; q++) {
          adj[group[q]].forEach(function (x) { if (!seen[x]) { seen[x] = true; group.push(x); } });
        }
        groups.push(group);
      });
      var byDegree = function (x, y) { return (degree[y] - degree[x]) || (order[x] - order[y]); };
      groups.sort(function (x, y) { return (y.length - x.length) || (order[x[0]] - order[y[0]]); });
      var top = [];
      drawn = [];
      groups.forEach(function (group) {
        if (top.length >= GRAPH_MAX) { return; }
        var start = group.slice().sort(byDegree)[0], walk = [start], mark = {};
        mark[start] = true;
        for (var q = 0; q < walk.length; q++) {
          adj[walk[q]].slice().sort(byDegree).forEach(function (x) { if (!mark[x]) { mark[x] = true; walk.push(x); } });
        }
        walk = walk.slice(0, GRAPH_MAX - top.length);
        top = top.concat(walk);
        drawn.push(walk);
      });
      var keep = {};
      top.forEach(function (id) { keep[id] = true; });
      ids = top;
      var all = ds.length;
      ds = ds.filter(function (d) { return keep[d.from] && keep[d.to]; });
      var kinds = {};
      s.derivations.forEach(function (d) { kinds[d.kind] = (kinds[d.kind] || 0) + 1; });
      app.appendChild(el('p', 'muted', 'Drawn: ' + ids.length + ' of the ' + n + ' articles that derive from or into another (the largest groups of related articles first), with the '
        + ds.length + ' of ' + all + ' derivations among them. All pairs: ' + Object.keys(kinds).sort().map(function (k) { return kinds[k] + ' ' + k; }).join(', ')
        + '; every pair is listed under Compare two articles.'));
      n = ids.length;
    }
    var labels = ds.length <= LABELS_MAX;
    if (!drawn) { drawn = [ids]; }
    var max = n > 30 ? 24 : 40;
    var longest = 0;
    ids.forEach(function (id) { longest = Math.max(longest, Math.min(outlet(id).length, max)); });
    var M = 20 + longest * 7;
    // One circle per group, the circles in rows; a story of a few articles is one circle.
    var pos = {}, W = 0, H = 0, x0 = 0, y0 = 0, rowH = 0, ROW = 1200;
    drawn.forEach(function (group) {
      var k = group.length, R = drawn.length > 1 ? Math.max(60, k * 20) : Math.max(120, k * 22);
      var w = 2 * R + 2 * M, hh = 2 * R + (drawn.length > 1 ? 60 : 120);
      if (x0 > 0 && x0 + w > ROW) { x0 = 0; y0 += rowH; rowH = 0; }
      group.forEach(function (id, i) {
        var t = 2 * Math.PI * i / k - Math.PI / 2;
        pos[id] = { x: x0 + w / 2 + R * Math.cos(t), y: y0 + hh / 2 + R * Math.sin(t), t: t };
      });
      x0 += w;
      rowH = Math.max(rowH, hh);
      W = Math.max(W, x0);
      H = Math.max(H, y0 + rowH);
    });
    var g = svg('svg', { 'class': 'graph', width: W, height: H, viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    g.setAttribute('aria-label', 'derivation graph');
    var defs = svg('defs');
    var marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' });
    marker.appendChild(svg('path', { d: 'M0,0 L10,5 L0,10 z', 'class': 'arrow' }));
    defs.appendChild(marker);
    g.appendChild(defs);
    var rad = 9;
    var LABEL_AT = [0.5, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85], placed = [];
    ds.forEach(function (d) {
      var a = pos[d.from], b = pos[d.to];
      if (!a || !b) { return; }
      var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
      var x1 = a.x + dx / len * rad, y1 = a.y + dy / len * rad, x2 = b.x - dx / len * (rad + 2), y2 = b.y - dy / len * (rad + 2);
      var known = d.direction === 'known';
      var line = svg('line', { x1: x1.toFixed(1), y1: y1.toFixed(1), x2: x2.toFixed(1), y2: y2.toFixed(1), 'class': 'edge' + (known ? '' : ' edge-unknown') });
      if (known) { line.setAttribute('marker-end', 'url(#arrow)'); }
      var title = svg('title');
      title.textContent = outlet(d.from) + ' → ' + outlet(d.to) + ': ' + d.kind + ' (confidence ' + d.confidence + ')';
      line.appendChild(title);
      g.appendChild(line);
      // the label goes at the first point along the edge where it overlaps no label placed before
      if (!labels) { return; }
      var lw = d.kind.length * 6.5, lh = 12, lx = 0, ly = 0;
      for (var k = 0; k < LABEL_AT.length; k++) {
        lx = x1 + (x2 - x1) * LABEL_AT[k];
        ly = y1 + (y2 - y1) * LABEL_AT[k] - 3;
        if (!placed.some(function (q) { return Math.abs(q.x - lx) < (q.w + lw) / 2 && Math.abs(q.y - ly) < lh; })) { break; }
      }
      placed.push({ x: lx, y: ly, w: lw });
      var lab = svg('text', { x: lx.toFixed(1), y: ly.toFixed(1), 'class': 'edge-label', 'text-anchor': 'middle' });
      lab.textContent = d.kind;
      g.appendChild(lab);
    });
    ids.forEach(function (id) {
      var p = pos[id];
      var a = svg('a', { href: route({ article: id }) });
      a.appendChild(svg('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: rad, 'class': 'node' }));
      var right = Math.cos(p.t) >= 0;
      var lab = svg('text', { x: (p.x + (right ? 1 : -1) * (rad + 4)).toFixed(1), y: (p.y + 4).toFixed(1), 'class': 'node-label', 'text-anchor': right ? 'start' : 'end' });
      var name = outlet(id);
      lab.textContent = name.length > max ? name.slice(0, max - 1) + '…' : name;
      a.appendChild(lab);
      var title = svg('title');
      title.textContent = id;
      a.appendChild(title);
      g.appendChild(a);
    });
    var box = el('div', 'scroll');
    box.appendChild(g);
    app.appendChild(box);
  }
  function sectionClaims(s) {
    if (!s.claims.length) { return; }
    app.appendChild(h('h2', 'Claims'));
    app.appendChild(el('p', 'muted', 'Each row is a claim, each column a source. A cell gives the words that assert the claim, or for a contested claim the value the source gives: green agrees with the first source, red gives a competing value; a dash means the source is silent.'
      + (s.articles.length > COLS ? ' The sources come ' + COLS + ' columns at a time.' : '')));
    // Said once for the story, not in every explanation: the contested claims' reports with no date.
    var undated = {};
    s.claims.forEach(function (c) {
      if (!c.contradiction || c.contradiction.explainedByTime) { return; }
      c.contradiction.values.forEach(function (v) {
        v.articles.forEach(function (id) { if (ARTICLES[id] && !ARTICLES[id].published) { undated[id] = true; } });
      });
    });
    var undatedIds = s.articles.filter(function (id) { return undated[id]; });
    if (undatedIds.length) {
      app.appendChild(el('p', 'muted undated', 'No publication date: ' + undatedIds.map(outlet).join(', ')
        + '. The dates cannot tell whether time explains the contested claims ' + (undatedIds.length === 1 ? 'it is' : 'they are') + ' part of.'));
    }
    var claims = s.claims.map(function (c, i) { return { c: c, i: i }; });
    claims.sort(function (x, y) { return (STATUS_ORDER[x.c.status] - STATUS_ORDER[y.c.status]) || (x.i - y.i); });
    var colNav = el('div', 'pager col-pager');
    app.appendChild(colNav);
    var box = el('div', 'scroll');
    app.appendChild(box);
    var nav = el('div', 'pager');
    app.appendChild(nav);
    var row = 0, col = 0;
    function draw() {
      var cols = s.articles.slice(col * COLS, (col + 1) * COLS);
      var t = table(['Claim', 'Status'].concat(cols.map(function (id) { return outlet(id); })), 'matrix');
      claims.slice(row * PAGE, (row + 1) * PAGE).forEach(function (x) { t.body.appendChild(claimRow(s, x.c, cols)); });
      box.textContent = '';
      box.appendChild(t.table);
      pagerNav(nav, row, claims.length, PAGE, function (r) { row = r; draw(); });
      pagerNav(colNav, col, s.articles.length, COLS, function (c) { col = c; draw(); }, 'sources');
    }
    draw();
  }
  function claimRow(s, c, cols) {
    var tr = el('tr');
    var first = c.assertions.length ? c.assertions[0] : null;
    var claimCell = td(null, 'claim');
    claimCell.appendChild(first ? spanLink(first.article, first.span, c.text) : el('span', null, c.text));
    if (c.contradiction) { claimCell.appendChild(el('div', 'muted', c.contradiction.explanation)); }
    tr.appendChild(claimCell);
    var st = td(null);
    st.appendChild(badge(c.status));
    st.appendChild(el('div', 'muted', c.independentSources + ' independent'));
    tr.appendChild(st);
    var ref = first ? first.value : null;
    var by = {};
    c.assertions.forEach(function (a) { (by[a.article] = by[a.article] || []).push(a); });
    cols.forEach(function (id) {
      var as = by[id];
      if (!as) { tr.appendChild(td('—', 'cell-silent')); return; }
      var a = as[0];
      var contra = c.contradiction && a.value !== null && a.value !== ref;
      var cell = td(null, contra ? 'cell-contradicts' : 'cell-asserts');
      var label = a.value !== null ? a.value : (contra ? 'contradicts' : 'asserts');
      var at = a.span;
      if (c.contradiction && a.value !== null) {
        // the exact words that state the value, when the contradiction gives them for this source
        c.contradiction.values.forEach(function (v) {
          if (v.value !== a.value) { return; }
          v.spans.forEach(function (sp) { if (sp.article === id && at === a.span) { at = sp.span; } });
        });
      }
      var l = spanLink(a.article, at, (contra ? '✗ ' : '✓ ') + label);
      l.title = excerpt(a.article, a.span);
      cell.appendChild(l);
      if (as.length > 1) { cell.appendChild(el('span', 'muted', ' ×' + as.length)); }
      tr.appendChild(cell);
    });
    return tr;
  }
  function sectionQuotes(s) {
    if (!s.quoteGroups.length) { return; }
    app.appendChild(h('h2', 'Quotes'));
    var box = el('div');
    var qnav = el('div', 'pager');
    app.appendChild(box);
    app.appendChild(qnav);
    pager(box, qnav, s.quoteGroups, 20, function (g) {
      var div = el('div', 'quote-group');
      var head = el('div');
      head.appendChild(el('strong', null, g.speaker ? entityName(g.speaker) : 'unattributed'));
      head.appendChild(el('span', 'muted', ' · ' + g.quotes.length + ' renderings, ' + g.variants + ' wordings'));
      div.appendChild(head);
      g.flags.forEach(function (f) { div.appendChild(el('div', 'loaded', f.kind + ': ' + f.detail)); });
      var row = el('div', 'variants');
      g.quotes.slice(0, CELL_MAX).forEach(function (qid) {
        var q = QUOTES[qid];
        var card = el('div', 'variant');
        if (!q) { card.textContent = qid; row.appendChild(card); return; }
        card.appendChild(el('div', 'muted', outlet(q.article)));
        card.appendChild(spanLink(q.article, q.span, '“' + excerpt(q.article, q.span) + '”'));
        row.appendChild(card);
      });
      if (g.quotes.length > CELL_MAX) { row.appendChild(more(g.quotes.length - CELL_MAX)); }
      div.appendChild(row);
      return div;
    });
  }
  function sectionFraming(s) {
    if (!s.framing.length) { return; }
    app.appendChild(h('h2', 'Framing'));
    app.appendChild(el('p', 'muted', 'How each source labels each actor. ⚑ marks a loaded term, ★ a term only this source uses, “q” a term used only inside quotations, “a” a term the text gives as someone else’s (“considered a terrorist group by the United Nations”).'));
    s.framing.forEach(function (f) {
      app.appendChild(h('h3', entityName(f.entity)));
      var t = table(['Source', 'Labels']);
      var by = {};
      f.labels.forEach(function (l) { (by[l.article] = by[l.article] || []).push(l); });
      var rows = s.articles.filter(function (id) { return by[id]; });
      app.appendChild(t.table);
      var nav = el('div', 'pager');
      app.appendChild(nav);
      pager(t.body, nav, rows, FRAMING_PAGE, function (id) {
        var labels = by[id];
        var tr = el('tr');
        tr.appendChild(td(outlet(id)));
        var cell = td(null);
        labels.forEach(function (l, i) {
          if (i) { cell.appendChild(document.createTextNode(', ')); }
          var text = (l.loaded ? '⚑ ' : '') + l.term + (l.count > 1 ? ' ×' + l.count : '') + (l.distinctive ? ' ★' : '') + (l.inQuote ? ' q' : (l.attributed ? ' a' : ''));
          var a = l.spans.length ? spanLink(id, l.spans[0], text) : el('span', null, text);
          if (l.loaded) { a.className = 'loaded'; a.title = 'loaded term'; }
          cell.appendChild(a);
        });
        tr.appendChild(cell);
        return tr;
      });
    });
  }
  function sectionTimeline(s) {
    if (!s.timeline.length) { return; }
    app.appendChild(h('h2', 'Timeline'));
    var t = table(['Date', 'What happened', 'Sources']);
    app.appendChild(t.table);
    var nav = el('div', 'pager');
    app.appendChild(nav);
    pager(t.body, nav, s.timeline, PAGE, function (e) {
      var tr = el('tr');
      tr.appendChild(td(e.date));
      tr.appendChild(td(e.text));
      var cell = td(null);
      e.spans.slice(0, CELL_MAX).forEach(function (sp, i) {
        if (i) { cell.appendChild(document.createTextNode(', ')); }
        cell.appendChild(spanLink(sp.article, sp.span, outlet(sp.article)));
      });
      if (e.spans.length > CELL_MAX) { cell.appendChild(more(e.spans.length - CELL_MAX)); }
      tr.appendChild(cell);
      return tr;
    });
  }
  function sectionCompare(s, p) {
    if (s.articles.length < 2) { return; }
    app.appendChild(h('h2', 'Compare two articles'));
    var controls = el('div', 'controls');
    function pick(name, value) {
      var sel = el('select');
      sel.name = name;
      s.articles.forEach(function (id) {
        var o = el('option', null, outlet(id));
        o.title = id;
        o.value = id;
        o.selected = id === value;
        sel.appendChild(o);
      });
      controls.appendChild(sel);
      return sel;
    }
    var a = pick('a', p.get('a') || s.articles[0]);
    var b = pick('b', p.get('b') || s.articles[1]);
    var go = el('button', null, 'Show side by side');
    go.type = 'button';
    go.addEventListener('click', function () { location.hash = route({ story: s.id, a: a.value, b: b.value }); });
    controls.appendChild(go);
    app.appendChild(controls);
    var pairs = el('ul');
    var pnav = el('div', 'pager');
    app.appendChild(pairs);
    app.appendChild(pnav);
    pager(pairs, pnav, s.derivations, PAGE, function (d) {
      var li = el('li');
      li.appendChild(link({ story: s.id, a: d.from, b: d.to }, outlet(d.from) + ' ↔ ' + outlet(d.to)));
      li.appendChild(el('span', 'muted', ' ' + d.kind + ', coverage ' + Math.round(d.coverage.from * 100) + '% / ' + Math.round(d.coverage.to * 100) + '%'));
      return li;
    });
  }

  // ---- alignment view ----
  function viewAlignment(s, aId, bId) {
    var A = ARTICLES[aId], B = ARTICLES[bId];
    var sec = el('section', 'alignment');
    sec.id = 'alignment';
    sec.appendChild(h('h2', 'Side by side: ' + outlet(aId) + ' and ' + outlet(bId)));
    if (!A || !B) { sec.appendChild(el('p', 'error', 'No such article.')); app.appendChild(sec); return; }
    var marksA = [], marksB = [];
    var n = 0;
    s.links.forEach(function (l, i) {
      var pa, pb;
      if (l.a.article === aId && l.b.article === bId) { pa = l.a; pb = l.b; } else if (l.a.article === bId && l.b.article === aId) { pa = l.b; pb = l.a; } else { return; }
      var swap = pa !== l.a;
      n++;
      var title = l.kind + ' (score ' + l.score + ')';
      marksA.push({ b: pa.span[0], e: pa.span[1], cls: 'l-' + l.kind, title: title, data: i });
      marksB.push({ b: pb.span[0], e: pb.span[1], cls: 'l-' + l.kind, title: title, data: i });
      l.edits.forEach(function (e) {
        var ea = swap ? e.b : e.a, eb = swap ? e.a : e.b;
        if (ea) { marksA.push({ b: ea[0], e: ea[1], cls: 'e-' + e.op, title: e.op }); }
        if (eb) { marksB.push({ b: eb[0], e: eb[1], cls: 'e-' + e.op, title: e.op }); }
      });
    });
    var legend = el('p', 'legend muted');
    [['l-verbatim', 'verbatim'], ['l-edited', 'edited'], ['l-paraphrase', 'paraphrase'], ['e-replace', 'word edit']].forEach(function (x) { legend.appendChild(el('span', x[0], x[1])); });
    legend.appendChild(document.createTextNode(n + ' linked passages. Click a passage to find its counterpart.'));
    sec.appendChild(legend);
    var panes = el('div', 'panes');
    var pa = el('div'), pb = el('div');
    pa.appendChild(link({ article: aId }, outlet(aId)));
    pb.appendChild(link({ article: bId }, outlet(bId)));
    var ta = markedText(A.text, marksA), tb = markedText(B.text, marksB);
    pa.appendChild(ta);
    pb.appendChild(tb);
    function follow(from, to) {
      from.addEventListener('click', function (ev) {
        var t = ev.target;
        var id = t && t.getAttribute ? t.getAttribute('data-link') : null;
        if (id === null) { return; }
        var other = to.querySelectorAll('[data-link="' + id + '"]');
        Array.prototype.forEach.call(document.querySelectorAll('.l-focus'), function (x) { x.classList.remove('l-focus'); });
        Array.prototype.forEach.call(other, function (x) { x.classList.add('l-focus'); });
        Array.prototype.forEach.call(from.querySelectorAll('[data-link="' + id + '"]'), function (x) { x.classList.add('l-focus'); });
        if (other.length) { other[0].scrollIntoView({ block: 'center' }); }
      });
    }
    follow(ta, tb);
    follow(tb, ta);
    panes.appendChild(pa);
    panes.appendChild(pb);
    sec.appendChild(panes);
    app.appendChild(sec);
    setTimeout(function () { sec.scrollIntoView(); }, 0);
  }

  // ---- article view ----
  function viewArticle(p) {
    var id = p.get('article');
    var a = ARTICLES[id];
    if (!a) { app.appendChild(el('p', 'error', 'No such article.')); return; }
    var sid = STORY_OF[id];
    if (sid) {
      var back = el('p');
      back.appendChild(document.createTextNode('Story: '));
      back.appendChild(link({ story: sid }, STORIES[sid].title || sid));
      app.appendChild(back);
    }
    app.appendChild(h('h1', a.title || id));
    var meta = table(['Field', 'Value']);
    [['id', a.id], ['outlet', a.outlet], ['byline', a.byline], ['published', a.published], ['language', a.language], ['url', a.url], ['source', a.source]].forEach(function (x) {
      if (x[1] === null || x[1] === undefined) { return; }
      var tr = el('tr');
      tr.appendChild(td(x[0]));
      tr.appendChild(td(x[1]));
      meta.body.appendChild(tr);
    });
    app.appendChild(meta.table);
    var marks = [];
    var m = /^(\d+)-(\d+)$/.exec(p.get('span') || '');
    if (m) {
      var b = parseInt(m[1], 10), e = parseInt(m[2], 10);
      if (b <= e && e <= a.text.length) {
        marks.push({ b: b, e: e, cls: 'hit', title: 'the finding' });
        app.appendChild(el('p', 'muted', 'Highlighted: characters ' + b + '–' + e + '.'));
      } else {
        app.appendChild(el('p', 'error', 'The span ' + m[0] + ' is outside the text.'));
      }
    }
    var text = markedText(a.text, marks);
    app.appendChild(text);
    var hit = text.querySelector('.hit');
    if (hit) { setTimeout(function () { hit.scrollIntoView({ block: 'center' }); }, 0); }
  }

  function render() {
    app.textContent = '';
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (p.get('article') !== null) { viewArticle(p); } else if (p.get('story') !== null) { viewStory(p); } else { viewList(p); window.scrollTo(0, 0); }
  }
  window.addEventListener('hashchange', render);
  render();
  if (APP) { checkChanges(); }
})();
