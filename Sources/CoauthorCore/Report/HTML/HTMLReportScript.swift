extension HTMLReportAssets {
    /// The page's behaviour: a canvas map with pan and zoom, search, hover, the author
    /// panel, the year filter, colourings and the rankings table. Plain ES2017, no library.
    ///
    /// `window.coauthorReport` exposes read-only probes for the browser tests
    /// (what is shown, highlighted and selected, where a node is on screen, draw times).
    static let script = #"""
(function () {
'use strict';
var D = JSON.parse(document.getElementById('coauthor-data').textContent);
var N = D.names.length, T = D.ties, M = T.s.length;
var $ = function (id) { return document.getElementById(id); };

// Adjacency: for each author the ids of their ties.
var degree = new Int32Array(N);
for (var e = 0; e < M; e++) { degree[T.s[e]]++; degree[T.t[e]]++; }
var adjStart = new Int32Array(N + 1);
for (var v = 0; v < N; v++) adjStart[v + 1] = adjStart[v] + degree[v];
var adjFill = adjStart.slice(0, N), adj = new Int32Array(2 * M);
for (e = 0; e < M; e++) { adj[adjFill[T.s[e]]++] = e; adj[adjFill[T.t[e]]++] = e; }
function other(e, v) { return T.s[e] === v ? T.t[e] : T.s[e]; }

// Map geometry: world coordinates are Graphviz points with y pointing down.
var drawn = [], onMap = new Uint8Array(N), wx = new Float64Array(N), wy = new Float64Array(N), wr = new Float64Array(N);
var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, maxR = 1;
for (v = 0; v < N; v++) {
  if (D.x[v] === null) continue;
  drawn.push(v); onMap[v] = 1;
  wx[v] = D.x[v]; wy[v] = -D.y[v]; wr[v] = D.d[v] / 2;
  maxR = Math.max(maxR, wr[v]);
  minX = Math.min(minX, wx[v] - wr[v]); maxX = Math.max(maxX, wx[v] + wr[v]);
  minY = Math.min(minY, wy[v] - wr[v]); maxY = Math.max(maxY, wy[v] + wr[v]);
}
if (!drawn.length) { minX = minY = 0; maxX = maxY = 1; }
// A map of one or two authors spans at least twelve of its largest discs across, so that Fit
// does not zoom until one disc fills the panel (a user trial of session 61).
(function () {
  var least = 12 * maxR, c;
  if (maxX - minX < least) { c = (minX + maxX) / 2; minX = c - least / 2; maxX = c + least / 2; }
  if (maxY - minY < least) { c = (minY + maxY) / 2; minY = c - least / 2; maxY = c + least / 2; }
})();
var mapTies = [];
for (e = 0; e < M; e++) if (onMap[T.s[e]] && onMap[T.t[e]]) mapTies.push(e);
var maxW = 0;
for (var i = 0; i < mapTies.length; i++) maxW = Math.max(maxW, T.w[mapTies[i]]);
maxW = maxW || 1;
var few = drawn.length <= 60, mid = drawn.length <= 400;
var maxPen = few ? 7 : 4, edgeAlpha = few ? 0.6 : (mid ? 0.4 : 0.25);

// Label priority: the size metric, higher first (ties by name), as the SVG picks its labels.
var sizeColumn = null;
D.metrics.forEach(function (m) { if (m.key === D.size) sizeColumn = m.values; });
function sizeOf(v) { var x = sizeColumn ? sizeColumn[v] : D.papers[v]; return x === null ? -Infinity : x; }
// Names in the order people read them: case and accents aside (`eva Kühn` among the E's, not
// after `Zvi`: a user trial of session 62), then by code for a fixed order.
var collator = typeof Intl !== 'undefined' ? new Intl.Collator('en', { sensitivity: 'base' }) : null;
function byName(a, b) {
  var x = D.names[a], y = D.names[b], c = collator ? collator.compare(x, y) : 0;
  return c || (x < y ? -1 : x > y ? 1 : 0);
}
var byImportance = drawn.slice().sort(function (a, b) { return sizeOf(b) - sizeOf(a) || (D.names[a] < D.names[b] ? -1 : 1); });
var importance = new Int32Array(N).fill(N);
byImportance.forEach(function (v, k) { importance[v] = k; });
var sMin = Infinity, sMax = -Infinity;
drawn.forEach(function (v) { var s = sizeOf(v); if (isFinite(s)) { sMin = Math.min(sMin, s); sMax = Math.max(sMax, s); } });
function labelFont(v) {
  var s = sizeOf(v), share = sMax > sMin && isFinite(s) ? (s - sMin) / (sMax - sMin) : 1;
  return Math.round(11 + 5 * Math.sqrt(share));
}

// Spatial index: a uniform grid over the drawn authors, for hit tests.
var cell = Math.max(maxR * 2, (maxX - minX + maxY - minY) / 200, 1);
var grid = new Map();
function cellKey(cx, cy) { return cx * 100003 + cy; }
drawn.forEach(function (v) {
  var k = cellKey(Math.floor(wx[v] / cell), Math.floor(wy[v] / cell));
  var list = grid.get(k); if (!list) grid.set(k, list = []); list.push(v);
});
function nodeAt(px, py, slack) {
  var x = (px - view.tx) / view.s, y = (py - view.ty) / view.s, best = -1, bestD = Infinity;
  var reach = maxR + slack / view.s, c0 = Math.floor((x - reach) / cell), c1 = Math.floor((x + reach) / cell);
  var r0 = Math.floor((y - reach) / cell), r1 = Math.floor((y + reach) / cell);
  for (var cx = c0; cx <= c1; cx++) for (var cy = r0; cy <= r1; cy++) {
    var list = grid.get(cellKey(cx, cy)); if (!list) continue;
    for (var j = 0; j < list.length; j++) {
      var u = list[j]; if (!shown[u]) continue;
      var dx = wx[u] - x, dy = wy[u] - y, d = Math.sqrt(dx * dx + dy * dy);
      var r = Math.max(wr[u], 3 / view.s) + slack / view.s;
      if (d <= r && d < bestD) { best = u; bestD = d; }
    }
  }
  return best;
}

// The year filter.
var firstYear = Infinity, lastYear = -Infinity;
for (v = 0; v < N; v++) { var ys = D.years[v]; if (ys.length) { firstYear = Math.min(firstYear, ys[0]); lastYear = Math.max(lastYear, ys[ys.length - 1]); } }
var hasYears = isFinite(firstYear);
var shown = new Uint8Array(N).fill(1), tieShown = new Uint8Array(M).fill(1);
var filter = { mode: 'all', year: hasYears ? lastYear : 0 };
function anyIn(list, lo, hi) {
  for (var k = 0; k < list.length; k++) if (list[k] >= lo && list[k] <= hi) return true;
  return false;
}
function applyFilter() {
  var lo = -Infinity, hi = Infinity;
  if (filter.mode === 'cum') hi = filter.year;
  else if (filter.mode !== 'all') { hi = filter.year; lo = filter.year - Number(filter.mode) + 1; }
  var all = filter.mode === 'all';
  for (var u = 0; u < N; u++) shown[u] = all || anyIn(D.years[u], lo, hi) ? 1 : 0;
  for (var k = 0; k < M; k++) tieShown[k] = all || anyIn(T.y[k], lo, hi) ? 1 : 0;
  updateYearLabel(); updateLegend(); schedule();
}

// Colours.
var coloring = D.colorings[D.defaultColoring] || { legend: [], colors: [], group: [], title: '' };
function fillOf(v) { var g = coloring.group[v]; return g >= 0 ? coloring.colors[g] : '#bbbbbb'; }
var GREY = '#bbbbbb';
// Ties take their ends' colour when both share one (grey excepted), dark grey otherwise, as in the SVG.
var tiePen = new Float64Array(M), tieColour = new Uint8Array(M), tiePalette = [];
for (e = 0; e < M; e++) tiePen[e] = Math.max(0.6, maxPen * T.w[e] / maxW);
function recolourTies() {
  tiePalette = coloring.colors.slice(0, 63).concat(['#707070']);
  var dark = tiePalette.length - 1;
  for (var k = 0; k < M; k++) {
    var ga = coloring.group[T.s[k]], gb = coloring.group[T.t[k]];
    tieColour[k] = ga >= 0 && ga === gb && ga < 63 && coloring.colors[ga] !== GREY ? ga : dark;
  }
}
recolourTies();

// The view: screen = world * s + t, in CSS pixels.
var canvas = $('map'), ctx = canvas.getContext('2d');
var view = { s: 1, tx: 0, ty: 0 }, cssW = 0, cssH = 0, fitScale = 1, fitted = null;
function resize() {
  var rect = canvas.getBoundingClientRect(), ratio = window.devicePixelRatio || 1;
  var w = Math.max(1, Math.round(rect.width)), h = Math.max(1, Math.round(rect.height));
  if (w === cssW && h === cssH && canvas.width === Math.round(w * ratio)) return false;
  var cx = cssW ? (cssW / 2 - view.tx) / view.s : null, cy = cssH ? (cssH / 2 - view.ty) / view.s : null;
  cssW = w; cssH = h;
  canvas.width = Math.round(w * ratio); canvas.height = Math.round(h * ratio);
  fitScale = fitView(fitArea()).s;
  // A map the reader has not moved is fitted again to the new size (a window resized or a phone
  // turned kept the old zoom, names cut at the edge: a user trial of session 62); a moved one
  // keeps its centre.
  var untouched = fitted && view.s === fitted.s && view.tx === fitted.tx && view.ty === fitted.ty;
  if (cx === null || untouched) fit(); else { view.tx = cssW / 2 - cx * view.s; view.ty = cssH / 2 - cy * view.s; }
  return true;
}
// The whole map's scale in an area: room for the names under the lowest nodes and a margin all round.
function scaleFor(area) { return Math.max(1e-6, Math.min((area.w - 40) / (maxX - minX), (area.h - 64) / (maxY - minY))); }
// The part of the canvas the whole map is fitted into: beside or above the legend, which lies over
// its bottom-left corner, whichever holds the map larger (names under the legend could not be
// read: a user trial of session 54).
function fitArea() {
  var whole = { x: 0, y: 0, w: cssW, h: cssH }, legend = $('legend');
  if (!legend || !legend.offsetWidth || !legend.offsetHeight) return whole;
  var lw = legend.offsetLeft + legend.offsetWidth, lh = cssH - legend.offsetTop;
  var beside = { x: lw, y: 0, w: cssW - lw, h: cssH }, above = { x: 0, y: 0, w: cssW, h: cssH - lh };
  if (beside.w < cssW / 3 && above.h < cssH / 3) return whole;
  return scaleFor(beside) >= scaleFor(above) ? beside : above;
}
// Half a name's width on screen with the band drawn under it (names keep their size in pixels
// at every zoom; the focus and the selected author's are bold).
function nameHalfWidth(v, bold) {
  ctx.font = (bold ? 'bold ' : '') + labelFont(v) + FONT;
  return ctx.measureText(D.names[v]).width / 2 + 3;
}
// The names Fit makes room for: the most important, which are named first, and the focus.
var fitNames = null;
function namesToFit() {
  if (fitNames) return fitNames;
  var list = byImportance.slice(0, 120);
  if (typeof D.focus === 'number' && D.focus >= 0 && onMap[D.focus] && list.indexOf(D.focus) < 0) list.push(D.focus);
  fitNames = list.map(function (v) { return { x: wx[v], h: nameHalfWidth(v, v === D.focus) }; });
  return fitNames;
}
// The whole map in `area`, with room for the names that stick out at its sides (a user trial of
// session 56 found names cut at the right edge at 1200 px, and at both edges at 400 px): the
// largest scale at which every such name and every disc fits across, but never below a third of
// the discs' own scale, and the map centred on what it spans.
function fitView(area) {
  var s = scaleFor(area), width = area.w - 40, names = namesToFit(), i, j;
  var points = names.concat([{ x: minX, h: 0 }, { x: maxX, h: 0 }]);
  for (i = 0; i < points.length; i++) for (j = 0; j < points.length; j++) {
    var a = points[i], b = points[j];
    if (a.x > b.x && a.h + b.h > 0) s = Math.min(s, (width - a.h - b.h) / (a.x - b.x));
  }
  s = Math.max(s, scaleFor(area) / 3);
  var left = Infinity, right = -Infinity;
  points.forEach(function (p) { left = Math.min(left, p.x * s - p.h); right = Math.max(right, p.x * s + p.h); });
  return { s: s, tx: area.x + area.w / 2 - (left + right) / 2, ty: area.y + area.h / 2 - 10 - (minY + maxY) / 2 * s };
}
function fit() {
  fitted = fitView(fitArea());
  view.s = fitScale = fitted.s; view.tx = fitted.tx; view.ty = fitted.ty;
  schedule();
}
function zoomAt(factor, px, py) {
  var s = Math.min(Math.max(view.s * factor, fitScale * 0.5), Math.max(fitScale * 400, 40));
  factor = s / view.s;
  view.tx = px - (px - view.tx) * factor; view.ty = py - (py - view.ty) * factor; view.s = s;
  schedule();
}
function centreOn(v, scale) {
  if (scale) view.s = scale;
  view.tx = cssW / 2 - wx[v] * view.s; view.ty = cssH / 2 - wy[v] * view.s;
  schedule();
}

// Highlight: the hovered author (else the selected one) with their ties and co-authors.
var hovered = -1, selected = -1, hi = null, hiTies = null;
function focusNode() { return hovered >= 0 ? hovered : selected; }
function updateHighlight() {
  var f = focusNode();
  if (f < 0) { hi = hiTies = null; return; }
  hi = new Uint8Array(N); hiTies = new Uint8Array(M); hi[f] = 2;
  for (var k = adjStart[f]; k < adjStart[f + 1]; k++) {
    var e = adj[k]; if (!tieShown[e]) continue;
    hiTies[e] = 1; var u = other(e, f); if (shown[u]) hi[u] = hi[u] || 1;
  }
}

// Drawing.
var pending = false, lastDraw = 0, drawTimes = [], phases = {};
function schedule() { if (!pending) { pending = true; requestAnimationFrame(function () { pending = false; draw(); }); } }
function hexAlpha(hex, a) {
  var n = parseInt(hex.slice(1, 7), 16);
  return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + a + ')';
}
function draw() {
  var t0 = performance.now();
  resize();
  var ratio = canvas.width / cssW;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, cssW, cssH);
  updateHighlight();
  var s = view.s, tx = view.tx, ty = view.ty, pad = 20;
  var x0 = (-pad - tx) / s, x1 = (cssW + pad - tx) / s, y0 = (-pad - ty) / s, y1 = (cssH + pad - ty) / s;
  // Ties, batched by colour and width, under the nodes; faded when something is highlighted.
  // A batch key is a number: (kind * 64 + colour) * 1000 + width in half pixels.
  var batches = new Map(), k, e, a, b, key, batch, kindOf = hi ? 1 : 0, clipped;
  for (k = 0; k < mapTies.length; k++) {
    e = mapTies[k]; a = T.s[e]; b = T.t[e];
    if (!tieShown[e] || !shown[a] || !shown[b]) continue;
    if ((wx[a] < x0 && wx[b] < x0) || (wx[a] > x1 && wx[b] > x1) || (wy[a] < y0 && wy[b] < y0) || (wy[a] > y1 && wy[b] > y1)) continue;
    // A tie shorter than a pixel on screen would only be covered by its ends.
    if (Math.abs(wx[a] - wx[b]) * s < 1 && Math.abs(wy[a] - wy[b]) * s < 1) continue;
    var strong = hiTies !== null && hiTies[e] === 1;
    var halves = Math.max(strong ? 3 : 1, Math.round(tiePen[e] * s * 2));
    // A tie only passing through the screen (both ends off it) is context: a hairline, far cheaper to draw.
    if (!strong && (wx[a] < x0 || wx[a] > x1 || wy[a] < y0 || wy[a] > y1) && (wx[b] < x0 || wx[b] > x1 || wy[b] < y0 || wy[b] > y1)) halves = Math.min(halves, 2);
    key = ((strong ? 2 : kindOf) * 64 + tieColour[e]) * 1000 + Math.min(halves, 999);
    batch = batches.get(key);
    if (!batch) batches.set(key, batch = []);
    // Clipped to the screen: a long wide line reaching far outside costs the rasterizer dearly.
    clipped = clip(wx[a] * s + tx, wy[a] * s + ty, wx[b] * s + tx, wy[b] * s + ty, -pad, -pad, cssW + pad, cssH + pad);
    if (clipped) batch.push(clipped[0], clipped[1], clipped[2], clipped[3]);
  }
  var keys = Array.from(batches.keys()).sort(function (p, q) { return p - q; });
  ctx.lineCap = 'butt';
  keys.forEach(function (key) {
    var kind = Math.floor(key / 64000), colour = tiePalette[Math.floor(key / 1000) % 64], list = batches.get(key);
    ctx.strokeStyle = hexAlpha(colour, kind === 2 ? 0.9 : kind === 1 ? 0.06 : edgeAlpha);
    ctx.lineWidth = (key % 1000) / 2;
    ctx.beginPath();
    for (var j = 0; j < list.length; j += 4) { ctx.moveTo(list[j], list[j + 1]); ctx.lineTo(list[j + 2], list[j + 3]); }
    ctx.stroke();
  });
  var tEdges = performance.now();
  // Nodes, batched by fill.
  var fills = new Map(), faded = [], visible = [];
  for (k = 0; k < drawn.length; k++) {
    var v = drawn[k];
    if (!shown[v]) continue;
    if (wx[v] + wr[v] < x0 || wx[v] - wr[v] > x1 || wy[v] + wr[v] < y0 || wy[v] - wr[v] > y1) continue;
    visible.push(v);
    var fill = fillOf(v);
    if (hi && !hi[v]) { faded.push(v); continue; }
    var list = fills.get(fill); if (!list) fills.set(fill, list = []); list.push(v);
  }
  if (faded.length) {
    ctx.fillStyle = 'rgba(190,190,190,0.35)'; ctx.beginPath();
    faded.forEach(function (v) { circle(v, s, tx, ty); }); ctx.fill();
  }
  Array.from(fills.keys()).sort().forEach(function (fill) {
    ctx.fillStyle = fill; ctx.beginPath();
    fills.get(fill).forEach(function (v) { circle(v, s, tx, ty); });
    ctx.fill();
    if (s * maxR > 4) { ctx.strokeStyle = 'rgba(255,255,255,0.9)'; ctx.lineWidth = 1; ctx.stroke(); }
  });
  // The focus author outlined (as in the SVG), the highlighted author ringed.
  function ring(v, colour, width) {
    if (v < 0 || !onMap[v] || !shown[v]) return;
    ctx.strokeStyle = colour; ctx.lineWidth = width; ctx.beginPath();
    ctx.arc(wx[v] * s + tx, wy[v] * s + ty, Math.max(wr[v] * s, 2.5) + width / 2, 0, 2 * Math.PI); ctx.stroke();
  }
  if (D.focus !== null) ring(D.focus, '#000000', 2.5);
  ring(selected, '#D55E00', 3);
  if (hovered >= 0 && hovered !== selected) ring(hovered, '#D55E00', 2);
  var tNodes = performance.now();
  drawLabels(visible, s, tx, ty);
  lastDraw = performance.now() - t0;
  phases = { ties: tEdges - t0, nodes: tNodes - tEdges, labels: performance.now() - tNodes };
  drawTimes.push(lastDraw); if (drawTimes.length > 200) drawTimes.shift();
}
// Liang–Barsky: the part of the segment inside the rectangle, or null.
var clipOut = [0, 0, 0, 0];
function clip(ax, ay, bx, by, left, top, right, bottom) {
  var t0 = 0, t1 = 1, dx = bx - ax, dy = by - ay;
  var p = [-dx, dx, -dy, dy], q = [ax - left, right - ax, ay - top, bottom - ay];
  for (var i = 0; i < 4; i++) {
    if (p[i] === 0) { if (q[i] < 0) return null; continue; }
    var r = q[i] / p[i];
    if (p[i] < 0) { if (r > t1) return null; if (r > t0) t0 = r; }
    else { if (r < t0) return null; if (r < t1) t1 = r; }
  }
  clipOut[0] = ax + t0 * dx; clipOut[1] = ay + t0 * dy; clipOut[2] = ax + t1 * dx; clipOut[3] = ay + t1 * dy;
  return clipOut;
}
function circle(v, s, tx, ty) {
  var x = wx[v] * s + tx, y = wy[v] * s + ty, r = Math.max(wr[v] * s, 1.5);
  // Below two pixels a square looks the same and costs far less.
  if (r < 2) { ctx.rect(x - r, y - r, 2 * r, 2 * r); return; }
  ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI);
}
// Names: the most important first, each only where it overlaps no name already placed;
// zooming in spreads the authors apart, so every name shows at some zoom level.
var LABEL_CELL = 40, labelled = [], labelBoxes = [], textWidth = new Float32Array(N).fill(-1), FONT = 'px system-ui, "DejaVu Sans", Arial, sans-serif';
function drawLabels(visible, s, tx, ty) {
  var occupied = new Map(), placed = 0, budget = 600, isVisible = new Uint8Array(N), font = '';
  visible.forEach(function (v) { isVisible[v] = 1; });
  labelled = []; labelBoxes = [];
  // Highlighted authors first, then by importance (byImportance is sorted once).
  var order = hi ? visible.filter(function (v) { return hi[v]; }).sort(function (a, b) { return importance[a] - importance[b]; }) : [];
  ctx.textAlign = 'center'; ctx.textBaseline = 'top'; ctx.lineJoin = 'round';
  function place(v) {
    var size = labelFont(v), name = shortName(D.names[v]), bold = v === selected || v === D.focus;
    var f = (bold ? 'bold ' : '') + size + FONT;
    if (f !== font) { ctx.font = f; font = f; }
    var w = bold ? ctx.measureText(name).width : textWidth[v];
    if (w < 0) w = textWidth[v] = ctx.measureText(name).width;
    w += 6;
    var h = size + 4, cx = wx[v] * s + tx, top = wy[v] * s + ty + Math.max(wr[v] * s, 1.5) + 1;
    var box = [cx - w / 2, top, cx + w / 2, top + h];
    if (box[2] < 0 || box[0] > cssW || box[3] < 0 || box[1] > cssH) return;
    if (!(hi && hi[v] === 2) && collides(occupied, box)) return;
    occupy(occupied, box);
    // A translucent band under the name (as in the SVG) keeps it readable over ties; cheaper than a text halo.
    ctx.fillStyle = 'rgba(255,255,255,0.6)'; ctx.fillRect(box[0] + 2, top + 1, w - 4, h - 2);
    ctx.fillStyle = hi && !hi[v] ? '#888888' : '#1a1a1a'; ctx.fillText(name, cx, top + 2);
    labelled.push(v); labelBoxes.push({ name: D.names[v], left: box[0] + 3, right: box[2] - 3 }); placed++;
  }
  for (var k = 0; k < order.length && placed < budget; k++) place(order[k]);
  if (hi && order.length) return;
  // The focus before the others, as the SVG names it whatever its rank (a user trial of session
  // 62 saw the outlined focus unnamed beside 49 names). (A selected author is highlighted, named above.)
  if (typeof D.focus === 'number' && D.focus >= 0 && isVisible[D.focus]) place(D.focus);
  for (k = 0; k < byImportance.length && placed < budget; k++) { if (isVisible[byImportance[k]]) place(byImportance[k]); }
}
function boxCells(box, visit) {
  var c0 = Math.floor(box[0] / LABEL_CELL), c1 = Math.floor(box[2] / LABEL_CELL);
  var r0 = Math.floor(box[1] / LABEL_CELL), r1 = Math.floor(box[3] / LABEL_CELL);
  for (var c = c0; c <= c1; c++) for (var r = r0; r <= r1; r++) if (visit(c * 4099 + r)) return true;
  return false;
}
function collides(occupied, box) {
  return boxCells(box, function (key) {
    var list = occupied.get(key); if (!list) return false;
    for (var j = 0; j < list.length; j++) {
      var o = list[j];
      if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) return true;
    }
    return false;
  });
}
function occupy(occupied, box) {
  boxCells(box, function (key) { var list = occupied.get(key); if (!list) occupied.set(key, list = []); list.push(box); return false; });
}

