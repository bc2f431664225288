// The review page of one source: its pages drawn by PDF.js (or its sheets
// as grids) with every fact's box and every refused value marked, the
// list of facts beside them, and the corrections. Text from the report is
// put into the page only as text (textContent), never as HTML.
import * as pdfjsLib from './vendor/pdfjs/pdf.min.mjs';

const data = JSON.parse(document.getElementById('page-data').textContent);
const token = document.querySelector('meta[name="letopis-token"]').content;
const vendor = new URL('./vendor/pdfjs/', import.meta.url).href;
pdfjsLib.GlobalWorkerOptions.workerSrc = vendor + 'pdf.worker.min.mjs';

const $ = (id) => document.getElementById(id);
const pagesEl = $('pages'), listEl = $('facts'), detailEl = $('detail'), tipEl = $('tip'), toastEl = $('toast');
const facts = [], refused = []; // filled from data.data
const byID = new Map();
let shown = [];        // the list's entries in order: {kind: 'fact'|'refused', item}
let current = -1;      // index in shown of the selected entry
let addMode = false;
const pageViews = new Map(); // page number → {div, viewport, text}

// ---------- small helpers ----------

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

// num writes a value the Slovene way: 1.234,5.
function num(v) {
  if (v === null || v === undefined) return '';
  return v.toLocaleString('sl-SI', { maximumFractionDigits: 6 });
}

// parseNum reads a number as the report prints it (1.234,5; 2 500; 40,3)
// or with a decimal point (1234.5).
function parseNum(s) {
  const t = String(s).trim().replace(/[\s\u00a0]/g, '');
  if (/^[-−]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^[-−]?\d+(,\d+)?$/.test(t)) {
    return Number(t.replace(/\./g, '').replace(',', '.').replace('−', '-'));
  }
  if (/^[-−]?\d+(\.\d+)?$/.test(t)) return Number(t.replace('−', '-'));
  return NaN;
}

function toast(msg, bad) {
  toastEl.textContent = msg;
  toastEl.className = 'toast' + (bad ? ' bad' : '');
  toastEl.hidden = false;
  clearTimeout(toast.t);
  toast.t = setTimeout(() => { toastEl.hidden = true; }, bad ? 6000 : 2500);
}

function label(f) {
  return `${num(f.value)} ${f.unit}`;
}

// ---------- writes ----------

// send posts a correction with the session token; while an import holds
// the warehouse (503) it tries again every two seconds, a minute at most.
async function send(correction) {
  for (let i = 0; i < 30; i++) {
    const r = await fetch('/api/review', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Letopis-Token': token },
      body: JSON.stringify(correction),
    });
    const body = await r.json().catch(() => ({ error: r.statusText }));
    if (r.ok) return body;
    if (r.status === 503) {
      toast('The warehouse is busy (an import is running); trying again…', true);
      await new Promise((res) => setTimeout(res, 2000));
      continue;
    }
    throw new Error(body.error || r.statusText);
  }
  throw new Error('the warehouse stayed busy; the correction was not saved');
}

function updateFact(f) {
  const old = byID.get(f.id);
  if (old) Object.assign(old, f); else { facts.push(f); byID.set(f.id, f); }
  if (f.added && refused.length) {
    for (const v of refused) if (v.promoted_to === f.id && f.status === 'rejected') v.promoted_to = '';
  }
  return byID.get(f.id);
}

async function correct(c, after) {
  try {
    const f = updateFact(await send(c));
    if (c.action === 'promote') {
      const v = refused.find((x) => x.seq === c.refused_seq);
      if (v) v.promoted_to = f.id;
    }
    drawMarks();
    renderList(f.id);
    progress();
    toast(`${c.action}: ${label(f)} — ${f.indicator}`);
    if (after) after(f);
  } catch (e) {
    toast(`Not saved: ${e.message}`, true);
  }
}

// ---------- the list ----------

function matches(f, kind) {
  const act = $('f-activity').value, unit = $('f-unit').value, st = $('f-status').value;
  if (kind === 'refused') {
    if (st !== 'refused') return false;
    return !act || f.activity === act;
  }
  if (st === 'refused') return false;
  if (act && f.activity !== act) return false;
  if (unit && f.unit !== unit) return false;
  if (st === 'low') return f.confidence < 0.7;
  return !st || f.status === st;
}

