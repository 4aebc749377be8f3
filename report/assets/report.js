"use strict";
// eventpipe report: decodes the inline data, then filters, maps, charts and pages it in plain
// JavaScript on canvases (no library: the whole viewer is this file).

const TYPE_COLOURS = {
  "Battles": "#c62828", "Explosions/Remote violence": "#ef6c00", "Violence against civilians": "#6a1b9a",
  "Protests": "#1565c0", "Riots": "#00838f", "Strategic developments": "#2e7d32",
};
const FALLBACK_COLOURS = ["#795548", "#607d8b", "#9e9d24", "#ad1457"];
const PAGE_SIZE = 50;
const DAY_MS = 86400000;
const state = { country: -1, admin1: -1, actor: "", from: null, to: null, origins: new Set(),
  types: new Set(), page: 0, selected: new Int32Array(0) };
const view = { cx: 0, cy: 0, k: 1 };
let D = null;          // decoded columns
let outlines = [];     // [[x0, y0, x1, y1, ...] in degrees]

function $(id) { return document.getElementById(id); }
function fmt(n) { return n.toLocaleString("en-US"); }
function isoDay(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
function label(col, i) { const c = D[col].codes[i]; return c < 0 ? "" : D[col].labels[c]; }
function colourOf(typeCode) {
  const name = D.event_type.labels[typeCode];
  return TYPE_COLOURS[name] || FALLBACK_COLOURS[typeCode % FALLBACK_COLOURS.length];
}

async function inflate(base64) {
  const binary = atob(base64.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return JSON.parse(await new Response(stream).text());
}

function decodeOutlines(doc) {
  const scale = doc.scale;
  const rings = [];
  for (const country of doc.countries) {
    for (const ring of country.rings) {
      const out = new Float64Array(ring.length);
      let x = 0, y = 0;
      for (let i = 0; i < ring.length; i += 2) {
        x += ring[i]; y += ring[i + 1];
        out[i] = x / scale; out[i + 1] = y / scale;
      }
      rings.push(out);
    }
  }
  return rings;
}

// ---- filtering -------------------------------------------------------------------------------

function actorMatches() {
  const text = state.actor.trim().toLowerCase();
  if (!text) return null;
  const match = (labels) => labels.map((name) => name.toLowerCase().includes(text));
  return { a1: match(D.actor1.labels), a2: match(D.actor2.labels) };
}

function selectRows() {
  const n = D.n, out = new Int32Array(n);
  const origins = state.origins, types = state.types, actors = actorMatches();
  const originOk = D.origin.labels.map((name) => origins.has(name));
  const typeOk = D.event_type.labels.map((_, i) => types.has(i));
  const from = state.from, to = state.to;
  const et = D.event_type.codes, or = D.origin.codes, co = D.country.codes, a1 = D.admin1.codes;
  const ac1 = D.actor1.codes, ac2 = D.actor2.codes, day = D.day;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!typeOk[et[i]] || !originOk[or[i]]) continue;
    if (state.country >= 0 && co[i] !== state.country) continue;
    if (state.admin1 >= 0 && a1[i] !== state.admin1) continue;
    if (from !== null && day[i] < from) continue;
    if (to !== null && day[i] > to) continue;
    if (actors && !((ac1[i] >= 0 && actors.a1[ac1[i]]) || (ac2[i] >= 0 && actors.a2[ac2[i]]))) continue;
    out[count++] = i;
  }
  return out.subarray(0, count);
}

function update(refit) {
  const t0 = performance.now();
  state.selected = selectRows();
  state.page = 0;
  renderCounts();
  if (refit) fitView();
  renderMap();
  renderTimeline();
  renderComparison();
  renderTable();
  document.body.dataset.updateMs = (performance.now() - t0).toFixed(1);
}

