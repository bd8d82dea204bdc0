/// The HTML report's fixed parts: style sheet, the map's markup, and the script.
enum HTMLReportAssets {
    /// System fonts only (no web font: the page works offline); the Okabe–Ito accents of the map.
    static let style = #"""
:root { --ink: #1a1a1a; --muted: #555; --line: #d0d0d0; --accent: #0072B2; --focus: #D55E00; --bg: #fff; --panel: #f6f6f4; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: var(--bg); }
header { padding: 12px 20px 4px; }
h1 { font-size: 1.35rem; margin: 0 0 2px; }
h2 { font-size: 1.15rem; margin: 1.2em 0 .4em; }
.subtitle { margin: 0; color: var(--muted); font-size: .9rem; }
.part { margin: 6px 0 0; padding: 4px 8px; background: #fff4d6; border-left: 4px solid #E69F00; font-size: .9rem; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
button, select, input { font: inherit; }
button { border: 1px solid #888; background: #fff; border-radius: 4px; padding: 2px 10px; cursor: pointer; min-height: 30px; }
button:hover { background: #eef5fb; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; padding: 6px 20px; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); background: var(--panel); }
.toolbar label { font-size: .9rem; }
.search { position: relative; }
#search { width: 18em; padding: 3px 6px; border: 1px solid #888; border-radius: 4px; min-height: 30px; }
#suggestions { position: absolute; z-index: 20; top: 100%; left: 0; min-width: 100%; max-height: 22em; overflow-y: auto; margin: 2px 0 0; padding: 0; list-style: none; background: #fff; border: 1px solid #888; border-radius: 4px; box-shadow: 0 3px 10px rgba(0,0,0,.15); }
#suggestions[hidden] { display: none; }
#suggestions li { padding: 4px 8px; cursor: pointer; white-space: nowrap; }
#suggestions li .also { color: var(--muted); font-size: .85em; }
#suggestions li[aria-selected="true"], #suggestions li:hover { background: #dcecf8; }
.years { display: flex; align-items: center; gap: 6px; }
#year { width: 12em; }
#year-label { min-width: 7.5em; font-variant-numeric: tabular-nums; }
.zoom button { min-width: 34px; font-weight: bold; }
.layout { display: flex; align-items: stretch; min-height: 70vh; }
.map-wrap { position: relative; flex: 1 1 auto; min-width: 0; border-right: 1px solid var(--line); }
#map { display: block; width: 100%; height: 72vh; min-height: 360px; background: #fff; touch-action: none; cursor: grab; }
#map.dragging { cursor: grabbing; }
#tooltip { position: absolute; pointer-events: none; z-index: 5; max-width: 22em; padding: 5px 8px; background: rgba(255,255,255,.97); border: 1px solid #777; border-radius: 4px; font-size: .85rem; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
#tooltip[hidden] { display: none; }
#tooltip b { display: block; }
.legend { position: absolute; left: 10px; bottom: 10px; max-width: 46%; max-height: 45%; overflow: auto; background: rgba(255,255,255,.92); border: 1px solid var(--line); border-radius: 4px; padding: 6px 8px; font-size: .8rem; }
.legend h3 { display: inline; font-size: .85rem; margin: 0; }
.legend summary { cursor: pointer; margin-bottom: 3px; }
.legend ul { list-style: none; margin: 0; padding: 0; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 50%; border: 1px solid rgba(0,0,0,.35); flex: none; }
#counts { margin: 3px 0 0; color: var(--muted); }
#panel { flex: 0 0 25rem; max-width: 40vw; max-height: 72vh; overflow-y: auto; padding: 10px 14px; background: var(--panel); }
#panel h2 { margin-top: 0; }
#panel h2, #panel p, #panel td { overflow-wrap: anywhere; }
#panel .empty { color: var(--muted); }
#panel table { border-collapse: collapse; width: 100%; font-size: .85rem; }
#panel th, #panel td { padding: 2px 4px; border-bottom: 1px solid #e2e2e2; text-align: left; }
#panel td.num, #panel th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.dashboard { padding: 4px 20px 30px; max-width: 1400px; }
.scroll { overflow-x: auto; }
table.rank, table.stats, table.names, table.timeline { border-collapse: collapse; font-size: .88rem; }
table.rank th, table.rank td, table.stats th, table.stats td, table.names th, table.names td, table.timeline th, table.timeline td { padding: 3px 8px; border-bottom: 1px solid #e4e4e4; text-align: left; }
table.rank td.num, table.stats td, table.timeline td { text-align: right; font-variant-numeric: tabular-nums; }
table.stats th { font-weight: normal; color: var(--muted); }
table.rank th button { border: 0; background: none; padding: 0; font-weight: bold; min-height: 0; }
table.rank th[aria-sort="descending"] button::after { content: " \25BE"; }
table.rank th[aria-sort="ascending"] button::after { content: " \25B4"; }
a.author { color: #005a8e; }
.chart svg { max-width: 100%; height: auto; }
.hint { color: var(--muted); font-size: .85rem; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 900px) { .layout { flex-direction: column; } #panel { max-width: none; flex-basis: auto; max-height: none; } }
/* A phone's width: the toolbar wraps within the page (a user trial of session 54 found the page
   scrolling sideways at 375 px, the Play button off-screen and a select 519 px wide). */
@media (max-width: 600px) {
  .toolbar { padding: 6px 10px; }
  .years { flex-wrap: wrap; }
  #search { width: 100%; max-width: 18em; }
  #year { width: 100%; max-width: 12em; }
  select { max-width: 100%; }
  .legend { max-width: 70%; max-height: 30%; }
}
@media print {
  .toolbar, .skip, #rank-more, #tooltip, noscript { display: none !important; }
  .layout { display: block; }
  /* The height the bitmap's own proportions give: a box of other proportions stretched the
     screen's drawing (a user trial of session 62). */
  #map { height: auto; min-height: 0; border: 1px solid #999; }
  #panel { max-height: none; max-width: none; overflow: visible; background: none; }
  details { display: block; }
  details > summary { list-style: none; }
  a.author { color: inherit; text-decoration: none; }
  section { break-inside: avoid-page; }
}
"""#

    /// The toolbar, the canvas, its legend and the side panel; the script fills them. Their words
    /// name the network's units, `unit` and `units` (`Find an author`, `Find a country`).
    /// - Parameter withTables: whether tables follow the map (the report's, not `render`'s page alone).
    static func mapMarkup(unit: String, units: String, withTables: Bool = true) -> String {
        let (a, isAuthor) = ("\(indefiniteArticle(unit)) \(unit)", unit == "author")
        let numbers = withTables ? "the side panel and the tables below give" : "the side panel gives"
        let map = isAuthor ? "co-authorship" : "collaboration"
        let whose = isAuthor ? "their metrics and collaborators" : "its metrics and partners"
        return #"""
<div class="toolbar" role="toolbar" aria-label="Map controls">
<div class="search" role="search">
<label for="search">Find \#(a)</label>
<input id="search" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="suggestions" autocomplete="off" spellcheck="false" placeholder="a name or part of one">
<ul id="suggestions" role="listbox" aria-label="Matching \#(units)" hidden></ul>
</div>
<div><label for="coloring">Colour by</label> <select id="coloring"></select></div>
<div class="years"><label for="window">Years</label>
<select id="window"><option value="all">all</option><option value="cum">up to</option><option value="1">only</option><option value="3">3 years to</option><option value="5">5 years to</option></select>
<input id="year" type="range" aria-label="Year"> <output id="year-label" for="year"></output>
<button type="button" id="play" aria-pressed="false">Play</button></div>
<div class="zoom" role="group" aria-label="Zoom"><button type="button" id="zoom-in" aria-label="Zoom in" title="Zoom in (+)">+</button><button type="button" id="zoom-out" aria-label="Zoom out" title="Zoom out (−)">−</button><button type="button" id="zoom-fit" title="Show the whole map (0)">Fit</button></div>
</div>
<div class="layout">
<div class="map-wrap">
<canvas id="map" tabindex="0" role="img" aria-describedby="map-help"></canvas>
<p id="map-help" class="sr">The \#(map) map. Drag or use the arrow keys to pan, the wheel, pinch or the plus and minus keys to zoom, 0 to fit. Find \#(a) with the search field; \#(numbers) every number in text.</p>
<div id="tooltip" role="tooltip" hidden></div>
<div class="legend" id="legend" aria-live="polite"></div>
</div>
<aside id="panel" aria-live="polite" aria-label="Selected \#(unit)"><p class="empty">Select \#(a) on the map or find one by name to see \#(whose).</p></aside>
</div>

"""#
    }
}