// inOrder puts entries in reading order: the import's facts (and refused
// values) by their place in the source; a fact added by review after the
// last fact printed above it.
function inOrder(entries) {
  const read = entries.filter((e) => e.item.seq >= 0).sort((a, b) => a.item.seq - b.item.seq);
  for (const e of entries.filter((x) => x.item.seq < 0)) {
    const a = e.item;
    let at = 0;
    read.forEach((r, i) => {
      const f = r.item;
      if (r.kind === 'fact' && (f.page < a.page || (f.page === a.page && (!a.box || (f.box && f.box[3] >= a.box[3]))))) at = i + 1;
    });
    read.splice(at, 0, e);
  }
  return read;
}

function renderList(keepID) {
  let all = [];
  for (const f of facts) if (matches(f, 'fact')) all.push({ kind: 'fact', item: f });
  for (const v of refused) if (matches(v, 'refused')) all.push({ kind: 'refused', item: v });
  shown = inOrder(all);
  listEl.replaceChildren();
  shown.forEach((e, i) => {
    const li = el('li', 'entry ' + (e.kind === 'fact' ? 'st-' + e.item.status : 'refused'));
    li.dataset.index = i;
    li.id = e.kind === 'fact' ? 'fact-' + e.item.id : 'refused-' + e.item.seq;
    if (e.kind === 'fact') {
      const f = e.item;
      li.append(el('span', 'status', f.status), el('span', 'value', label(f)), el('span', 'ind', f.indicator));
      const where = f.page ? `p. ${f.page}` : (f.cell ? `${f.sheet}!${f.cell}` : '');
      li.append(el('span', 'where muted', [f.activity, where].filter(Boolean).join(' · ')));
    } else {
      const v = e.item;
      li.append(el('span', 'status', v.promoted_to ? 'promoted' : 'refused'), el('span', 'value', v.text), el('span', 'ind', v.reason));
      li.append(el('span', 'where muted', v.page ? `p. ${v.page}` : (v.cell ? `${v.sheet}!${v.cell}` : '')));
    }
    li.addEventListener('click', () => select(i, true));
    listEl.append(li);
  });
  current = -1;
  if (keepID) {
    const i = shown.findIndex((e) => e.kind === 'fact' && e.item.id === keepID);
    if (i >= 0) select(i, false);
  }
}

function progress() {
  const n = facts.length;
  const done = facts.filter((f) => f.status !== 'unreviewed').length;
  $('progress').textContent = `${done} of ${n} facts reviewed · ${refused.length} values refused`;
}

function fillFilters() {
  const acts = [...new Set(facts.map((f) => f.activity).filter(Boolean))].sort();
  for (const a of acts) { const o = el('option', '', a); o.value = a; $('f-activity').append(o); }
  const units = [...new Set(facts.map((f) => f.unit))].sort();
  for (const u of units) { const o = el('option', '', u); o.value = u; $('f-unit').append(o); }
  for (const id of ['f-activity', 'f-unit', 'f-status']) $(id).addEventListener('change', () => renderList());
}

// ---------- selection and the detail panel ----------

function select(i, scrollPage) {
  if (i < 0 || i >= shown.length) return;
  listEl.querySelector('.selected')?.classList.remove('selected');
  document.querySelectorAll('.mark.selected').forEach((m) => m.classList.remove('selected'));
  current = i;
  const e = shown[i];
  const li = listEl.children[i];
  li.classList.add('selected');
  li.scrollIntoView({ block: 'nearest' });
  const mark = markOf(e);
  if (mark) mark.classList.add('selected');
  if (scrollPage) scrollToEntry(e);
  showDetail(e);
}

function markOf(e) {
  const key = e.kind === 'fact' ? 'f:' + e.item.id : 'r:' + e.item.seq;
  return pagesEl.querySelector(`[data-key="${CSS.escape(key)}"]`);
}