function renderCounts() {
  let fatalities = 0;
  const byOrigin = new Map();
  for (const i of state.selected) {
    fatalities += D.fatalities[i];
    const o = label("origin", i);
    byOrigin.set(o, (byOrigin.get(o) || 0) + 1);
  }
  $("count-events").textContent = fmt(state.selected.length);
  $("count-fatalities").textContent = fmt(fatalities);
  const parts = [...byOrigin].map(([o, c]) => `${o}: ${fmt(c)}`);
  $("count-origins").textContent = parts.length ? `(${parts.join(", ")})` : "";
}

// ---- map -------------------------------------------------------------------------------------

function canvasSize(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(200, Math.round(canvas.clientWidth * ratio));
  const h = Math.max(120, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  return { w, h, ratio };
}

function fitView() {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const i of state.selected) {
    const x = D.lon[i], y = D.lat[i];
    if (x === null || y === null) continue;
    if (x < minX) minX = x; if (x > maxX) maxX = x; if (y < minY) minY = y; if (y > maxY) maxY = y;
  }
  if (minX === Infinity) { minX = -1800000; maxX = 1800000; minY = -600000; maxY = 800000; }
  const s = D.scale;
  const pad = 1.0;
  minX = minX / s - pad; maxX = maxX / s + pad; minY = minY / s - pad; maxY = maxY / s + pad;
  const { w, h } = canvasSize($("map"));
  view.cx = (minX + maxX) / 2; view.cy = (minY + maxY) / 2;
  const cosLat = Math.cos(view.cy * Math.PI / 180);
  view.k = Math.min(w / ((maxX - minX) * cosLat), h / (maxY - minY));
}

function project(w, h) {
  const cosLat = Math.cos(view.cy * Math.PI / 180), k = view.k;
  return { ax: k * cosLat, bx: w / 2 - k * cosLat * view.cx, ay: -k, by: h / 2 + k * view.cy };
}

function renderMap() {
  const canvas = $("map-base"), ctx = canvas.getContext("2d");
  const { w, h, ratio } = canvasSize(canvas);
  canvasSize($("map"));
  const p = project(w, h);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = "#e8f0f6"; ctx.fillRect(0, 0, w, h);
  ctx.beginPath();
  let rings = 0;
  for (const ring of outlines) {
    ctx.moveTo(ring[0] * p.ax + p.bx, ring[1] * p.ay + p.by);
    for (let i = 2; i < ring.length; i += 2) ctx.lineTo(ring[i] * p.ax + p.bx, ring[i + 1] * p.ay + p.by);
    ctx.closePath();
    rings++;
  }
  ctx.fillStyle = "#ffffff"; ctx.fill("evenodd");
  ctx.strokeStyle = "#9aa5b1"; ctx.lineWidth = ratio * 0.8; ctx.stroke();
  const drawn = drawPoints($("map"), p, ratio);
  $("map").dataset.points = String(drawn);
  $("map").dataset.outlines = String(rings);
}

// Points are rasterised in JavaScript into one ImageData: 50,000 canvas arcs cost seconds of
// software rasterisation at paint time, a hand-written disc fill costs tens of milliseconds.
const discs = new Map();  // radius -> Int16Array of [dx, dy, ...] inside the disc

function discOffsets(r) {
  if (!discs.has(r)) {
    const out = [];
    for (let dy = -r; dy <= r; dy++) {
      for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= r * r + r) out.push(dx, dy);
    }
    discs.set(r, Int16Array.from(out));
  }
  return discs.get(r);
}

function hexRgb(hex) { return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)); }

