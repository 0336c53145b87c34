/// The style sheet and the live-update script, served by the app itself (nothing is loaded
/// from elsewhere, so the explorer works offline).
enum Assets {
    static let css = """
    :root { --fg: #1d2330; --muted: #5b6475; --line: #d9dde5; --bg: #ffffff; --panel: #f5f7fa; --accent: #2457c5; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
    header { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .6rem 1.2rem; border-bottom: 1px solid var(--line); background: var(--panel); }
    header .brand { font-weight: 700; color: var(--fg); text-decoration: none; }
    header nav a { margin-right: .8rem; }
    header nav a[aria-current] { font-weight: 600; text-decoration: none; color: var(--fg); }
    form.search { display: flex; gap: .3rem; margin-left: auto; }
    form.search input { width: 18rem; padding: .25rem .4rem; border: 1px solid var(--line); border-radius: 4px; }
    form.search.wide { margin: 0 0 1rem 0; }
    .live { font-size: .8rem; color: var(--muted); }
    .live.on::before { content: "● "; color: #2e9d50; }
    .live.connecting::before { content: "● "; color: #c9a227; }
    .live.off::before { content: "● "; color: #b53b3b; }
    main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.2rem 2rem; }
    footer { max-width: 1100px; margin: 0 auto; padding: 1rem 1.2rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }
    a { color: var(--accent); }
    h1 { font-size: 1.5rem; margin: .4rem 0 1rem; }
    h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
    h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
    code, .id, .probs { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .88em; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    table { border-collapse: collapse; width: 100%; margin: .3rem 0 .8rem; }
    th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
    th { font-weight: 600; color: var(--muted); font-size: .85rem; }
    td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .w { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .note, .empty, .twin { color: var(--muted); font-size: .9rem; }
    .error { color: #8f1d1d; }
    .problems { background: #fff4e5; border: 1px solid #f0c36d; padding: .4rem 1rem; border-radius: 6px; }
    .badge { display: inline-block; font-size: .75rem; padding: 0 .45rem; border-radius: 999px; background: var(--panel); border: 1px solid var(--line); color: var(--muted); vertical-align: middle; }
    .badge.canonical, .badge.final, .badge.included { background: #e7f4ec; border-color: #9fd3b2; color: #1f6b3b; }
    .badge.candidate, .badge.open, .badge.pending { background: #eaf0fb; border-color: #a9bfea; color: #244f9e; }
    .badge.orphaned, .badge.not { background: #f7e9e9; border-color: #e0b1b1; color: #8f1d1d; }
    .delta.pos { color: #1f6b3b; }
    .delta.neg { color: #8f1d1d; }
    figure.chart { margin: .4rem 0 1rem; }
    figure.chart svg { width: 100%; height: auto; max-height: 220px; }
    figcaption { color: var(--muted); font-size: .85rem; }
    svg .axis { stroke: #9aa3b2; stroke-width: 1; }
    svg .tick { fill: var(--muted); font-size: 11px; }
    svg .col.final { fill: #2457c5; }
    svg .col.open { fill: #9db5e6; stroke: #2457c5; stroke-width: 1; }
    svg .line { fill: none; stroke: #2457c5; stroke-width: 2; }
    svg .dot { fill: #2457c5; }
    svg.dist, svg.meter { width: 14rem; height: 14px; display: block; border-radius: 3px; }
    svg .track { fill: #edf0f5; }
    .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .35rem; vertical-align: -1px; }
    .c0 { fill: #2457c5; background: #2457c5; } .c1 { fill: #e07b1f; background: #e07b1f; }
    .c2 { fill: #2e9d50; background: #2e9d50; } .c3 { fill: #9b3fb5; background: #9b3fb5; }
    .c4 { fill: #c23b5a; background: #c23b5a; } .c5 { fill: #1b9aaa; background: #1b9aaa; }
    .c6 { fill: #8c6d1f; background: #8c6d1f; } .c7 { fill: #5b6475; background: #5b6475; }
    .cx { fill: #b8c0cc; } .cnone { fill: #d9dde5; } .trust { fill: #2457c5; }

    """

    static let javascript = """
    // Reloads the page's content when the chain changes (server-sent events; polling without them).
    (function () {
      var live = document.getElementById("live");
      function main() { return document.querySelector("main"); }
      function refresh() {
        fetch(location.href, { headers: { "Accept": "text/html" } })
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (text) {
            if (!text) return;
            var next = new DOMParser().parseFromString(text, "text/html");
            var fresh = next.querySelector("main"), current = main();
            if (fresh && current) { current.replaceWith(fresh); document.title = next.title; }
          })
          .catch(function () {});
      }
      function changed(revision) {
        var current = main();
        if (current && current.getAttribute("data-revision") !== String(revision)) refresh();
      }
      if (window.EventSource) {
        var source = new EventSource("/api/events");
        if (live) live.className = "live connecting";
        source.addEventListener("chain", function (e) { changed(JSON.parse(e.data).revision); });
        source.onopen = function () { if (live) live.className = "live on"; };
        source.onerror = function () { if (live) live.className = "live off"; };
      } else {
        setInterval(function () {
          fetch("/api/status").then(function (r) { return r.json(); }).then(function (s) { changed(s.revision); }).catch(function () {});
        }, 5000);
      }
    })();

    """
}