function scrollToEntry(e) {
  const it = e.item;
  if (it.cell) {
    const td = pagesEl.querySelector(`td[data-ref="${CSS.escape((it.sheet || '') + '!' + it.cell)}"]`);
    td?.scrollIntoView({ block: 'center', inline: 'center' });
    return;
  }
  const pv = pageViews.get(it.page);
  if (!pv) return;
  const m = markOf(e);
  (m || pv.div).scrollIntoView({ block: m ? 'center' : 'start' });
  if (!m) pv.pending = e; // drawn once the page is
}

function row(dl, name, value) {
  if (value === '' || value === null || value === undefined) return;
  dl.append(el('dt', '', name), el('dd', '', value));
}

function showDetail(e) {
  detailEl.hidden = false;
  detailEl.replaceChildren();
  const it = e.item;
  const dl = el('dl');
  if (e.kind === 'refused') {
    detailEl.append(el('h3', '', `Refused: ${it.text}`));
    row(dl, 'reason', it.reason); row(dl, 'activity', it.activity);
    row(dl, 'where', it.page ? `page ${it.page}` : `${it.sheet} ${it.cell}`); row(dl, 'snippet', it.snippet);
    detailEl.append(dl);
    if (it.promoted_to) {
      detailEl.append(el('p', 'muted', 'Promoted to a fact.'));
    } else {
      const b = el('button', '', 'Promote to a fact…');
      b.addEventListener('click', () => editForm({ kind: 'promote', refused: it }));
      detailEl.append(b);
    }
    return;
  }
  const f = it;
  detailEl.append(el('h3', '', `${label(f)} — ${f.indicator}`));
  row(dl, 'status', f.status + (f.reason ? `: ${f.reason}` : '') + (f.reviewer ? ` (${f.reviewer})` : ''));
  row(dl, 'value', `${num(f.value)} ${f.unit} (${f.qualifier})`);
  if (f.read && (f.read.value !== f.value || f.read.unit !== f.unit || f.read.indicator !== f.indicator)) {
    row(dl, 'as read', `${num(f.read.value)} ${f.read.unit} — ${f.read.indicator}`);
  }
  row(dl, 'indicator key', f.indicator_key); row(dl, 'activity', f.activity); row(dl, 'kind', f.kind);
  if (f.target !== null) row(dl, 'target', num(f.target));
  if (f.share_value !== null) row(dl, 'share', `${num(f.share_value)} of ${f.share_of}`);
  row(dl, 'confidence', f.confidence.toFixed(2) + (f.ocr ? ' (OCR)' : ''));
  row(dl, 'where', f.page ? `page ${f.page}` : `${f.sheet} ${f.cell}`);
  row(dl, 'snippet', f.snippet);
  detailEl.append(dl);
  const bar = el('div', 'actions');
  const btn = (text, fn, cls) => { const b = el('button', cls || '', text); b.addEventListener('click', fn); bar.append(b); };
  btn('Accept (a)', () => accept(f), 'ok');
  btn('Reject… (r)', () => rejectForm(f), 'bad');
  btn('Edit… (e)', () => editForm({ kind: 'edit', fact: f }));
  detailEl.append(bar);
}

function accept(f) {
  correct({ action: 'accept', fact_id: f.id }, () => next());
}

function next() { if (current + 1 < shown.length) select(current + 1, true); }
function prev() { if (current > 0) select(current - 1, true); }

function rejectForm(f) {
  const form = el('form', 'form');
  const inp = el('input');
  inp.name = 'reason'; inp.required = true; inp.value = 'not a reported indicator'; inp.setAttribute('aria-label', 'reason');
  form.append(el('label', '', 'Why is it not a fact?'), inp, el('button', 'bad', 'Reject'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    correct({ action: 'reject', fact_id: f.id, reason: inp.value }, () => next());
  });
  detailEl.append(form);
  inp.focus(); inp.select();
}

const qualifiers = ['exact', 'approx', 'at_least', 'more_than', 'at_most', 'less_than'];
const kinds = ['output', 'result', 'other'];