// Pointer: drag to pan, wheel and pinch to zoom, hover for the tooltip, click to select.
var tooltip = $('tooltip'), pointers = new Map(), drag = null, pinch = null, moved = false;
function local(ev) { var r = canvas.getBoundingClientRect(); return [ev.clientX - r.left, ev.clientY - r.top]; }
canvas.addEventListener('pointerdown', function (ev) {
  canvas.setPointerCapture(ev.pointerId);
  pointers.set(ev.pointerId, local(ev)); moved = false;
  if (pointers.size === 1) { var p = local(ev); drag = { x: p[0], y: p[1], tx: view.tx, ty: view.ty }; canvas.classList.add('dragging'); }
  if (pointers.size === 2) {
    var ps = Array.from(pointers.values());
    pinch = { d: Math.hypot(ps[0][0] - ps[1][0], ps[0][1] - ps[1][1]), s: view.s }; drag = null;
  }
});
canvas.addEventListener('pointermove', function (ev) {
  var p = local(ev);
  if (pointers.has(ev.pointerId)) pointers.set(ev.pointerId, p);
  if (pinch && pointers.size === 2) {
    var ps = Array.from(pointers.values()), d = Math.hypot(ps[0][0] - ps[1][0], ps[0][1] - ps[1][1]);
    zoomAt(pinch.s * d / pinch.d / view.s, (ps[0][0] + ps[1][0]) / 2, (ps[0][1] + ps[1][1]) / 2); moved = true; return;
  }
  if (drag) {
    if (Math.abs(p[0] - drag.x) + Math.abs(p[1] - drag.y) > 3) moved = true;
    if (moved) { view.tx = drag.tx + p[0] - drag.x; view.ty = drag.ty + p[1] - drag.y; hideTooltip(); schedule(); return; }
  }
  hover(nodeAt(p[0], p[1], ev.pointerType === 'touch' ? 10 : 3), p);
});
function endPointer(ev) {
  pointers.delete(ev.pointerId);
  if (pointers.size < 2) pinch = null;
  if (pointers.size === 0) {
    canvas.classList.remove('dragging');
    if (drag && !moved) { var p = local(ev), v = nodeAt(p[0], p[1], 4); if (v >= 0) select(v, false); }
    drag = null;
  }
}
canvas.addEventListener('pointerup', endPointer);
canvas.addEventListener('pointercancel', endPointer);
canvas.addEventListener('pointerleave', function () { if (!drag) hover(-1); });
canvas.addEventListener('wheel', function (ev) {
  ev.preventDefault();
  var p = local(ev), dy = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
  zoomAt(Math.exp(-dy * 0.0015), p[0], p[1]);
}, { passive: false });
canvas.addEventListener('keydown', function (ev) {
  var step = 60, handled = true;
  switch (ev.key) {
    case 'ArrowLeft': view.tx += step; schedule(); break;
    case 'ArrowRight': view.tx -= step; schedule(); break;
    case 'ArrowUp': view.ty += step; schedule(); break;
    case 'ArrowDown': view.ty -= step; schedule(); break;
    case '+': case '=': zoomAt(1.25, cssW / 2, cssH / 2); break;
    case '-': case '_': zoomAt(0.8, cssW / 2, cssH / 2); break;
    case '0': fit(); break;
    case 'Escape': select(-1); break;
    default: handled = false;
  }
  if (handled) ev.preventDefault();
});
$('zoom-in').addEventListener('click', function () { zoomAt(1.25, cssW / 2, cssH / 2); });
$('zoom-out').addEventListener('click', function () { zoomAt(0.8, cssW / 2, cssH / 2); });
$('zoom-fit').addEventListener('click', fit);
window.addEventListener('resize', function () { if (resize()) schedule(); });

