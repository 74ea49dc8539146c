/**
 * The stylesheet and script inlined into every report. Both are constant, so the page's
 * Content-Security-Policy allows exactly these two by hash and nothing else.
 */

/** The report's stylesheet (light and dark schemes, print). */
export const STYLES = `
:root{--bg:#f6f7f9;--panel:#fff;--text:#1d2433;--muted:#667085;--border:#d9dee7;--pass:#1a7f37;--pass-bg:#e6f4ea;--fail:#c62828;--fail-bg:#fdecea;--error:#b26a00;--error-bg:#fff4e0;--flaky:#7b4fbf;--flaky-bg:#f1eafb;--accent:#0b5cad;--grid:#e5e8ee;
--s0:#0072b2;--s1:#e69f00;--s2:#009e73;--s3:#cc79a7;--s4:#56b4e9;--s5:#d55e00;--s6:#8c7a00;--s7:#555;
--ev-tool_call:#0072b2;--ev-llm_request:#009e73;--ev-reasoning:#cc79a7;--ev-error:#d55e00;--ev-progress:#8c7a00}
@media (prefers-color-scheme:dark){:root{--bg:#0f1218;--panel:#171b23;--text:#e4e7ee;--muted:#98a2b3;--border:#2b3240;--pass:#56c271;--pass-bg:#15281c;--fail:#ff6b6b;--fail-bg:#2d1619;--error:#f0a23b;--error-bg:#2b2113;--flaky:#b896f0;--flaky-bg:#241c33;--accent:#6aa9ef;--grid:#262c38}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1100px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}h4{font-size:13px;margin:14px 0 6px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-word;background:var(--bg);border:1px solid var(--border);border-radius:6px;padding:8px;margin:4px 0;max-height:360px;overflow:auto}
.muted{color:var(--muted)}
.meta{color:var(--muted);margin:0 0 16px}.meta span+span::before{content:" · "}
.banner{border-radius:8px;padding:10px 14px;margin:12px 0;border:1px solid}
.banner.fail{background:var(--fail-bg);border-color:var(--fail);color:var(--text)}.banner.error{background:var(--error-bg);border-color:var(--error)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:10px;margin:16px 0}
.card{background:var(--panel);border:1px solid var(--border);border-radius:10px;padding:12px 14px}
.card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}.card .value{font-size:22px;font-weight:600;margin-top:2px;overflow-wrap:anywhere}
.card.pass .value{color:var(--pass)}.card.fail .value{color:var(--fail)}.card.flaky .value{color:var(--flaky)}
.card .sub{color:var(--muted);font-size:12px;overflow-wrap:anywhere}
section.panel,.comparison{background:var(--panel);border:1px solid var(--border);border-radius:10px;padding:4px 16px 16px;margin:16px 0}
figure{margin:12px 0}figcaption{font-weight:600;margin-bottom:6px}
svg.chart,svg.timeline-chart{max-width:100%;height:auto;display:block}
svg text{fill:var(--text);font-size:12px}svg .tick{fill:var(--muted);font-size:11px}svg .muted{fill:var(--muted)}
svg .grid{stroke:var(--grid);stroke-width:1}svg .whisker{stroke:var(--text);stroke-width:1.5;fill:none}
svg .lane{stroke:var(--border);stroke-width:2}
.bar.pass{fill:var(--pass)}.bar.fail{fill:var(--fail)}
.series-0{fill:var(--s0);background:var(--s0)}.series-1{fill:var(--s1);background:var(--s1)}.series-2{fill:var(--s2);background:var(--s2)}.series-3{fill:var(--s3);background:var(--s3)}
.series-4{fill:var(--s4);background:var(--s4)}.series-5{fill:var(--s5);background:var(--s5)}.series-6{fill:var(--s6);background:var(--s6)}.series-7{fill:var(--s7);background:var(--s7)}
.ev-tool_call{fill:var(--ev-tool_call);background:var(--ev-tool_call)}.ev-llm_request{fill:var(--ev-llm_request);background:var(--ev-llm_request)}.ev-reasoning{fill:var(--ev-reasoning);background:var(--ev-reasoning)}
.ev-error{fill:var(--ev-error);background:var(--ev-error)}.ev-progress{fill:var(--ev-progress);background:var(--ev-progress)}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 14px;padding:0;margin:8px 0}.legend li{display:flex;align-items:center;gap:6px}
.swatch,.ev-swatch{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:4px;vertical-align:-1px}
.ev-type{color:#fff;border-radius:4px;padding:0 6px;font-size:12px;white-space:nowrap}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--border);vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}
td.best{font-weight:600}.significant{color:var(--accent);font-weight:600}
.toolbar{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0 12px}
.toolbar button{font:inherit;border:1px solid var(--border);background:var(--panel);color:var(--text);border-radius:6px;padding:4px 10px;cursor:pointer}
.toolbar button[aria-pressed=true]{border-color:var(--accent);color:var(--accent);font-weight:600}
.toolbar input{font:inherit;border:1px solid var(--border);background:var(--panel);color:var(--text);border-radius:6px;padding:4px 8px;min-width:220px}
.toolbar .count{color:var(--muted);margin-left:auto}
details.test{background:var(--panel);border:1px solid var(--border);border-left:4px solid var(--pass);border-radius:8px;margin:8px 0}
details.test.fail{border-left-color:var(--fail)}details.test.error{border-left-color:var(--error)}details.test[hidden]{display:none}
details.test>summary{display:flex;align-items:center;gap:8px;padding:9px 12px;cursor:pointer;list-style:none}
details.test>summary::-webkit-details-marker{display:none}
details.test>summary::before{content:"▸";color:var(--muted);width:10px}details.test[open]>summary::before{content:"▾"}
.test-id{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}.test-name{font-weight:600;overflow-wrap:anywhere}
.spacer{flex:1}.test-score{font-weight:600;min-width:48px;text-align:right}.test-duration{color:var(--muted);min-width:70px;text-align:right}
.test-body{padding:0 16px 14px 30px;border-top:1px solid var(--border)}
.badge{display:inline-block;border-radius:4px;padding:1px 7px;font-size:11px;font-weight:700;letter-spacing:.03em;white-space:nowrap}
.badge.pass{background:var(--pass-bg);color:var(--pass)}.badge.fail{background:var(--fail-bg);color:var(--fail)}.badge.error{background:var(--error-bg);color:var(--error)}
.badge.flaky{background:var(--flaky-bg);color:var(--flaky)}.badge.critical{background:var(--fail-bg);color:var(--fail)}
.agent-tag,.tag{border:1px solid var(--border);border-radius:10px;padding:0 7px;font-size:12px;color:var(--muted)}
.run-error{background:var(--fail-bg);border-radius:6px;padding:8px 10px;margin:10px 0;overflow-wrap:anywhere}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:6px;margin:0}.stat dt{color:var(--muted);font-size:12px}.stat dd{margin:0;font-weight:600}
.assertion{margin:6px 0;padding:6px 10px;border-radius:6px;border:1px solid var(--border)}.assertion.failed{border-color:var(--fail);background:var(--fail-bg)}
.checks{list-style:none;margin:4px 0 0;padding:0 0 0 18px}.check{margin:3px 0;overflow-wrap:anywhere}
.check.passed .mark,.assertion.passed>.assertion-head .mark{color:var(--pass)}.check.failed .mark,.assertion.failed>.assertion-head .mark{color:var(--fail)}
.check-score{color:var(--muted);font-size:12px}.evidence{color:var(--muted);font-size:12px;margin-left:18px}
.check-details,.payload{margin-left:18px}.check-details>summary,.payload>summary{cursor:pointer;color:var(--accent);font-size:12px}
tr.failed td:first-child{box-shadow:inset 3px 0 var(--fail)}
.events td.ev-summary{overflow-wrap:anywhere}
footer{color:var(--muted);font-size:12px;margin-top:32px}
svg .ci{fill:none;stroke-width:2}svg .dot{stroke:var(--panel);stroke-width:1.5}svg .reference{stroke:var(--text);stroke-width:1.5;stroke-dasharray:4 3}svg .key{font-size:11px}
.side-baseline{fill:var(--muted);stroke:var(--muted);background:var(--muted)}.chg-regression{fill:var(--fail);stroke:var(--fail);background:var(--fail)}
.chg-improvement{fill:var(--pass);stroke:var(--pass);background:var(--pass)}.chg-no_change{fill:var(--accent);stroke:var(--accent);background:var(--accent)}
.chg-new_test{fill:var(--flaky);stroke:var(--flaky);background:var(--flaky)}.chg-removed_test{fill:var(--error);stroke:var(--error);background:var(--error)}
.badge.neutral{background:var(--bg);color:var(--muted);border:1px solid var(--border)}
h3{font-size:15px;margin:18px 0 6px}.note{font-size:12px}.run-heading{margin-top:32px}
.table-scroll{overflow-x:auto}.baseline-tests td:first-child{min-width:170px}.baseline-tests th,.baseline-tests td{padding:5px 6px}.baseline-tests th.num,.baseline-tests td.num{white-space:nowrap}
tr[data-change=regression] td:first-child{box-shadow:inset 3px 0 var(--fail)}tr[data-change=improvement] td:first-child{box-shadow:inset 3px 0 var(--pass)}
th[data-sort] button{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
@media print{.toolbar{display:none}details.test>summary::before{content:none}}
`;