// editForm edits a fact, adds a missed one (spec.kind 'add', with its
// place) or promotes a refused value.
function editForm(spec) {
  detailEl.hidden = false;
  detailEl.querySelector('form')?.remove();
  const f = spec.fact || {};
  const v = spec.refused;
  const form = el('form', 'form edit');
  const title = { edit: 'Edit the fact', add: 'Add a missed fact', promote: 'Promote to a fact' }[spec.kind];
  form.append(el('h4', '', title));
  const fields = {};
  const field = (name, text, value, options) => {
    const lab = el('label', '', text);
    let inp;
    if (options) {
      inp = el('select');
      for (const o of options) { const op = el('option', '', o); op.value = o; inp.append(op); }
    } else {
      inp = el('input');
    }
    inp.name = name;
    inp.value = value === null || value === undefined ? '' : String(value);
    lab.append(inp);
    form.append(lab);
    fields[name] = inp;
  };
  let value = f.value;
  if (v) value = parseNum(v.text);
  if (spec.kind === 'add') value = spec.value;
  field('value', 'value', Number.isFinite(value) ? num(value) : '');
  field('unit', 'unit', f.unit || 'other', data.units);
  field('qualifier', 'qualifier', f.qualifier || 'exact', qualifiers);
  field('kind', 'kind', f.kind || 'other', kinds);
  field('indicator', 'indicator', f.indicator || '');
  field('activity', 'activity', f.activity ?? (v ? v.activity : spec.activity || ''));
  field('target', 'target', f.target !== null && f.target !== undefined ? num(f.target) : '');
  field('share_value', 'share', f.share_value !== null && f.share_value !== undefined ? num(f.share_value) : '');
  field('share_of', 'share of', f.share_of || '');
  if (spec.kind === 'edit') {
    field('indicator_key', 'indicator key', f.indicator_key);
    field('activity_key', 'activity key', f.activity_key || '');
  }
  form.append(el('button', 'ok', 'Save'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const set = {};
    for (const [k, inp] of Object.entries(fields)) {
      if (spec.kind === 'edit') {
        const was = f[k] === null || f[k] === undefined ? '' : (typeof f[k] === 'number' ? num(f[k]) : String(f[k]));
        if (inp.value.trim() === was) continue;
      } else if (inp.value.trim() === '') continue;
      set[k] = inp.value.trim().replace(/\u00a0/g, ' ');
    }
    if (spec.kind === 'edit') {
      if (!Object.keys(set).length) { toast('Nothing changed'); return; }
      correct({ action: 'edit', fact_id: f.id, set });
    } else if (spec.kind === 'promote') {
      correct({ action: 'promote', source: data.source.sha256, refused_seq: v.seq, set });
    } else {
      correct({ action: 'add', source: data.source.sha256, page: spec.page, bbox: spec.bbox, sheet: spec.sheet, cell: spec.cell, snippet: spec.snippet, set }, (nf) => {
        const i = shown.findIndex((e) => e.kind === 'fact' && e.item.id === nf.id);
        if (i >= 0) select(i, false);
      });
    }
  });
  detailEl.append(form);
  fields[spec.kind === 'add' ? 'indicator' : 'value'].focus();
}

// ---------- marks on the pages ----------

// numberForms are the ways a report may print v.
function numberForms(v) {
  const s = Math.abs(v).toString();
  const [i, frac] = s.split('.');
  const dot = i.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sp = i.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const tail = frac ? ',' + frac : '';
  return [...new Set([dot + tail, sp + tail, i + tail, frac ? i + '.' + frac : i])].sort((a, b) => b.length - a.length);
}

// numberBox narrows a fact's box (the block it was read from) to where its
// number is printed, from the page's text; null if it is not found.
function numberBox(pv, box, forms) {
  if (!pv.text) return null;
  const [x0, y0, x1, y1] = box;
  for (const it of pv.text) {
    const [ix0, iy0, ix1, iy1] = it.rect;
    if (ix1 < x0 - 2 || ix0 > x1 + 2 || iy1 < y0 - 2 || iy0 > y1 + 2) continue;
    for (const form of forms) {
      let k = it.str.indexOf(form);
      while (k >= 0) {
        const before = it.str[k - 1], after = it.str[k + form.length];
        if (!/[\d.,]/.test(before || '') && !/\d/.test(after || '') && !(after === ',' && /\d/.test(it.str[k + form.length + 1] || ''))) {
          const w = (ix1 - ix0) / Math.max(it.str.length, 1);
          return [ix0 + k * w, iy0, ix0 + (k + form.length) * w, iy1];
        }
        k = it.str.indexOf(form, k + 1);
      }
    }
  }
  return null;
}