function drawPoints(canvas, p, ratio) {
  const ctx = canvas.getContext("2d"), w = canvas.width, h = canvas.height;
  const image = ctx.createImageData(w, h), px = image.data, s = D.scale, alpha = 0.7;
  const rgb = D.event_type.labels.map((_, t) => hexRgb(colourOf(t)));
  let drawn = 0;
  for (const i of state.selected) {
    if (D.lon[i] === null || D.lat[i] === null) continue;
    const x = Math.round(D.lon[i] / s * p.ax + p.bx), y = Math.round(D.lat[i] / s * p.ay + p.by);
    const r = Math.round(ratio * Math.min(18, 2 + 1.6 * Math.sqrt(D.fatalities[i])));
    drawn++;
    if (x < -r || y < -r || x > w + r || y > h + r) continue;
    const [cr, cg, cb] = rgb[D.event_type.codes[i]], disc = discOffsets(r);
    for (let k = 0; k < disc.length; k += 2) {
      const xx = x + disc[k], yy = y + disc[k + 1];
      if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
      const o = (yy * w + xx) * 4, da = px[o + 3] / 255, oa = alpha + da * (1 - alpha);
      const keep = da * (1 - alpha) / oa, take = alpha / oa;
      px[o] = cr * take + px[o] * keep; px[o + 1] = cg * take + px[o + 1] * keep;
      px[o + 2] = cb * take + px[o + 2] * keep; px[o + 3] = oa * 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  return drawn;
}

function installMapControls() {
  const canvas = $("map");
  let drag = null;
  canvas.addEventListener("wheel", (event) => {
    event.preventDefault();
    const factor = event.deltaY < 0 ? 1.25 : 0.8;
    const { w, h, ratio } = canvasSize(canvas);
    const rect = canvas.getBoundingClientRect();
    const p = project(w, h);
    const mx = (event.clientX - rect.left) * ratio, my = (event.clientY - rect.top) * ratio;
    const lon = (mx - p.bx) / p.ax, lat = (my - p.by) / p.ay;
    view.k *= factor;
    view.cx = lon - (lon - view.cx) / factor; view.cy = lat - (lat - view.cy) / factor;
    renderMap();
  }, { passive: false });
  canvas.addEventListener("mousedown", (event) => { drag = { x: event.clientX, y: event.clientY }; });
  window.addEventListener("mouseup", () => { drag = null; });
  window.addEventListener("mousemove", (event) => {
    if (!drag) return;
    const ratio = window.devicePixelRatio || 1;
    const cosLat = Math.cos(view.cy * Math.PI / 180);
    view.cx -= (event.clientX - drag.x) * ratio / (view.k * cosLat);
    view.cy += (event.clientY - drag.y) * ratio / view.k;
    drag = { x: event.clientX, y: event.clientY };
    renderMap();
  });
  $("map-fit").addEventListener("click", () => { fitView(); renderMap(); });
}

// ---- timeline --------------------------------------------------------------------------------

function weekOf(day) { return Math.floor((day + 3) / 7); }  // weeks start on Monday (1970-01-05)

function weeklyTotals() {
  const nTypes = D.event_type.labels.length;
  let first = Infinity, last = -Infinity;
  for (const i of state.selected) {
    const wk = weekOf(D.day[i]);
    if (wk < first) first = wk; if (wk > last) last = wk;
  }
  if (first === Infinity) return null;
  const weeks = last - first + 1;
  const events = new Float64Array(weeks * nTypes), fatalities = new Float64Array(weeks * nTypes);
  for (const i of state.selected) {
    const cell = (weekOf(D.day[i]) - first) * nTypes + D.event_type.codes[i];
    events[cell] += 1; fatalities[cell] += D.fatalities[i];
  }
  return { first, weeks, nTypes, events, fatalities };
}

function renderTimeline() {
  const totals = weeklyTotals();
  for (const [id, key, title] of [["timeline-events", "events", "events per week"],
    ["timeline-fatalities", "fatalities", "fatalities per week"]]) {
    drawStacked($(id), totals, key, title);
  }
}

function drawStacked(canvas, totals, key, title) {
  const ctx = canvas.getContext("2d");
  const { w, h, ratio } = canvasSize(canvas);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.font = `${11 * ratio}px system-ui, sans-serif`;
  ctx.fillStyle = "#333";
  ctx.fillText(title, 8 * ratio, 14 * ratio);
  if (!totals) { canvas.dataset.bars = "0"; return; }
  const left = 44 * ratio, right = 8 * ratio, top = 22 * ratio, bottom = 20 * ratio;
  const plotW = w - left - right, plotH = h - top - bottom;
  const values = totals[key], nTypes = totals.nTypes;
  let max = 0;
  for (let wk = 0; wk < totals.weeks; wk++) {
    let sum = 0;
    for (let t = 0; t < nTypes; t++) sum += values[wk * nTypes + t];
    if (sum > max) max = sum;
  }
  const yScale = max > 0 ? plotH / max : 0, barW = plotW / totals.weeks;
  let bars = 0;
  for (let t = 0; t < nTypes; t++) {
    ctx.fillStyle = colourOf(t);
    for (let wk = 0; wk < totals.weeks; wk++) {
      const v = values[wk * nTypes + t];
      if (!v) continue;
      let below = 0;
      for (let u = 0; u < t; u++) below += values[wk * nTypes + u];
      const x = left + wk * barW;
      ctx.fillRect(x, top + plotH - (below + v) * yScale, Math.max(barW - ratio * 0.3, ratio * 0.7), v * yScale);
      bars++;
    }
  }
  drawAxes(ctx, totals, { left, top, plotW, plotH, ratio, max });
  canvas.dataset.bars = String(bars);
  canvas.dataset.max = String(max);
}

function drawAxes(ctx, totals, g) {
  ctx.fillStyle = "#555";
  ctx.strokeStyle = "#999";
  ctx.lineWidth = g.ratio;
  ctx.beginPath();
  ctx.moveTo(g.left, g.top); ctx.lineTo(g.left, g.top + g.plotH); ctx.lineTo(g.left + g.plotW, g.top + g.plotH);
  ctx.stroke();
  ctx.textAlign = "right";
  ctx.fillText(fmt(g.max), g.left - 4 * g.ratio, g.top + 8 * g.ratio);
  ctx.fillText("0", g.left - 4 * g.ratio, g.top + g.plotH);
  ctx.textAlign = "center";
  const firstDay = totals.first * 7 - 3, lastDay = (totals.first + totals.weeks) * 7 - 3;
  const spanDays = lastDay - firstDay;
  const ticks = spanDays > 3 * 365 ? yearTicks(firstDay, lastDay) : monthTicks(firstDay, lastDay);
  const every = Math.max(1, Math.ceil(ticks.length / 12));
  ticks.forEach(([day, text], n) => {
    if (n % every) return;
    const x = g.left + (day - firstDay) / spanDays * g.plotW;
    ctx.fillText(text, x, g.top + g.plotH + 14 * g.ratio);
  });
  ctx.textAlign = "left";
}

function yearTicks(firstDay, lastDay) {
  const out = [];
  for (let y = new Date(firstDay * DAY_MS).getUTCFullYear() + 1; ; y++) {
    const day = Date.UTC(y, 0, 1) / DAY_MS;
    if (day > lastDay) return out;
    out.push([day, String(y)]);
  }
}

function monthTicks(firstDay, lastDay) {
  const out = [], start = new Date(firstDay * DAY_MS);
  for (let m = start.getUTCMonth() + 1, y = start.getUTCFullYear(); ; m++) {
    const day = Date.UTC(y, m, 1) / DAY_MS;
    if (day > lastDay) return out;
    out.push([day, new Date(day * DAY_MS).toISOString().slice(0, 7)]);
  }
}

// ---- comparison ------------------------------------------------------------------------------

function renderComparison() {
  const months = new Map(), nTypes = D.event_type.labels.length;
  const acled = D.origin.labels.indexOf("acled");
  for (const i of state.selected) {
    const key = D.country.codes[i] + "|" + D.month[i];
    if (!months.has(key)) months.set(key, { acled: new Int32Array(nTypes), extracted: new Int32Array(nTypes) });
    const side = D.origin.codes[i] === acled ? "acled" : "extracted";
    months.get(key)[side][D.event_type.codes[i]] += 1;
  }
  const both = [...months].filter(([, m]) => sum(m.acled) > 0 && sum(m.extracted) > 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1)).slice(0, 500);
  const table = $("compare");
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const text of ["Country", "Month", ...D.event_type.labels, "All"]) cell(head, text, "th");
  const body = table.createTBody();
  for (const [key, m] of both) {
    const row = body.insertRow();
    const [country, month] = key.split("|");
    cell(row, D.country.labels[Number(country)] || "(none)");
    cell(row, month);
    for (let t = 0; t < nTypes; t++) cell(row, `${m.acled[t]} / ${m.extracted[t]}`, "td", "num both");
    cell(row, `${sum(m.acled)} / ${sum(m.extracted)}`, "td", "num both");
  }
  table.dataset.rows = String(both.length);
  if (!both.length) cell(body.insertRow(), "No country-month has events of both origins under these filters.");
}

