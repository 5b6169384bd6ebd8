// Head view as users know it from bertviz: one layer, query tokens left and key tokens right, every shown head's
// lines in that head's colour; the colour swatches toggle heads (a double click keeps only that one).
'use strict';
(function (A) {
  const { $, el, api, clip } = A;
  const shown = { heads: null }; // the heads drawn when the head picker says "all"; null = every head
  let cached = { url: null, data: null }; // toggling a head redraws from the layer already fetched

  function headColor(h, heads) {
    return `hsl(${Math.round((360 * h) / Math.max(1, heads))}, 72%, 42%)`;
  }

  function range(n) { return Array.from({ length: n }, (_, i) => i); }

  /** The heads the view draws now: "all" → the toggled ones, a number → that head, "mean" → none by number. */
  function visibleHeads() {
    const pick = $('head').value, n = A.state.run ? A.state.run.heads : 0;
    if (pick === 'all') return shown.heads === null ? range(n) : shown.heads.filter((h) => h < n);
    if (pick === 'mean') return [];
    return [+pick];
  }

  function setVisible(list) {
    const n = A.state.run.heads;
    if (list.length === 1) {
      $('head').value = String(list[0]);
      shown.heads = null;
    } else {
      $('head').value = 'all';
      shown.heads = list.length === n ? null : list;
    }
  }

  function toggle(h, only) {
    const now = $('head').value === 'mean' ? range(A.state.run.heads) : visibleHeads();
    const next = only ? [h] : now.includes(h) ? now.filter((x) => x !== h) : [...now, h].sort((a, b) => a - b);
    setVisible(next);
    A.show();
  }

  /**
   * Two token columns with a line per weight ≥ threshold, heaviest MAX_LINES kept, drawn in animation-frame chunks.
   * o: svg, x0/x1 (the columns), top, row, labels (left), keys (right labels), series [{head, matrix, color}],
   * threshold, marked (Set of word indices drawn as changed words), token (A.state.drawToken of this drawing).
   */
  async function drawColumns(o) {
    const keys = o.keys || o.labels;
    const lines = [];
    for (const s of o.series) {
      const m = s.matrix;
      for (let q = 0; q < m.length; q++) {
        for (let k = 0; k < m[q].length; k++) if (m[q][k] > 0 && m[q][k] >= o.threshold) lines.push([q, k, m[q][k], s]);
      }
    }
    lines.sort((u, v) => v[2] - u[2]);
    const kept = lines.slice(0, A.MAX_LINES).reverse(); // lightest first: heavy lines on top
    const g = el('g', { class: 'lines' });
    o.svg.appendChild(g);
    const y = (i) => o.top + (i + 0.5) * o.row;
    function addLabel(i, x, anchor, side, text) {
      const marked = o.marked && o.marked.has(i);
      const t = el('text', { x, y: y(i) + 4, 'text-anchor': anchor, class: 'token ' + side + (marked ? ' changed' : ''),
        'data-index': i }, clip(text, 20));
      t.addEventListener('mouseenter', () => isolate(g, side, i, t));
      t.addEventListener('mouseleave', () => isolate(g, null, -1, t));
      o.svg.appendChild(t);
    }
    o.labels.forEach((t, i) => addLabel(i, o.x0 - 6, 'end', 'query', t));
    keys.forEach((t, i) => addLabel(i, o.x1 + 6, 'start', 'key', t));
    let from = 0;
    await new Promise((resolve) => {
      function chunk() {
        if (o.token !== A.state.drawToken) return resolve();
        const frag = document.createDocumentFragment();
        for (const [q, k, w, s] of kept.slice(from, from + A.LINES_PER_FRAME)) {
          frag.appendChild(el('line', { class: 'attn', x1: o.x0, y1: y(q), x2: o.x1, y2: y(k), style: 'stroke: ' + s.color,
            'stroke-width': (0.5 + 2.5 * Math.min(1, w)).toFixed(2),
            'stroke-opacity': (0.1 + 0.9 * Math.min(1, w)).toFixed(3),
            'data-q': q, 'data-k': k, 'data-w': String(w), 'data-head': String(s.head) }));
        }
        g.appendChild(frag);
        from += A.LINES_PER_FRAME;
        if (from < kept.length) requestAnimationFrame(chunk); else resolve();
      }
      requestAnimationFrame(chunk);
    });
    return { total: lines.length, kept: kept.length };
  }

  function isolate(g, side, i, label) {
    label.classList.toggle('focus', side !== null);
    if (side === null) { g.classList.remove('isolated'); return; }
    const attr = side === 'query' ? 'data-q' : 'data-k';
    for (const line of g.children) line.classList.toggle('keep', line.getAttribute(attr) === String(i));
    g.classList.add('isolated');
  }

  function swatches(svg, heads, visible, y) {
    svg.appendChild(el('text', { x: 8, y: y + 12 }, 'heads'));
    for (let h = 0; h < heads; h++) {
      const on = visible.includes(h);
      const r = el('rect', { class: 'swatch' + (on ? ' on' : ''), x: 52 + h * 22, y, width: 18, height: 16, rx: 3,
        fill: headColor(h, heads), 'fill-opacity': on ? 1 : 0.18, stroke: headColor(h, heads), 'data-head': h,
        'data-on': String(on) });
      r.appendChild(el('title', {}, `head ${h}: click to show or hide, double-click to show only this head`));
      r.addEventListener('click', () => toggle(h, false));
      r.addEventListener('dblclick', () => toggle(h, true));
      svg.appendChild(r);
    }
  }

  /** Norm-based values are not probabilities: lines are drawn relative to the largest value shown. */
  function scaleToLargest(series) {
    let top = 0;
    for (const s of series) for (const row of s.matrix) for (const v of row) top = Math.max(top, v);
    if (top === 0) return;
    for (const s of series) s.matrix = s.matrix.map((row) => row.map((v) => v / top));
  }

  async function headView() {
    const r = A.state.run, p = A.params(), pick = $('head').value, words = $('words').checked;
    const url = `/api/attention?run=${r.run}&layer=${p.layer}&head=${pick === 'all' ? 'all' : pick}&words=${words}`
      + `&measure=${p.measure}`;
    const data = cached.url === url ? cached.data : await api(url);
    cached = { url, data };
    const visible = visibleHeads();
    const series = pick === 'all'
      ? visible.map((h) => ({ head: h, matrix: data.attention[h], color: headColor(h, r.heads) }))
      : [{ head: pick, matrix: data.attention, color: pick === 'mean' ? '#1f4e9a' : headColor(+pick, r.heads) }];
    if (data.measure === 'norms') scaleToLargest(series);
    const which = pick === 'all' ? `heads ${visible.join(', ') || '(none)'}` : pick === 'mean' ? 'mean of heads' : 'head ' + pick;
    const row = 16, top = 58, labels = data.labels;
    const svg = A.newFigure(Math.max(600, 60 + r.heads * 22), top + labels.length * row + 20,
      `layer ${data.layer}, ${which}${words ? ', words' : ''}`);
    svg.setAttribute('data-layer', data.layer);
    svg.setAttribute('data-head', pick);
    svg.setAttribute('data-heads', visible.join(','));
    svg.setAttribute('data-words', String(data.words));
    svg.setAttribute('data-measure', data.measure);
    if (pick !== 'mean') swatches(svg, r.heads, visible, 28);
    const token = ++A.state.drawToken;
    const drawn = await drawColumns({ svg, x0: 170, x1: 420, top, row, labels, series, threshold: p.threshold, token });
    svg.setAttribute('data-lines-total', drawn.total);
    svg.setAttribute('data-lines-kept', drawn.kept);
    if (token === A.state.drawToken) svg.setAttribute('data-state', 'done');
  }

  A.views.head = headView;
  A.headColor = headColor;
  A.drawColumns = drawColumns;
  A.shownHeads = { get: () => shown.heads, set: (list) => { shown.heads = list; } };
}(window.Atlas));