function yearsText(first, last) { return first === null || first === undefined ? '' : first === last ? String(first) : first + '–' + last; }
function metricValue(key, v) {
  for (var k = 0; k < D.metrics.length; k++) if (D.metrics[k].key === key) return D.metrics[k].values[v];
  return null;
}
// An estimate's bound beside its value in the side panel: the unit's own where bounds differ
// from unit to unit (harmonic), else the metric's; nothing for exact values (a bound of 0: the
// unit's component was measured exactly).
function errorText(m, v) {
  if (!m.estimate || m.values[v] === null) return '';
  var b = m.bounds ? m.bounds[v] : m.bound;
  return b ? ' ± ' + fmt(b, false) : '';
}
// The terminal columns of a character, as `TextTable.displayWidth` counts them: two for the
// East Asian wide ranges, none for combining marks.
function columns(ch) {
  var c = ch.codePointAt(0);
  if (/^\p{Mn}|^\p{Me}/u.test(ch) && ch.length <= 2) return 0;
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
    (c >= 0x20000 && c <= 0x3FFFD) ? 2 : 1;
}
// A name as the map draws it: at most 40 columns, cut between characters (a letter keeps its
// marks) with `…`, as network.svg's labels (a name of 600 letters covered the map: a user trial
// of session 61); the tooltip and the panel keep it whole.
var segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter() : null;
function shortName(name) {
  var parts = segmenter ? Array.from(segmenter.segment(name), function (s) { return s.segment; }) : Array.from(name);
  var width = 0, k;
  for (k = 0; k < parts.length; k++) width += Array.from(parts[k]).reduce(function (w, ch) { return w + columns(ch); }, 0);
  if (width <= 40) return name;
  var kept = '', used = 0;
  for (k = 0; k < parts.length; k++) {
    var w = Array.from(parts[k]).reduce(function (w, ch) { return w + columns(ch); }, 0);
    if (used + w > 39) break;
    kept += parts[k]; used += w;
  }
  return kept.replace(/ +$/, '') + '…';
}
// A metric's value: 4 decimals, and below 0.1 four significant digits, without trailing zeros
// (`0.002022`, which `rank`'s three significant digits of a column write `0.00202`; the report
// showed `0.002` beside `9.876e-4` in one column: a user trial of session 61); an exponent only
// beyond a millionth and a million.
function fmt(x, integer) {
  if (x === null || x === undefined) return '–';
  if (integer) return String(x);
  if (!isFinite(x)) return isNaN(x) ? '–' : x < 0 ? '-∞' : '∞';
  var a = Math.abs(x);
  if (a >= 1e6 || a !== 0 && a < 1e-6) return x.toExponential(3);
  var decimals = a === 0 || a >= 0.1 ? 4 : 3 - Math.floor(Math.log10(a));
  var text = x.toFixed(decimals);
  if (text.indexOf('.') >= 0) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}