/**
 * The report's only script: filters (all / failed / passed / flaky, text), expand and collapse all,
 * opening a test named in the URL fragment, and sorting tables by a column. It reads and toggles
 * attributes and moves existing rows only; it never turns report data into markup.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var tests = Array.prototype.slice.call(document.querySelectorAll('details.test'));
  var text = document.getElementById('filter-text');
  var count = document.getElementById('filter-count');
  var buttons = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
  var mode = 'all';
  function apply() {
    var q = text ? text.value.trim().toLowerCase() : '';
    var shown = 0;
    tests.forEach(function (t) {
      var byMode = mode === 'all' || (mode === 'flaky' ? t.getAttribute('data-flaky') === 'true' : t.getAttribute('data-status') === mode);
      var byText = !q || (t.getAttribute('data-search') || '').indexOf(q) !== -1;
      t.hidden = !(byMode && byText);
      if (!t.hidden) shown += 1;
    });
    if (count) count.textContent = shown + ' of ' + tests.length + ' shown';
  }
  buttons.forEach(function (b) {
    b.addEventListener('click', function () {
      mode = b.getAttribute('data-filter') || 'all';
      buttons.forEach(function (x) { x.setAttribute('aria-pressed', String(x === b)); });
      apply();
    });
  });
  if (text) text.addEventListener('input', apply);
  function setAll(open) { tests.forEach(function (t) { if (!t.hidden) t.open = open; }); }
  var expand = document.getElementById('expand-all');
  var collapse = document.getElementById('collapse-all');
  if (expand) expand.addEventListener('click', function () { setAll(true); });
  if (collapse) collapse.addEventListener('click', function () { setAll(false); });
  function openFromHash() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.tagName === 'DETAILS') target.open = true;
  }
  window.addEventListener('hashchange', openFromHash);
  openFromHash();
  apply();
  // Sortable tables: a heading's button sorts the rows by the cells' data-value (rows without one go last).
  Array.prototype.slice.call(document.querySelectorAll('table.sortable')).forEach(function (table) {
    var body = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    if (!body) return;
    Array.prototype.slice.call(body.rows).forEach(function (row, i) { row.setAttribute('data-order', String(i)); });
    heads.forEach(function (th, column) {
      var button = th.querySelector('button');
      if (!button || !th.hasAttribute('data-sort')) return;
      button.addEventListener('click', function () {
        var descending = th.getAttribute('aria-sort') === 'ascending';
        var numeric = th.getAttribute('data-sort') === 'number';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        function key(row) {
          var cell = row.cells[column];
          var raw = cell ? cell.getAttribute('data-value') : null;
          if (raw === null) return null;
          var value = numeric ? parseFloat(raw) : raw;
          return numeric && isNaN(value) ? null : value;
        }
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a);
          var y = key(b);
          if (x === null || y === null || x === y) {
            if (x === null && y !== null) return 1;
            if (y === null && x !== null) return -1;
            return Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
          }
          var order = x < y ? -1 : 1;
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
`;