function tipLines(kind, it) {
  if (kind === 'refused') {
    return [`refused: ${it.text}`, `reason: ${it.reason}`, it.activity && `activity: ${it.activity}`, it.promoted_to && 'promoted to a fact'];
  }
  return [
    `${num(it.value)} ${it.unit} (${it.qualifier})`,
    `indicator: ${it.indicator}`,
    it.activity && `activity: ${it.activity}`,
    it.target !== null && `target: ${num(it.target)}`,
    it.share_value !== null && `share: ${num(it.share_value)} of ${it.share_of}`,
    `confidence: ${it.confidence.toFixed(2)}`,
    `status: ${it.status}${it.reason ? ': ' + it.reason : ''}`,
  ];
}

function showTip(ev, kind, it) {
  tipEl.replaceChildren(...tipLines(kind, it).filter(Boolean).map((t) => el('div', '', t)));
  tipEl.hidden = false;
  tipEl.style.left = Math.min(ev.clientX + 14, window.innerWidth - tipEl.offsetWidth - 8) + 'px';
  tipEl.style.top = Math.min(ev.clientY + 14, window.innerHeight - tipEl.offsetHeight - 8) + 'px';
}

// Boxes are in PDF points of the page as displayed (its /Rotate applied,
// the media box's corner at 0, 0), from its bottom left, as the import
// records them: toView and fromView turn them into the page's pixels and
// back.
function toView(pv, x, y) {
  return [x * scale, pv.viewport.height - y * scale];
}

function fromView(pv, px, py) {
  return [px / scale, (pv.viewport.height - py) / scale];
}

// displayed turns a point of PDF user space (PDF.js's text positions) into
// the frame of the boxes.
function displayed(pv, x, y) {
  const [px, py] = pv.viewport.convertToViewportPoint(x, y);
  return fromView(pv, px, py);
}

function addMark(pv, kind, it, box) {
  const [xa, ya] = toView(pv, box[0], box[1]);
  const [xb, yb] = toView(pv, box[2], box[3]);
  const m = el('div', 'mark ' + (kind === 'fact' ? 'fact st-' + it.status : 'refused' + (it.promoted_to ? ' promoted' : '')));
  m.dataset.key = kind === 'fact' ? 'f:' + it.id : 'r:' + it.seq;
  m.style.left = Math.min(xa, xb) - 2 + 'px';
  m.style.top = Math.min(ya, yb) - 2 + 'px';
  m.style.width = Math.abs(xb - xa) + 4 + 'px';
  m.style.height = Math.abs(yb - ya) + 4 + 'px';
  m.addEventListener('mousemove', (ev) => showTip(ev, kind, it));
  m.addEventListener('mouseleave', () => { tipEl.hidden = true; });
  m.addEventListener('click', (ev) => {
    if (addMode) return;
    ev.stopPropagation();
    let i = shown.findIndex((e) => e.item === it);
    if (i < 0) { // filtered out: show all of its kind
      $('f-status').value = kind === 'refused' ? 'refused' : '';
      $('f-activity').value = ''; $('f-unit').value = '';
      renderList();
      i = shown.findIndex((e) => e.item === it);
    }
    select(i, false);
  });
  pv.marks.append(m);
}

function drawPageMarks(n) {
  const pv = pageViews.get(n);
  if (!pv || !pv.viewport) return;
  pv.marks.replaceChildren();
  for (const v of refused) if (v.page === n && v.box) addMark(pv, 'refused', v, numberBox(pv, v.box, [v.text]) || v.box);
  for (const f of facts) {
    if (f.page !== n || !f.box) continue;
    const box = f.added ? f.box : numberBox(pv, f.box, numberForms(f.read ? f.read.value : f.value)) || f.box;
    addMark(pv, 'fact', f, box);
  }
  const sel = shown[current];
  if (sel) markOf(sel)?.classList.add('selected');
}