function hover(v, p) {
  if (v !== hovered) { hovered = v; schedule(); }
  if (v < 0) { hideTooltip(); return; }
  var ys = D.years[v], tip = '<b></b>';
  tooltip.innerHTML = tip;
  tooltip.firstChild.textContent = D.names[v];
  var metricKey = $('rank-metric') && $('rank-metric').value || D.size, column = metricColumn(metricKey);
  var lines = [D.papers[v] + (D.papers[v] === 1 ? ' paper' : ' papers') + (ys.length ? ', ' + yearsText(ys[0], ys[ys.length - 1]) : ''),
    degree[v] + ' ' + D.neighbours[degree[v] === 1 ? 0 : 1]];
  if (column) lines.push(column.key + ': ' + fmt(column.values[v], column.integer));
  lines.forEach(function (line) { var span = document.createElement('span'); span.textContent = line; tooltip.appendChild(span); tooltip.appendChild(document.createElement('br')); });
  tooltip.hidden = false;
  var x = Math.min(p[0] + 14, cssW - tooltip.offsetWidth - 4), y = p[1] + 14;
  if (y + tooltip.offsetHeight > cssH) y = p[1] - tooltip.offsetHeight - 10;
  tooltip.style.left = Math.max(0, x) + 'px'; tooltip.style.top = Math.max(0, y) + 'px';
}
function hideTooltip() { tooltip.hidden = true; }

