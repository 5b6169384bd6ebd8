// Attention Atlas page: plain JS, hand-written SVG. User text is only ever set with textContent / attributes.
'use strict';
(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const MAX_LINES = 4000;      // head view: heaviest lines above the threshold, at most this many
  const LINES_PER_FRAME = 800; // drawn in chunks with requestAnimationFrame so a 500-token text never freezes the tab
  const VIRIDIS = ['#440154', '#472c7a', '#3b518b', '#2c718e', '#21908d', '#27ad81', '#5cc863', '#aadc32', '#fde725'];
  const $ = (id) => document.getElementById(id);
  // the figure's own rules travel inside it, so an SVG or PNG export looks like the page
  const FIGURE_CSS = '#figure text { font: 12px sans-serif; } #figure line.attn { stroke: #1f4e9a; }'
    + ' #figure g.isolated line.attn { display: none; } #figure g.isolated line.attn.keep { display: inline; }'
    + ' #figure text.token.focus { font-weight: bold; fill: #b2182b; }'
    + ' #figure text.token.changed { fill: #d9822b; font-weight: bold; }';
  const state = { run: null, pair: null, view: 'head', drawToken: 0 };

  function el(name, attrs, text) {
    const e = document.createElementNS(SVG, name);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function status(msg) { $('status').textContent = msg; }
  function error(msg) { $('error').textContent = msg || ''; }

  async function api(url, options) {
    const r = await fetch(url, options);
    const type = r.headers.get('content-type') || '';
    const body = type.includes('json') ? await r.json() : null;
    if (!r.ok) throw new Error((body && body.error) || ('HTTP ' + r.status));
    return body;
  }

  function color(t) {
    t = Math.max(0, Math.min(1, isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
    const i = Math.min(VIRIDIS.length - 2, Math.floor(t));
    const f = t - i;
    const a = hex(VIRIDIS[i]);
    const b = hex(VIRIDIS[i + 1]);
    return [0, 1, 2].map((j) => Math.round(a[j] + (b[j] - a[j]) * f));
  }
  function hex(h) { return [1, 3, 5].map((i) => parseInt(h.substr(i, 2), 16)); }

  function option(select, value, label) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  function clip(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }

  // the head picker's "all" (heads by colour) is the head view's; the other views show the mean for it
  function params() {
    return {
      layer: $('layer').value,
      head: $('head').value === 'all' ? 'mean' : $('head').value,
      words: $('words').checked,
      measure: $('measure').value,
      threshold: parseFloat($('threshold').value),
    };
  }

  function newFigure(width, height, title) {
    const svg = el('svg', { id: 'figure', xmlns: SVG, width, height, viewBox: `0 0 ${width} ${height}`,
      'data-state': 'drawing', 'data-view': state.view, 'data-run': state.run ? state.run.run : '' });
    svg.appendChild(el('style', {}, FIGURE_CSS));
    svg.appendChild(el('rect', { x: 0, y: 0, width, height, fill: 'white' }));
    svg.appendChild(el('text', { x: 8, y: 18, 'font-weight': 'bold' }, title));
    const view = $('view');
    view.replaceChildren(svg);
    return svg;
  }

  // ---- heatmaps drawn into a canvas and embedded as an image (cheap for 500 × 500) ----
  function matrixImage(m) {
    const n = m.length, c = document.createElement('canvas');
    c.width = m[0] ? m[0].length : 1; c.height = n || 1;
    const ctx = c.getContext('2d');
    const img = ctx.createImageData(c.width, c.height);
    let max = 0;
    for (const r of m) for (const v of r) if (v > max) max = v;
    for (let q = 0; q < n; q++) {
      for (let k = 0; k < m[q].length; k++) {
        const rgb = color(max > 0 ? m[q][k] / max : 0), o = 4 * (q * c.width + k);
        img.data[o] = rgb[0]; img.data[o + 1] = rgb[1]; img.data[o + 2] = rgb[2]; img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    return { url: c.toDataURL('image/png'), max };
  }

  function legend(svg, x, y, h, max) {
    const defs = el('defs');
    const grad = el('linearGradient', { id: 'scale', x1: 0, y1: 1, x2: 0, y2: 0 });
    VIRIDIS.forEach((c, i) => grad.appendChild(el('stop', { offset: i / (VIRIDIS.length - 1), 'stop-color': c })));
    defs.appendChild(grad);
    svg.appendChild(defs);
    svg.appendChild(el('rect', { x, y, width: 14, height: h, fill: 'url(#scale)' }));
    svg.appendChild(el('text', { x: x + 18, y: y + 10 }, max.toFixed(3)));
    svg.appendChild(el('text', { x: x + 18, y: y + h }, '0'));
    svg.appendChild(el('text', { x, y: y - 6 }, 'attention'));
  }

  async function heatmapView() {
    const p = params();
    const head = p.head === 'mean' ? 'mean' : p.head;
    const data = await api(`/api/attention?run=${state.run.run}&layer=${p.layer}&head=${head}&words=${p.words}&measure=${p.measure}`);
    const n = data.labels.length;
    const cell = n > 64 ? 6 : n > 24 ? 12 : 22;
    const left = 130, top = 40, size = n * cell;
    const svg = newFigure(left + size + 120, top + size + 130,
      `token × token, layer ${data.layer}, ${head === 'mean' ? 'mean of heads' : 'head ' + head}`);
    const img = matrixImage(data.attention);
    svg.appendChild(el('image', { x: left, y: top, width: size, height: size, href: img.url,
      preserveAspectRatio: 'none', style: 'image-rendering: pixelated' }));
    if (n <= 80) {
      data.labels.forEach((t, i) => {
        svg.appendChild(el('text', { x: left - 4, y: top + (i + 0.7) * cell, 'text-anchor': 'end',
          'font-size': Math.min(12, cell) }, clip(t, 16)));
        svg.appendChild(el('text', { transform: `translate(${left + (i + 0.7) * cell},${top + size + 4}) rotate(90)`,
          'font-size': Math.min(12, cell) }, clip(t, 16)));
      });
    }
    legend(svg, left + size + 30, top + 20, Math.max(80, Math.min(size, 300)), img.max);
    svg.setAttribute('data-state', 'done');
  }

  // ---- model view: layers × heads grid of pooled heatmaps; a click opens that head ----
  async function modelView() {
    const r = state.run, cell = 56, pad = 6, left = 60, top = 46;
    const svg = newFigure(left + r.heads * (cell + pad) + 10, top + r.layers * (cell + pad) + 10,
      'model view: layers × heads (click a head to open it)');
    for (let h = 0; h < r.heads; h++) svg.appendChild(el('text', { x: left + h * (cell + pad) + 8, y: top - 8 }, 'head ' + h));
    const token = ++state.drawToken;
    for (let l = 0; l < r.layers; l++) {
      const data = await api(`/api/attention?run=${r.run}&layer=${l}&head=all&pool=48&words=${$('words').checked}&measure=${$('measure').value}`);
      if (token !== state.drawToken) return;
      svg.appendChild(el('text', { x: 6, y: top + l * (cell + pad) + cell / 2 }, 'layer ' + l));
      data.attention.forEach((m, h) => {
        const img = el('image', { x: left + h * (cell + pad), y: top + l * (cell + pad), width: cell, height: cell,
          href: matrixImage(m).url, preserveAspectRatio: 'none', class: 'thumb', 'data-layer': l, 'data-head': h });
        img.addEventListener('click', () => { $('layer').value = l; $('head').value = h; show('head'); });
        svg.appendChild(img);
      });
      await new Promise((res) => requestAnimationFrame(res));
    }
    svg.setAttribute('data-state', 'done');
  }

  // ---- flow view: one row of nodes per layer, edges from the server above the threshold ----
  async function flowView() {
    const r = state.run, kind = $('flowKind').value, target = $('target').value || 0;
    const data = await api(`/api/flow?run=${r.run}&kind=${kind}&target=${target}&threshold=${params().threshold}&maxEdges=400`);
    const n = data.tokens.length, colw = n > 60 ? 12 : n > 24 ? 18 : 40, rowh = 46, left = 70, label = 110;
    const bottom = 40 + label + data.layers * rowh;
    const svg = newFigure(Math.max(420, left + n * colw + 30), bottom + label,
      `${kind === 'flow' ? 'max-flow' : kind} across layers${kind === 'raw' ? '' : ' into token ' + target}`);
    svg.setAttribute('data-kind', kind);
    const x = (t) => left + (t + 0.5) * colw;
    const y = (l) => bottom - l * rowh;
    let max = 0;
    for (const e of data.edges) max = Math.max(max, e[3]);
    const g = el('g', { class: 'edges' });
    for (const [l, q, k, w] of data.edges) {
      const f = max > 0 ? w / max : 0;
      g.appendChild(el('line', { class: 'attn', x1: x(k), y1: y(l), x2: x(q), y2: y(l + 1),
        'stroke-width': (0.4 + 2.6 * f).toFixed(2), 'stroke-opacity': (0.15 + 0.85 * f).toFixed(3),
        'data-layer': l, 'data-q': q, 'data-k': k, 'data-w': String(w) }));
    }
    svg.appendChild(g);
    for (let l = 0; l <= data.layers; l++) {
      svg.appendChild(el('text', { x: 4, y: y(l) + 4 }, l === 0 ? 'input' : 'layer ' + l));
      for (let t = 0; t < n; t++) svg.appendChild(el('circle', { cx: x(t), cy: y(l), r: 2.5, fill: '#444' }));
    }
    if (n <= 120) {
      data.tokens.forEach((t, i) => {
        svg.appendChild(el('text', { transform: `translate(${x(i) + 4},${y(0) + 8}) rotate(90)` }, clip(t, 14)));
        svg.appendChild(el('text', { transform: `translate(${x(i) + 4},${y(data.layers) - 8}) rotate(-90)` }, clip(t, 14)));
      });
    }
    svg.setAttribute('data-state', 'done');
  }

  // ---- pair view: source words left, target words right; one head's (or the head average's) source→target attention
  // (each row scaled to its largest weight) and the similarity links (dashed) at the layer picked above the figure
  // (the server's default until one is picked for this pair) ----
  async function pairView() {
    if (!state.pair) { $('view').replaceChildren(document.createTextNode('Type a translation and press Run.')); return; }
    const p = params();
    const sim = state.pairSim && state.pairSim.pair === state.pair ? `&simLayer=${state.pairSim.layer}` : '';
    const r = await api(`/api/pair?pair=${encodeURIComponent(state.pair)}&layer=${p.layer}&head=${p.head}${sim}`);
    const rows = Math.max(r.source.length, r.target.length);
    const x0 = 160, x1 = 400;
    const y = (i) => 40 + (i + 0.5) * 18;
    const svg = newFigure(580, 60 + rows * 18, `${r.model} — layer ${r.layer} `
      + (r.head === 'mean' ? 'heads averaged' : `head ${r.head}`) + ` source→target; similarity at layer ${r.simLayer}`);
    $('view').prepend(simLayerPicker(r));
    svg.setAttribute('data-pair', r.pair);
    svg.setAttribute('data-layer', r.layer);
    svg.setAttribute('data-head', r.head);
    svg.setAttribute('data-sim-layer', r.simLayer);
    r.sourceToTarget.forEach((row, i) => {
      const max = Math.max(...row);
      row.forEach((w, j) => {
        if (max <= 0) return;
        const t = w / max;
        svg.appendChild(el('line', { class: 'attn', x1: x0 + 4, y1: y(i), x2: x1 - 4, y2: y(j),
          'stroke-width': 0.5 + 3 * t, 'stroke-opacity': 0.06 + 0.8 * t }));
      });
    });
    r.similarity.forEach(([i, j]) => svg.appendChild(el('line', { class: 'sim', x1: x0 + 4, y1: y(i), x2: x1 - 4,
      y2: y(j), stroke: '#d9822b', 'stroke-width': 1.5, 'stroke-dasharray': '6 4' })));
    r.source.forEach((w, i) => svg.appendChild(el('text', { x: x0 - 6, y: y(i) + 4, 'text-anchor': 'end' }, clip(w, 20))));
    r.target.forEach((w, j) => svg.appendChild(el('text', { x: x1 + 6, y: y(j) + 4 }, clip(w, 20))));
    svg.setAttribute('data-state', 'done');
  }

  function simLayerPicker(r) {
    const label = document.createElement('label');
    label.textContent = 'Similarity links at layer ';
    const s = document.createElement('select');
    s.id = 'simLayer';
    for (let l = 0; l <= r.layers; l++) option(s, l, l === 0 ? '0 (embeddings)' : String(l));
    s.value = r.simLayer;
    s.addEventListener('change', () => { state.pairSim = { pair: r.pair, layer: s.value }; show(); });
    label.appendChild(s);
    return label;
  }

  // head (headview.js), compare (compare.js) and attribution (attribution.js) register themselves here
  const VIEWS = { model: modelView, heatmap: heatmapView, flow: flowView, pair: pairView };
  const hooks = { shown: [], ran: [], ready: [] };

  async function show(view) {
    state.view = view || state.view;
    document.querySelectorAll('#views button').forEach((b) => b.classList.toggle('active', b.dataset.view === state.view));
    if (!state.run && !VIEWS[state.view].standalone) return;
    error('');
    try {
      await VIEWS[state.view]();
      for (const f of hooks.shown) f();
    } catch (e) {
      error(e.message);
    }
  }

  // want: layer, head, view, target to show once the run is in (a restored URL); else the current picks are kept
  async function run(want) {
    want = want || {};
    error('');
    status('running…');
    $('run').disabled = true;
    try {
      const r = await api('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: $('model').value, text: $('text').value }) });
      state.run = r;
      $('runText').textContent = r.text;
      document.body.setAttribute('data-run', r.run);
      const layer = $('layer'), head = $('head'), target = $('target');
      const keepLayer = want.layer ?? layer.value, keepHead = want.head ?? head.value;
      const keepTarget = want.target ?? target.value;
      layer.replaceChildren(); head.replaceChildren(); target.replaceChildren();
      for (let l = 0; l < r.layers; l++) option(layer, l, 'layer ' + l);
      option(head, 'all', 'all heads (colours)');
      option(head, 'mean', 'all heads averaged');
      for (let h = 0; h < r.heads; h++) option(head, h, 'head ' + h);
      r.tokens.forEach((t, i) => option(target, i, i + ' ' + clip(t, 16)));
      if (keepLayer !== '' && keepLayer < r.layers) layer.value = keepLayer;
      if (keepHead !== '' && (keepHead === 'mean' || keepHead === 'all' || keepHead < r.heads)) head.value = keepHead;
      if (keepTarget !== '' && keepTarget < r.tokens.length) target.value = keepTarget;
      layer.disabled = head.disabled = false;
      status(`${r.model}: ${r.tokens.length} tokens, ${r.layers} layers × ${r.heads} heads`);
      state.pair = null;
      if ($('translation').value.trim()) {
        const p = await api('/api/pair', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ model: $('model').value, source: $('text').value, target: $('translation').value }) });
        state.pair = p.pair;
        state.view = 'pair';
      }
      for (const f of hooks.ran) await f(r);
      await show(want.view);
    } catch (e) {
      status('');
      error(e.message);
    } finally {
      $('run').disabled = false;
    }
  }

  // ---- export of the current view: SVG as serialized; PNG via a canvas at 1×, 2× or 4× ----
  function exportData(format, scale) {
    const svg = $('figure');
    if (!svg) return Promise.reject(new Error('nothing to export yet'));
    const text = new XMLSerializer().serializeToString(svg);
    const name = `atlas-${state.view}`;
    if (format === 'svg') {
      return Promise.resolve({ name: name + '.svg', dataUrl: 'data:image/svg+xml;base64,' + b64(text) });
    }
    return new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => {
        const w = +svg.getAttribute('width'), h = +svg.getAttribute('height');
        const c = document.createElement('canvas');
        c.width = Math.round(w * scale); c.height = Math.round(h * scale);
        const ctx = c.getContext('2d');
        ctx.fillStyle = 'white'; ctx.fillRect(0, 0, c.width, c.height);
        ctx.drawImage(img, 0, 0, c.width, c.height);
        resolve({ name: `${name}@${scale}x.png`, dataUrl: c.toDataURL('image/png') });
      };
      img.onerror = () => reject(new Error('the SVG could not be rasterised'));
      img.src = 'data:image/svg+xml;base64,' + b64(text);
    });
  }
  function b64(text) {
    const bytes = new TextEncoder().encode(text);
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }
  window.atlasExport = exportData;

  async function download(format, scale) {
    try {
      const d = await exportData(format, scale);
      const a = document.createElement('a');
      a.href = d.dataUrl; a.download = d.name;
      document.body.appendChild(a); a.click(); a.remove();
    } catch (e) { error(e.message); }
  }

  // ---- audit results: runs table, layer × head heatmap of one statistic, role filter ----
  async function loadResults() {
    try {
      const r = await api('/api/results/runs');
      const stat = $('stat'), role = $('role');
      stat.replaceChildren(); role.replaceChildren();
      r.statistics.forEach((s) => option(stat, s, s));
      if (r.statistics.includes('entropy_mean')) stat.value = 'entropy_mean';
      option(role, '', 'any');
      r.roles.forEach((s) => option(role, s, s));
      $('runsTable').replaceChildren(table(r.runs, ['run_id', 'model', 'revision', 'dataset', 'started_at',
        'documents_new', 'tokens']));
      await loadHeads();
      await loadBias();
    } catch (e) { error(e.message); }
  }

  // ---- bias: headline numbers with CIs, then the most biased heads of one metric ----
  function num(v) { return v === null || v === undefined ? '—' : String(Number(Number(v).toPrecision(4))); }
  function ci(r) { return r.ci_low === null && r.ci_high === null ? '' : `[${num(r.ci_low)}, ${num(r.ci_high)}]`; }

  async function loadBias() {
    const r = await api('/api/results/bias');
    const rows = r.summary.map((s) => ({ ...s, estimate: num(s.estimate), '95% CI': ci(s), p: num(s.p_value) }));
    const box = $('biasTable');
    box.replaceChildren();
    if (rows.length) {
      box.appendChild(table(rows, ['model', 'revision', 'dataset', 'grp', 'metric', 'attention', 'estimate',
        '95% CI', 'n', 'p', 'run_id']));
    } else {
      const p = document.createElement('p'); p.textContent = 'no committed bias runs'; box.appendChild(p);
    }
    const metric = $('biasMetric'), picked = metric.value;
    metric.replaceChildren();
    option(metric, '', 'pick a metric');
    r.metrics.forEach((m) => option(metric, m, m));
    metric.value = r.metrics.includes(picked) ? picked : '';
    await loadBiasHeads();
  }

  async function loadBiasHeads() {
    const metric = $('biasMetric').value, box = $('biasHeads');
    box.replaceChildren();
    if (!metric) return;
    const r = await api(`/api/results/bias-heads?metric=${encodeURIComponent(metric)}&limit=10`);
    const rows = r.heads.map((h) => ({ ...h, value: num(h.value), '95% CI': ci(h), p: num(h.p_value) }));
    box.appendChild(table(rows, ['model', 'dataset', 'grp', 'layer', 'head', 'value', '95% CI', 'p', 'n', 'rank']));
  }

  function table(rows, columns) {
    const t = document.createElement('table');
    const head = t.insertRow();
    columns.forEach((c) => { const th = document.createElement('th'); th.textContent = c; head.appendChild(th); });
    rows.forEach((r) => { const tr = t.insertRow(); columns.forEach((c) => { tr.insertCell().textContent = r[c] ?? ''; }); });
    return t;
  }

  async function loadHeads() {
    const stat = $('stat').value, role = $('role').value;
    if (!stat) return;
    const r = await api(`/api/results/heads?stat=${encodeURIComponent(stat)}&role=${encodeURIComponent(role)}`);
    const box = $('headsView');
    box.replaceChildren();
    const groups = new Map();
    for (const h of r.heads) {
      const key = `${h.model} · ${h.dataset} · ${h.language}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(h);
    }
    for (const [key, heads] of groups) {
      const layers = Math.max(r.grid.layers, 1 + Math.max(...heads.map((h) => h.layer)));
      const nh = Math.max(r.grid.heads, 1 + Math.max(...heads.map((h) => h.head)));
      const vals = heads.map((h) => h.value).filter((v) => v !== null);
      const lo = Math.min(...vals), hi = Math.max(...vals), cell = 22, left = 60, top = 36;
      const svg = el('svg', { xmlns: SVG, width: Math.max(480, left + nh * cell + 20), height: top + layers * cell + 10 });
      svg.appendChild(el('rect', { x: left, y: top, width: nh * cell, height: layers * cell, fill: '#f4f4f4' }));
      svg.appendChild(el('text', { x: 4, y: 14, 'font-weight': 'bold' }, `${stat} — ${key}${role ? ' — role ' + role : ''}`));
      for (let h = 0; h < nh; h++) svg.appendChild(el('text', { x: left + h * cell + 4, y: top - 4, 'font-size': 9 }, String(h)));
      for (let l = 0; l < layers; l++) svg.appendChild(el('text', { x: 4, y: top + l * cell + 15, 'font-size': 10 }, 'layer ' + l));
      for (const h of heads) {
        const rgb = h.value === null ? [221, 221, 221] : color(hi > lo ? (h.value - lo) / (hi - lo) : 0.5);
        const rect = el('rect', { class: 'head', x: left + h.head * cell, y: top + h.layer * cell, width: cell - 1, height: cell - 1,
          fill: `rgb(${rgb.join(',')})`, 'data-layer': h.layer, 'data-head': h.head, 'data-role': h.role });
        rect.appendChild(el('title', {}, `layer ${h.layer} head ${h.head}: ${h.value} (${h.role})`));
        svg.appendChild(rect);
      }
      box.appendChild(svg);
    }
    if (!r.heads.length) { const p = document.createElement('p'); p.textContent = 'no heads match'; box.appendChild(p); }
  }

  async function init() {
    const t = $('threshold');
    t.addEventListener('input', () => { $('thresholdValue').textContent = t.value; });
    t.addEventListener('change', () => show());
    ['layer', 'head', 'words', 'measure', 'flowKind', 'target'].forEach((id) => $(id).addEventListener('change', () => show()));
    $('run').addEventListener('click', () => run());
    document.querySelectorAll('#views button').forEach((b) => b.addEventListener('click', () => show(b.dataset.view)));
    document.querySelectorAll('[data-format]').forEach((b) =>
      b.addEventListener('click', () => download(b.dataset.format, +b.dataset.scale)));
    $('loadResults').addEventListener('click', loadResults);
    $('stat').addEventListener('change', () => loadHeads().catch((e) => error(e.message)));
    $('role').addEventListener('change', () => loadHeads().catch((e) => error(e.message)));
    $('biasMetric').addEventListener('change', () => loadBiasHeads().catch((e) => error(e.message)));
    try {
      const m = await api('/api/models');
      m.models.forEach((name) => option($('model'), name, name));
      status(`limits: ${m.maxChars} characters, ${m.maxTokens} tokens`);
    } catch (e) { error(e.message); }
    for (const f of hooks.ready) await f();
    document.body.setAttribute('data-ready', 'true');
  }

  // what the view files (headview.js, compare.js, state.js) share; they load after this file, init waits for them
  window.Atlas = { $, el, api, color, option, clip, params, newFigure, status, error, state, show, run, views: VIEWS,
    hooks, SVG, MAX_LINES, LINES_PER_FRAME };
  document.addEventListener('DOMContentLoaded', init);
}());