function monthsOf(days) {
  const cache = new Map();
  return days.map((day) => {
    if (!cache.has(day)) cache.set(day, isoDay(day).slice(0, 7));
    return cache.get(day);
  });
}

function sum(array) { let s = 0; for (const v of array) s += v; return s; }

function cell(row, text, tag = "td", className = "") {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  row.appendChild(el);
  return el;
}

// ---- table -----------------------------------------------------------------------------------

function renderTable() {
  const total = state.selected.length, pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  const body = $("events").tBodies[0];
  const rows = [];
  const start = state.page * PAGE_SIZE;
  for (const i of state.selected.subarray(start, start + PAGE_SIZE)) rows.push(eventRow(i));
  body.replaceChildren(...rows);
  $("page-info").textContent = `page ${state.page + 1} of ${fmt(pages)} (rows ${fmt(total ? start + 1 : 0)}-` +
    `${fmt(Math.min(total, start + PAGE_SIZE))} of ${fmt(total)})`;
  $("page-prev").disabled = state.page === 0;
  $("page-next").disabled = state.page >= pages - 1;
}

function eventRow(i) {
  const row = document.createElement("tr");
  row.dataset.event = D.event_id_cnty[i];
  cell(row, isoDay(D.day[i]));
  cell(row, label("origin", i), "td", "origin-" + label("origin", i));
  cell(row, `${label("event_type", i)} / ${label("sub_event_type", i)}`);
  cell(row, [label("actor1", i), label("actor2", i)].filter(Boolean).join(" vs "));
  cell(row, [label("location", i), label("admin1", i), label("country", i)].filter(Boolean).join(", "));
  cell(row, String(D.fatalities[i]), "td", "num");
  cell(row, D.notes[i]);
  cell(row, label("doc_ids", i) || label("source", i));
  const evidence = cell(row, D.evidence[i]);
  if (D.explain[i]) {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "why (evidence per field)";
    const pre = document.createElement("pre");
    pre.textContent = D.explain[i];
    details.append(summary, pre);
    evidence.appendChild(details);
  }
  if (D.confidence[i] !== null) row.title = `${D.event_id_cnty[i]}, confidence ${D.confidence[i]}`;
  return row;
}