// Ranks per metric, computed when first needed: the order (higher first; equal values by name)
// and each author's rank, shared by equal values (1, 1, 3: a user trial of session 56 read the
// 13 authors of the highest core as #1 to #13), with how many share it.
var rankCache = {};
// A metric's description, with how it was estimated when it was.
function described(m) { return m.estimate ? m.summary + ' (' + m.estimate + ')' : m.summary; }
function metricColumn(key) { for (var k = 0; k < D.metrics.length; k++) if (D.metrics[k].key === key) return D.metrics[k]; return null; }
function ranksOf(key) {
  if (rankCache[key]) return rankCache[key];
  var column = metricColumn(key), order = [], k;
  for (k = 0; k < N; k++) order.push(k);
  order.sort(function (a, b) {
    var x = column.values[a], y = column.values[b];
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    if (x !== y && x !== null) return y - x;
    return D.names[a] < D.names[b] ? -1 : D.names[a] > D.names[b] ? 1 : a - b;
  });
  var ranks = new Int32Array(N), tied = new Int32Array(N), start = 0, p, q;
  for (p = 1; p <= N; p++) {
    if (p < N && column.values[order[p]] === column.values[order[start]]) continue;
    for (q = start; q < p; q++) { ranks[order[q]] = start + 1; tied[order[q]] = p - start; }
    start = p;
  }
  return (rankCache[key] = { ranks: ranks, tied: tied, order: order });
}