function drawMarks() {
  for (const n of pageViews.keys()) drawPageMarks(n);
  if (pagesEl.querySelector('table.grid')) markCells();
}

// ---------- PDF pages ----------

let pdf = null;
let scale = 1;

async function openPDF() {
  pdf = await pdfjsLib.getDocument({
    url: data.source.file,
    standardFontDataUrl: vendor + 'standard_fonts/',
    wasmUrl: vendor + 'wasm/',
    iccUrl: vendor + 'iccs/',
    isEvalSupported: false,
    enableXfa: false,
  }).promise;
  const first = await pdf.getPage(1);
  const vp1 = first.getViewport({ scale: 1 });
  scale = Math.min(2, Math.max(0.5, (pagesEl.clientWidth - 32) / vp1.width));
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) renderPage(Number(e.target.dataset.page));
  }, { root: pagesEl, rootMargin: '600px 0px' });
  for (let n = 1; n <= pdf.numPages; n++) {
    const div = el('div', 'page');
    div.dataset.page = n;
    div.style.width = vp1.width * scale + 'px';
    div.style.height = vp1.height * scale + 'px';
    div.append(el('div', 'pageno muted', `page ${n}`));
    const marks = el('div', 'marks');
    div.append(marks);
    pagesEl.append(div);
    pageViews.set(n, { div, marks, viewport: null, text: null, rendered: false });
    io.observe(div);
    div.addEventListener('mousedown', (ev) => startBox(ev, n));
  }
}

// renderPage draws a page, one page at a time in the order asked (the
// first page first), so that the one in view is not slowed by others.
let renderChain = Promise.resolve();
function renderPage(n) {
  const pv = pageViews.get(n);
  if (pv.rendered) return pv.done;
  pv.rendered = true;
  pv.done = renderChain = renderChain.then(() => drawPage(n, pv)).catch((e) => {
    pv.div.append(el('p', 'gone', `page ${n} cannot be drawn: ${e.message}`));
  });
  return pv.done;
}

async function drawPage(n, pv) {
  const page = await pdf.getPage(n);
  const vp = page.getViewport({ scale });
  pv.viewport = vp;
  pv.div.style.width = vp.width + 'px';
  pv.div.style.height = vp.height + 'px';
  const canvas = el('canvas');
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.floor(vp.width * dpr);
  canvas.height = Math.floor(vp.height * dpr);
  canvas.style.width = vp.width + 'px';
  canvas.style.height = vp.height + 'px';
  canvas.dataset.points = vp.width / scale; // the page's width in points, for tests and tools
  pv.div.prepend(canvas);
  const tc = page.getTextContent().then((t) => {
    pv.text = t.items.filter((i) => i.str && i.str.trim()).map((i) => textRect(pv, i)).filter(Boolean);
  });
  drawPageMarks(n);
  await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport: vp, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : null }).promise;
  await tc;
  drawPageMarks(n);
  pv.div.classList.add('drawn');
  if (pv.pending) { const e = pv.pending; pv.pending = null; scrollToEntry(e); }
}