// ---- filter controls -------------------------------------------------------------------------

function countBy(col) {
  const counts = new Int32Array(D[col].labels.length);
  for (const c of D[col].codes) if (c >= 0) counts[c]++;
  return counts;
}

function fillSelect(select, col, keep) {
  const counts = new Int32Array(D[col].labels.length);
  for (let i = 0; i < D.n; i++) if (keep(i) && D[col].codes[i] >= 0) counts[D[col].codes[i]]++;
  const options = [new Option("all", "-1")];
  D[col].labels.forEach((name, code) => {
    if (counts[code]) options.push(new Option(`${name} (${fmt(counts[code])})`, String(code)));
  });
  select.replaceChildren(...options);
}

function buildControls() {
  fillSelect($("f-country"), "country", () => true);
  fillSelect($("f-admin1"), "admin1", () => true);
  const actorCounts = countBy("actor1");
  const topActors = D.actor1.labels.map((name, c) => [name, actorCounts[c]])
    .sort((a, b) => b[1] - a[1]).slice(0, 300);
  $("actor-list").replaceChildren(...topActors.map(([name]) => new Option(name)));
  const typeCounts = countBy("event_type");
  const boxes = D.event_type.labels.map((name, code) => {
    state.types.add(code);
    const box = document.createElement("label");
    box.innerHTML = '<input type="checkbox" checked><span class="swatch"></span>';
    box.querySelector("input").value = String(code);
    box.querySelector("input").id = "f-type-" + code;
    box.querySelector(".swatch").style.background = colourOf(code);
    box.append(`${name} (${fmt(typeCounts[code])})`);
    return box;
  });
  $("f-types").replaceChildren(...boxes);
  for (const box of document.querySelectorAll(".f-origin")) if (box.checked) state.origins.add(box.value);
  bindControls();
}