// The side panel.
var panel = $('panel'), tieSort = 'papers';
// The empty panel's words, as the page's markup gives them for the network's units.
var emptyPanel = panel.querySelector('p.empty').textContent;
function el(tag, text, cls) { var x = document.createElement(tag); if (text !== undefined) x.textContent = text; if (cls) x.className = cls; return x; }
function authorLink(u) {
  var a = el('a', D.names[u], 'author'); a.href = '#author-' + u; a.dataset.author = u;
  return a;
}
document.addEventListener('click', function (ev) {
  var a = ev.target.closest && ev.target.closest('a[data-author]');
  if (!a) return;
  ev.preventDefault();
  // An author the year filter hides is shown with every year, as the search shows one (a
  // user trial of session 54: a ranking's link centred the map on an author it did not draw).
  var u = Number(a.dataset.author);
  if (!shown[u]) showAllYears();
  select(u, true);
  if (a.closest('#dashboard')) $('map').scrollIntoView({ behavior: 'smooth', block: 'center' });
});
function select(v, centre) {
  selected = v;
  if (v >= 0 && centre && onMap[v]) {
    // Centre the author, zoomed so that their co-authors are on the screen; when that would
    // show less than the whole map, frame the author with their co-authors instead.
    var reach = wr[v] * 4, bx0 = wx[v] - wr[v], bx1 = wx[v] + wr[v], by0 = wy[v] - wr[v], by1 = wy[v] + wr[v];
    for (var k = adjStart[v]; k < adjStart[v + 1]; k++) {
      var u = other(adj[k], v); if (!onMap[u]) continue;
      reach = Math.max(reach, Math.hypot(wx[u] - wx[v], wy[u] - wy[v]) + wr[u]);
      bx0 = Math.min(bx0, wx[u] - wr[u]); bx1 = Math.max(bx1, wx[u] + wr[u]); by0 = Math.min(by0, wy[u] - wr[u]); by1 = Math.max(by1, wy[u] + wr[u]);
    }
    // (In the part of the canvas beside or above the legend, as the whole map is.)
    var area = fitArea(), most = Math.max(fitScale * 400, 40), centred = Math.min(area.w, area.h) / 2.4 / reach;
    if (centred >= fitScale) {
      view.s = Math.min(centred, most);
      view.tx = area.x + area.w / 2 - wx[v] * view.s; view.ty = area.y + area.h / 2 - wy[v] * view.s;
    } else {
      view.s = Math.min(Math.max(Math.min((area.w - 40) / (bx1 - bx0), (area.h - 64) / (by1 - by0)), fitScale * 0.5), most);
      view.tx = area.x + area.w / 2 - (bx0 + bx1) / 2 * view.s; view.ty = area.y + area.h / 2 - 10 - (by0 + by1) / 2 * view.s;
    }
    // The author's own name on the screen (at 400 px it was cut off at the left: a user trial of
    // session 56), its start first where it is wider than the map.
    var half = nameHalfWidth(v, true), cx = wx[v] * view.s + view.tx;
    if (cx + half > area.x + area.w - 4) view.tx -= cx + half - (area.x + area.w - 4);
    cx = wx[v] * view.s + view.tx;
    if (cx - half < area.x + 4) view.tx += area.x + 4 - (cx - half);
    schedule();
  }
  renderPanel(); schedule();
}
function renderPanel(shownAuthor) {
  panel.textContent = '';
  var v = shownAuthor === undefined ? selected : shownAuthor;
  if (v < 0) { delete panel.dataset.author; delete panel.dataset.index; panel.appendChild(el('p', emptyPanel, 'empty')); return; }
  panel.dataset.author = D.names[v]; panel.dataset.index = String(v);
  var h = el('h2', D.names[v]); h.id = 'panel-name'; panel.appendChild(h);
  var variants = D.variants[String(v)];
  if (variants) panel.appendChild(el('p', 'Also written: ' + variants.join('; ')));
  var ys = D.years[v];
  panel.appendChild(el('p', D.papers[v] + (D.papers[v] === 1 ? ' paper' : ' papers') + (ys.length ? ', ' + yearsText(ys[0], ys[ys.length - 1]) : '') +
    ' · ' + degree[v] + ' ' + D.neighbours[degree[v] === 1 ? 0 : 1] + (onMap[v] ? '' : ' · not drawn on the map')));
  if (coloring.group[v] >= 0) panel.appendChild(el('p', coloring.legend[coloring.group[v]]));
  var table = el('table'), head = el('tr');
  table.appendChild(el('caption', 'Metrics and rank among ' + N + ' ' + D.units[1], 'sr'));
  ['metric', 'value', 'rank'].forEach(function (t, k) { var th = el('th', t, k ? 'num' : ''); th.scope = 'col'; head.appendChild(th); });
  var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
  var body = el('tbody');
  D.metrics.forEach(function (m) {
    var tr = el('tr'), th = el('th', m.key); th.scope = 'row'; th.title = described(m); tr.appendChild(th);
    tr.appendChild(el('td', (m.estimate && m.values[v] !== null ? '≈ ' : '') + fmt(m.values[v], m.integer) + errorText(m, v), 'num'));
    var r = ranksOf(m.key);
    tr.appendChild(el('td', m.values[v] === null ? '–' : '#' + r.ranks[v] + (r.tied[v] > 1 ? ' (' + r.tied[v] + ' tied)' : ''), 'num'));
    body.appendChild(tr);
  });
  table.appendChild(body); panel.appendChild(table);
  var ties = [];
  for (var k = adjStart[v]; k < adjStart[v + 1]; k++) ties.push(adj[k]);
  // Collaborators between authors, partners between institutions or countries (the data's word).
  var those = D.units[0] === 'author' ? 'Collaborators' : 'Partners';
  var h3 = el('h3', those + ' (' + ties.length + ')'); panel.appendChild(h3);
  if (!ties.length) return;
  var p = el('p'), label = el('label', 'Order by '); label.htmlFor = 'tie-sort';
  var chooser = el('select'); chooser.id = 'tie-sort';
  [['papers', 'joint papers'], ['recency', 'recency'], ['last', 'last year'], ['first', 'first year'], ['weight', 'tie weight']].forEach(function (o) {
    var opt = el('option', o[1]); opt.value = o[0]; if (o[0] === tieSort) opt.selected = true; chooser.appendChild(opt);
  });
  chooser.addEventListener('change', function () { tieSort = chooser.value; renderPanel(v); $('tie-sort').focus(); });
  p.appendChild(label); p.appendChild(chooser); panel.appendChild(p);
  function key(e) {
    switch (tieSort) {
      case 'recency': return T.r[e];
      case 'last': return T.l[e] === null ? -Infinity : T.l[e];
      case 'first': return T.f[e] === null ? -Infinity : -T.f[e];
      case 'weight': return T.w[e];
      default: return T.p[e];
    }
  }
  ties.sort(function (a, b) { return key(b) - key(a) || (D.names[other(a, v)] < D.names[other(b, v)] ? -1 : 1); });
  var list = el('table'); list.id = 'collaborators';
  list.appendChild(el('caption', those + ' of ' + D.names[v] + ' by ' + chooser.options[chooser.selectedIndex].text, 'sr'));
  var hr = el('tr');
  // The tie weight where it is not the joint papers (fractional weights, institutions and
  // countries): it could be ordered by but not read (a user trial of session 54).
  var weighted = false;
  for (var k = 0; k < ties.length && !weighted; k++) weighted = T.w[ties[k]] !== T.p[ties[k]];
  // (A partner of an institution or a country: the heading says partners, so does the column.)
  [[D.units[0] === 'author' ? 'collaborator' : D.neighbours[0], ''], ['papers', 'num']].concat(weighted ? [['weight', 'num']] : [], [['years', 'num'], ['recency', 'num']])
    .forEach(function (c) { var th = el('th', c[0], c[1]); th.scope = 'col'; if (c[0] === 'weight') th.title = D.weightName; hr.appendChild(th); });
  var lh = el('thead'); lh.appendChild(hr); list.appendChild(lh);
  var lb = el('tbody');
  ties.forEach(function (e) {
    var u = other(e, v), tr = el('tr'), td = el('td');
    td.appendChild(authorLink(u)); tr.appendChild(td);
    tr.appendChild(el('td', String(T.p[e]), 'num papers'));
    if (weighted) tr.appendChild(el('td', fmt(T.w[e]), 'num weight'));
    tr.appendChild(el('td', yearsText(T.f[e], T.l[e]), 'num years'));
    tr.appendChild(el('td', fmt(T.r[e]), 'num'));
    lb.appendChild(tr);
  });
  list.appendChild(lb); panel.appendChild(list);
}