// textRect is the box of one of PDF.js's text runs in the frame of the
// boxes: its corners along its direction (a run may run any way on the
// page), or null for a run that does not read left to right there, whose
// characters cannot be told apart by their place.
function textRect(pv, i) {
  const [a, b, c, d, e, f] = i.transform;
  const la = Math.hypot(a, b) || 1, lc = Math.hypot(c, d) || 1;
  const h = i.height || lc;
  const dir = [a / la, b / la], up = [c / lc, d / lc];
  const at = (s, u) => displayed(pv, e + dir[0] * s + up[0] * u, f + dir[1] * s + up[1] * u);
  const p0 = at(0, -0.2 * h), p1 = at(i.width, -0.2 * h), p2 = at(0, 0.9 * h), p3 = at(i.width, 0.9 * h);
  if (p1[0] - p0[0] < Math.abs(p1[1] - p0[1])) return null;
  const xs = [p0[0], p1[0], p2[0], p3[0]], ys = [p0[1], p1[1], p2[1], p3[1]];
  return { str: i.str, rect: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
}

// ---------- adding a missed fact ----------

function setAddMode(on) {
  addMode = on;
  document.body.classList.toggle('adding', on);
  $('add-mode').classList.toggle('on', on);
  if (on) toast(pagesEl.querySelector('table.grid') ? 'Click the cell of the missed value' : 'Draw a box around the missed number on the page');
}

function startBox(ev, n) {
  if (!addMode || ev.button !== 0) return;
  const pv = pageViews.get(n);
  if (!pv.viewport) return;
  ev.preventDefault();
  const r0 = pv.div.getBoundingClientRect();
  const x0 = ev.clientX - r0.left, y0 = ev.clientY - r0.top;
  const sel = el('div', 'selecting');
  pv.div.append(sel);
  const move = (e) => {
    const x = e.clientX - r0.left, y = e.clientY - r0.top;
    sel.style.left = Math.min(x, x0) + 'px'; sel.style.top = Math.min(y, y0) + 'px';
    sel.style.width = Math.abs(x - x0) + 'px'; sel.style.height = Math.abs(y - y0) + 'px';
  };
  const up = (e) => {
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', up);
    sel.remove();
    const x1 = e.clientX - r0.left, y1 = e.clientY - r0.top;
    if (Math.abs(x1 - x0) < 3 || Math.abs(y1 - y0) < 3) return;
    const [pa, pb] = [fromView(pv, x0, y0), fromView(pv, x1, y1)];
    const bbox = [Math.min(pa[0], pb[0]), Math.min(pa[1], pb[1]), Math.max(pa[0], pb[0]), Math.max(pa[1], pb[1])].map((v) => Math.round(v * 100) / 100);
    const words = (pv.text || []).filter((it) => it.rect[0] < bbox[2] && it.rect[2] > bbox[0] && it.rect[1] < bbox[3] && it.rect[3] > bbox[1]);
    const snippet = words.map((w) => w.str).join(' ').trim();
    const m = snippet.match(/[-−]?\d{1,3}(?:[.\s\u00a0]\d{3})+(?:,\d+)?|[-−]?\d+(?:[,.]\d+)?/);
    setAddMode(false);
    editForm({ kind: 'add', page: n, bbox, snippet, value: m ? parseNum(m[0]) : NaN, activity: nearestActivity(n, bbox) });
  };
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', up);
}

// nearestActivity is the activity of the fact printed last before a place
// on the page, or on an earlier page.
function nearestActivity(page, bbox) {
  let best = '';
  for (const f of facts) {
    if (f.added || !f.page || !f.box) continue;
    if (f.page < page || (f.page === page && f.box[3] >= bbox[3])) best = f.activity || best;
  }
  return best;
}

// ---------- workbooks ----------

function cellKey(sheet, cell) { return (sheet || '') + '!' + cell; }

async function openSheets() {
  const r = await fetch(`/source/${data.source.sha256}/sheets`);
  const grids = await r.json();
  if (!r.ok) throw new Error(grids.error || r.statusText);
  for (const g of grids) {
    pagesEl.append(el('h3', 'sheet', g.sheet || 'sheet'));
    const table = el('table', 'grid');
    const width = Math.max(0, ...g.rows.map((r) => (r ? r.length : 0)));
    const head = el('tr');
    head.append(el('th'));
    for (let c = 0; c < width; c++) head.append(el('th', '', colName(c)));
    table.append(head);
    (g.rows || []).forEach((cells, ri) => {
      const tr = el('tr');
      tr.append(el('th', '', ri + 1));
      for (let c = 0; c < width; c++) {
        const td = el('td', '', (cells && cells[c]) || '');
        td.dataset.ref = cellKey(g.sheet, colName(c) + (ri + 1));
        td.addEventListener('click', () => {
          if (!addMode) return;
          setAddMode(false);
          editForm({ kind: 'add', sheet: g.sheet, cell: colName(c) + (ri + 1), snippet: td.textContent, value: parseNum(td.textContent), activity: '' });
        });
        tr.append(td);
      }
      table.append(tr);
    });
    pagesEl.append(table);
    if (g.truncated) pagesEl.append(el('p', 'muted', 'The sheet is cut here: it has more rows or columns than the page shows.'));
  }
  markCells();
}

function colName(c) {
  let s = '';
  for (c += 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function markCells() {
  pagesEl.querySelectorAll('td.mark').forEach((td) => { td.className = ''; delete td.dataset.key; });
  const mark = (kind, it) => {
    const td = pagesEl.querySelector(`td[data-ref="${CSS.escape(cellKey(it.sheet, it.cell))}"]`);
    if (!td) return;
    td.className = 'mark ' + (kind === 'fact' ? 'fact st-' + it.status : 'refused');
    td.dataset.key = kind === 'fact' ? 'f:' + it.id : 'r:' + it.seq;
    td.onmousemove = (ev) => showTip(ev, kind, it);
    td.onmouseleave = () => { tipEl.hidden = true; };
  };
  for (const v of refused) if (v.cell) mark('refused', v);
  for (const f of facts) if (f.cell) mark('fact', f);
}

// ---------- keys ----------

document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') {
    setAddMode(false);
    detailEl.querySelector('form')?.remove();
    return;
  }
  const t = ev.target;
  if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const e = shown[current];
  switch (ev.key) {
    case 'j': case 'ArrowDown': ev.preventDefault(); current < 0 ? select(0, true) : next(); break;
    case 'k': case 'ArrowUp': ev.preventDefault(); prev(); break;
    case 'a': if (e && e.kind === 'fact') accept(e.item); break;
    case 'r': if (e && e.kind === 'fact') { ev.preventDefault(); rejectForm(e.item); } break;
    case 'e': if (e && e.kind === 'fact') { ev.preventDefault(); editForm({ kind: 'edit', fact: e.item }); } break;
    case 'n': ev.preventDefault(); setAddMode(!addMode); break;
  }
});