function bindControls() {
  $("f-country").addEventListener("change", (e) => {
    state.country = Number(e.target.value);
    state.admin1 = -1;
    fillSelect($("f-admin1"), "admin1", (i) => state.country < 0 || D.country.codes[i] === state.country);
    update(true);
  });
  $("f-admin1").addEventListener("change", (e) => { state.admin1 = Number(e.target.value); update(true); });
  $("f-actor").addEventListener("change", (e) => { state.actor = e.target.value; update(false); });
  $("f-from").addEventListener("change", (e) => { state.from = dayOf(e.target.value); update(false); });
  $("f-to").addEventListener("change", (e) => { state.to = dayOf(e.target.value); update(false); });
  for (const box of document.querySelectorAll(".f-origin")) {
    box.addEventListener("change", () => { toggle(state.origins, box.value, box.checked); update(false); });
  }
  for (const box of document.querySelectorAll("#f-types input")) {
    box.addEventListener("change", () => { toggle(state.types, Number(box.value), box.checked); update(false); });
  }
  $("f-reset").addEventListener("click", resetFilters);
  $("page-prev").addEventListener("click", () => { state.page--; renderTable(); });
  $("page-next").addEventListener("click", () => { state.page++; renderTable(); });
  window.addEventListener("resize", () => { renderMap(); renderTimeline(); });
}

function toggle(set, value, on) { if (on) set.add(value); else set.delete(value); }
function dayOf(text) { return text ? Math.floor(Date.parse(text + "T00:00:00Z") / DAY_MS) : null; }

function resetFilters() {
  Object.assign(state, { country: -1, admin1: -1, actor: "", from: null, to: null });
  for (const id of ["f-actor", "f-from", "f-to"]) $(id).value = "";
  $("f-country").value = "-1";
  fillSelect($("f-admin1"), "admin1", () => true);
  for (const box of document.querySelectorAll("#filters input[type=checkbox]")) box.checked = true;
  state.origins = new Set(D.origin.labels);
  state.types = new Set(D.event_type.labels.map((_, i) => i));
  update(true);
}

// ---- start -----------------------------------------------------------------------------------

async function start() {
  const status = $("status");
  const t0 = performance.now();
  try {
    const meta = JSON.parse($("report-meta").textContent);
    const outlineDoc = JSON.parse($("report-outlines").textContent);
    outlines = decodeOutlines(outlineDoc);
    $("outline-credit").textContent = "Country outlines: " + outlineDoc.source + ".";
    const marks = { script: t0 };
    D = await inflate($("report-data").textContent);
    marks.decoded = performance.now();
    D.scale = meta.coordinate_scale;
    D.month = monthsOf(D.day);
    $("meta").textContent = `${meta.filter} - built ${meta.built} from ${meta.warehouse}`;
    buildControls();
    marks.controls = performance.now();
    update(true);
    marks.drawn = performance.now();
    installMapControls();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    marks.painted = performance.now();
    document.body.dataset.marks = JSON.stringify(marks);
    const ms = performance.now() - t0;
    status.textContent = `${fmt(D.n)} events, ready in ${ms.toFixed(0)} ms.`;
    document.body.dataset.readyMs = ms.toFixed(1);  // decode + first render
    document.body.dataset.readyAt = performance.now().toFixed(1);  // since navigation start, painted
    document.body.dataset.ready = "1";
  } catch (error) {
    status.textContent = "The report could not be shown: " + error;
    status.className = "error";
    console.error(error);
  }
}

start();