// Search with completion over every name and merged variant, accents and case folded.
var search = $('search'), suggestions = $('suggestions'), matches = [], active = -1;
// Letters with no accent to strip read as their plain ones too (`Łukasz` is found by
// `lukasz`: a user trial of session 57).
var PLAIN_LETTERS = { 'ł': 'l', 'ø': 'o', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', 'ħ': 'h' };
function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[łøßæœđðþıħ]/g, function (c) { return PLAIN_LETTERS[c]; });
}
var keys = [];
// (A country's code and other names are found too, as `--focus` finds them.)
function spellingsOf(v) { return (D.variants[String(v)] || []).concat(D.aliases[String(v)] || []); }
for (v = 0; v < N; v++) keys.push(fold([D.names[v]].concat(spellingsOf(v)).join('\u0001')));
// Whether every word of a query starts a different word of one of the names (`Ooi, Beng Chin`
// and `B. C. Ooi` find Beng Chin Ooi: a user trial of session 54 found only parts of one name).
function wordsMatch(queryWords, key) {
  // (Split only where every word is somewhere in the names: most are not, on every keystroke.)
  for (var k = 0; k < queryWords.length; k++) if (key.indexOf(queryWords[k]) < 0) return false;
  return key.split('\u0001').some(function (name) {
    var words = name.split(/[\s,.\-]+/).filter(Boolean), used = [];
    return queryWords.every(function (q) {
      for (var k = 0; k < words.length; k++) if (!used[k] && words[k].indexOf(q) === 0) { used[k] = true; return true; }
      return false;
    });
  });
}
function findAuthors(query, limit) {
  var q = fold(query.trim()); if (!q) return [];
  // Longest first, so that an initial does not take the word a longer query word needs (`C Chen`).
  var queryWords = q.split(/[\s,.\-]+/).filter(Boolean).sort(function (a, b) { return b.length - a.length; });
  var found = [];
  for (var u = 0; u < N; u++) {
    var at = keys[u].indexOf(q), score;
    if (at >= 0) score = at === 0 ? 0 : /[\s\u0001\-.]/.test(keys[u][at - 1]) ? 1 : 2;
    else if (queryWords.length > 1 && wordsMatch(queryWords, keys[u])) score = 3;
    else continue;
    found.push([score, -D.papers[u], u]);
  }
  found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (D.names[a[2]] < D.names[b[2]] ? -1 : 1); });
  return found.slice(0, limit).map(function (f) { return f[2]; });
}
function showSuggestions() {
  matches = findAuthors(search.value, 12); active = matches.length ? 0 : -1;
  suggestions.textContent = '';
  matches.forEach(function (u, k) {
    var li = el('li'); li.id = 'suggestion-' + k; li.setAttribute('role', 'option'); li.dataset.author = u;
    li.appendChild(document.createTextNode(D.names[u]));
    var q = fold(search.value.trim()), variants = spellingsOf(u);
    var via = variants.filter(function (name) { return fold(name).indexOf(q) >= 0 && fold(D.names[u]).indexOf(q) < 0; });
    li.appendChild(el('span', ' · ' + D.papers[u] + (D.papers[u] === 1 ? ' paper' : ' papers') + (via.length ? ' · as ' + via[0] : '') + (onMap[u] ? '' : ' · not on the map'), 'also'));
    li.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(u); });
    suggestions.appendChild(li);
  });
  if (!matches.length && search.value.trim()) { var none = el('li', 'No ' + D.units[0] + ' matches'); none.setAttribute('aria-disabled', 'true'); suggestions.appendChild(none); }
  suggestions.hidden = !search.value.trim();
  search.setAttribute('aria-expanded', suggestions.hidden ? 'false' : 'true');
  markActive();
}
function markActive() {
  Array.prototype.forEach.call(suggestions.children, function (li, k) { li.setAttribute('aria-selected', k === active ? 'true' : 'false'); });
  if (active >= 0) { search.setAttribute('aria-activedescendant', 'suggestion-' + active); } else search.removeAttribute('aria-activedescendant');
}
function choose(u) {
  search.value = D.names[u]; suggestions.hidden = true; search.setAttribute('aria-expanded', 'false');
  if (!shown[u]) showAllYears();
  select(u, true);
  // The map brought into view where part of it is off the screen (on a phone the chosen author
  // was centred below the fold, with no sign that anything happened: a user trial of session 62);
  // the panel, for an author the map does not draw.
  var target = onMap[u] ? $('map') : panel, box = target.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) target.scrollIntoView({ behavior: 'smooth', block: onMap[u] ? 'center' : 'start' });
}
function showAllYears() { $('window').value = 'all'; filter.mode = 'all'; applyFilter(); }
search.addEventListener('input', showSuggestions);
search.addEventListener('keydown', function (ev) {
  if (ev.key === 'ArrowDown' && matches.length) { active = (active + 1) % matches.length; markActive(); ev.preventDefault(); }
  else if (ev.key === 'ArrowUp' && matches.length) { active = (active + matches.length - 1) % matches.length; markActive(); ev.preventDefault(); }
  else if (ev.key === 'Enter') { if (active >= 0) choose(matches[active]); ev.preventDefault(); }
  else if (ev.key === 'Escape') { suggestions.hidden = true; search.setAttribute('aria-expanded', 'false'); }
});
search.addEventListener('blur', function () { setTimeout(function () { suggestions.hidden = true; search.setAttribute('aria-expanded', 'false'); }, 150); });

// Colourings and the legend with the counts of what is shown.
var coloringSelect = $('coloring');
D.colorings.forEach(function (c, k) { var o = el('option', c.key); o.value = String(k); if (k === D.defaultColoring) o.selected = true; coloringSelect.appendChild(o); });
coloringSelect.addEventListener('change', function () { coloring = D.colorings[Number(coloringSelect.value)]; recolourTies(); updateLegend(); if (panel.dataset.author !== undefined) renderPanel(Number(panel.dataset.index)); schedule(); });
var legendOpen = true;
function updateLegend() {
  var legend = $('legend'), counts = new Array(coloring.legend.length).fill(0), authors = 0, ties = 0;
  drawn.forEach(function (u) { if (shown[u]) { authors++; if (coloring.group[u] >= 0) counts[coloring.group[u]]++; } });
  mapTies.forEach(function (e) { if (tieShown[e] && shown[T.s[e]] && shown[T.t[e]]) ties++; });
  // A details element, so that a reader can fold the legend away from the map; it stays as they left it.
  legend.textContent = '';
  var box = el('details'), summary = el('summary'), ul = el('ul');
  box.open = legendOpen;
  box.addEventListener('toggle', function () { legendOpen = box.open; });
  summary.appendChild(el('h3', coloring.title)); box.appendChild(summary); legend.appendChild(box);
  coloring.legend.forEach(function (label, k) {
    var li = el('li'), sw = el('span', '', 'swatch'); sw.style.background = coloring.colors[k]; sw.setAttribute('aria-hidden', 'true');
    li.appendChild(sw); li.appendChild(el('span', label + ' (' + counts[k] + ')')); ul.appendChild(li);
  });
  box.appendChild(ul);
  var when = filter.mode === 'all' ? 'all years' : $('year-label').textContent;
  var line = el('p', authors + ' ' + D.units[authors === 1 ? 0 : 1] + ', ' + ties + ' ties shown (' + when + ')'); line.id = 'counts'; legend.appendChild(line);
  canvas.setAttribute('aria-label', (D.units[0] === 'author' ? 'Co-authorship' : 'Collaboration') + ' map: ' + authors + ' ' + D.units[authors === 1 ? 0 : 1] + ' and ' + ties + ' ties, ' + when + '; ' + coloring.title.toLowerCase() + '.');
}

// The year slider and play.
var yearInput = $('year'), windowSelect = $('window'), playButton = $('play'), timer = null;
function updateYearLabel() {
  var y = filter.year, text;
  switch (filter.mode) {
    case 'all': text = hasYears ? yearsText(firstYear, lastYear) : 'no years'; break;
    case 'cum': text = 'up to ' + y; break;
    case '1': text = String(y); break;
    default: text = (y - Number(filter.mode) + 1) + '–' + y;
  }
  $('year-label').textContent = text;
  yearInput.setAttribute('aria-valuetext', text);
}
if (hasYears) {
  yearInput.min = String(firstYear); yearInput.max = String(lastYear); yearInput.value = String(lastYear); yearInput.step = '1';
} else { yearInput.disabled = true; windowSelect.disabled = true; playButton.disabled = true; }
yearInput.addEventListener('input', function () {
  filter.year = Number(yearInput.value);
  if (filter.mode === 'all') { filter.mode = 'cum'; windowSelect.value = 'cum'; }
  applyFilter();
});
windowSelect.addEventListener('change', function () { filter.mode = windowSelect.value; applyFilter(); });
function stopPlay() { if (timer) clearInterval(timer); timer = null; playButton.textContent = 'Play'; playButton.setAttribute('aria-pressed', 'false'); }
playButton.addEventListener('click', function () {
  if (timer) return stopPlay();
  if (filter.mode === 'all') { filter.mode = 'cum'; windowSelect.value = 'cum'; }
  filter.year = firstYear; yearInput.value = String(firstYear); applyFilter();
  playButton.textContent = 'Pause'; playButton.setAttribute('aria-pressed', 'true');
  timer = setInterval(function () {
    if (filter.year >= lastYear) return stopPlay();
    filter.year++; yearInput.value = String(filter.year); applyFilter();
  }, 800);
});