// ---------- start ----------

// loadFacts fetches the source's facts and refused values; while an
// import holds the warehouse it tries again every two seconds.
async function loadFacts() {
  for (;;) {
    const r = await fetch(data.data);
    const d = await r.json().catch(() => ({ error: r.statusText }));
    if (r.ok) {
      for (const x of [...d.facts, ...d.refused]) if (x.snippet_ref !== undefined) x.snippet = d.texts[x.snippet_ref];
      facts.push(...d.facts);
      refused.push(...d.refused);
      for (const f of facts) byID.set(f.id, f);
      return;
    }
    if (r.status !== 503) throw new Error(d.error || r.statusText);
    $('progress').textContent = 'The warehouse is busy (an import is running); waiting…';
    await new Promise((res) => setTimeout(res, 2000));
  }
}

// showFile draws the source's file: a PDF's first page, a workbook's
// sheets.
async function showFile() {
  if (data.source.file && data.source.format === 'pdf') {
    await openPDF();
    performance.mark('letopis-pdf-open');
    const first = [...pageViews.keys()][0];
    if (first) await renderPage(first);
    performance.mark('letopis-page-drawn');
  } else if (data.source.file && ['xlsx', 'xls', 'csv'].includes(data.source.format)) {
    await openSheets();
  } else if (data.source.file) {
    pagesEl.append(el('p', 'muted', `A ${data.source.format} file has no page view here; its facts are listed with their page and the text they were read from.`));
  }
}

async function start() {
  $('add-mode').addEventListener('click', () => setAddMode(!addMode));
  // the file and the facts are fetched at once
  const file = showFile().catch((e) => pagesEl.append(el('p', 'gone', `The file cannot be shown: ${e.message}`)));
  try {
    await loadFacts();
  } catch (e) {
    $('progress').textContent = `The facts cannot be read: ${e.message}`;
  }
  performance.mark('letopis-data');
  fillFilters();
  renderList();
  progress();
  drawMarks();
  performance.mark('letopis-list');
  await file;
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash.startsWith('fact-')) {
    const i = shown.findIndex((e) => e.kind === 'fact' && e.item.id === hash.slice(5));
    if (i >= 0) select(i, true);
  }
  window.letopisReadyMs = performance.now();
  document.body.dataset.ready = '1';
}

start();