// The rankings table: a metric selector and sortable columns.
var rankMetric = $('rank-metric'), rankTable = $('rank-table'), rankLimit = 25, rankSort = null;
function renderRanking() {
  if (!rankTable) return;
  var key = rankMetric.value, columns = [key].concat(D.metrics.map(function (m) { return m.key; }).filter(function (k) { return k !== key; }));
  var sortKey = rankSort ? rankSort.key : key, dir = rankSort ? rankSort.dir : -1;
  var order;
  if (sortKey === 'name') order = ranksOf(key).order.slice().sort(function (a, b) { return dir * byName(a, b); });
  else if (dir < 0) order = ranksOf(sortKey).order;
  else {
    // Lowest first, as the order is read backwards, but missing values still last and equal
    // values still by name (a user trial of session 54: ascending constraint began with the
    // units that have none, in reverse alphabetical order).
    var values = metricColumn(sortKey).values;
    order = ranksOf(sortKey).order.slice().sort(function (a, b) {
      var x = values[a], y = values[b];
      if ((x === null) !== (y === null)) return x === null ? 1 : -1;
      if (x !== y && x !== null) return x - y;
      return D.names[a] < D.names[b] ? -1 : D.names[a] > D.names[b] ? 1 : a - b;
    });
  }
  var thead = rankTable.tHead, tbody = rankTable.tBodies[0], tr = el('tr');
  thead.textContent = ''; tbody.textContent = '';
  ['rank', 'name'].concat(columns).forEach(function (c) {
    var th = el('th'); th.scope = 'col';
    if (c === 'rank') th.textContent = '#';
    else {
      var b = el('button', c); b.type = 'button'; b.dataset.sort = c;
      var m = metricColumn(c); if (m) b.title = described(m);
      if (m && m.estimate) b.textContent = c + ' ≈';
      th.appendChild(b);
      if (c === sortKey) th.setAttribute('aria-sort', dir < 0 ? 'descending' : 'ascending');
    }
    tr.appendChild(th);
  });
  thead.appendChild(tr);
  // (No rank for a missing value, as in the panel.)
  var ranks = ranksOf(key).ranks, ranked = metricColumn(key).values;
  order.slice(0, rankLimit).forEach(function (u) {
    var row = el('tr'); row.appendChild(el('td', ranked[u] === null ? '–' : String(ranks[u]), 'num'));
    var td = el('td'); td.appendChild(authorLink(u)); row.appendChild(td);
    columns.forEach(function (c) { var m = metricColumn(c); row.appendChild(el('td', fmt(m.values[u], m.integer), 'num')); });
    tbody.appendChild(row);
  });
  $('rank-count').textContent = 'showing ' + Math.min(rankLimit, N) + ' of ' + N + ' ' + D.units[1];
  $('rank-more').hidden = rankLimit >= N;
}
if (rankMetric) {
  D.metrics.forEach(function (m) { var o = el('option', m.key + (m.estimate ? ' (estimated)' : '') + ' — ' + m.summary); o.value = m.key; if (m.key === D.size) o.selected = true; rankMetric.appendChild(o); });
  rankMetric.addEventListener('change', function () { rankSort = null; renderRanking(); });
  rankTable.tHead.addEventListener('click', function (ev) {
    var b = ev.target.closest('button[data-sort]'); if (!b) return;
    var c = b.dataset.sort, current = rankSort ? rankSort.key : rankMetric.value, dir = rankSort ? rankSort.dir : -1;
    rankSort = { key: c, dir: c === current ? -dir : (c === 'name' ? 1 : -1) };
    renderRanking();
    var again = rankTable.tHead.querySelector('button[data-sort="' + c + '"]'); if (again) again.focus();
  });
  $('rank-more').addEventListener('click', function () { rankLimit += 100; renderRanking(); });
  renderRanking();
}

// Start: the whole map beside its legend (filled by the filter), the focus author selected when there is one.
resize(); applyFilter(); fit();
// The panel starts on the focus author; the map highlights only what the reader picks.
if (D.focus !== null) renderPanel(D.focus);
draw();

// Probes for the browser tests.
window.coauthorReport = {
  // How the search folds a query and a name.
  folded: function (text) { return fold(text); },
  // How a metric's value is written in the tables and the panel, and a name on the map.
  formatted: function (x, integer) { return fmt(x, integer); },
  drawnName: function (name) { return shortName(name); },
  shownNames: function () { var out = []; drawn.forEach(function (u) { if (shown[u]) out.push(D.names[u]); }); return out; },
  highlightedNames: function () { updateHighlight(); var out = []; if (hi) for (var u = 0; u < N; u++) if (hi[u] === 1) out.push(D.names[u]); return out; },
  hoveredName: function () { return hovered >= 0 ? D.names[hovered] : null; },
  selectedName: function () { return selected >= 0 ? D.names[selected] : null; },
  labelledCount: function () { return labelled.length; },
  // The names drawn, with where their text starts and ends across the map (CSS pixels), and its width.
  nameExtents: function () { return { width: cssW, names: labelBoxes.slice() }; },
  screenPosition: function (name) {
    var u = D.names.indexOf(name); if (u < 0 || !onMap[u]) return null;
    var r = canvas.getBoundingClientRect();
    return { x: r.left + wx[u] * view.s + view.tx, y: r.top + wy[u] * view.s + view.ty, r: wr[u] * view.s };
  },
  visibleNodes: function () { var out = []; drawn.forEach(function (u) { var x = wx[u] * view.s + view.tx, y = wy[u] * view.s + view.ty; if (shown[u] && x > 20 && y > 20 && x < cssW - 20 && y < cssH - 20) out.push(D.names[u]); }); return out; },
  drawNow: function (flush) { var t0 = performance.now(); draw(); if (flush) ctx.getImageData(0, 0, 1, 1); return performance.now() - t0; },
  // A zoom step drawn at once; with `flush`, the time includes rasterizing the frame (reading a pixel back forces it).
  zoomStep: function (factor, flush) {
    var t0 = performance.now(); zoomAt(factor, cssW / 2, cssH / 2); draw();
    if (flush) ctx.getImageData(0, 0, 1, 1);
    return performance.now() - t0;
  },
  fit: function () { fit(); draw(); },
  select: function (name) { select(D.names.indexOf(name), true); draw(); },
  drawTimes: function () { return drawTimes.slice(); },
  // Centres an author without selecting them, at the whole map's scale, and draws.
  centre: function (name) { var u = D.names.indexOf(name); if (u >= 0 && onMap[u]) { selected = -1; hovered = -1; centreOn(u, fitScale); draw(); } },
  isLabelled: function (name) { return labelled.indexOf(D.names.indexOf(name)) >= 0; },
  phases: function () { return phases; },
  authorCount: N, drawnCount: drawn.length, tieCount: M
};
})();
"""#
}
