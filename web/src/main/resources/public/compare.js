// Compare mode: text B and/or model B beside A (POST /api/contrast, docs/contrast.md). One figure: the divergence
// grid (layers × heads, or one cell per layer for rollout and flow); the picked cell's two head views side by side,
// changed words marked, and the difference heatmap A − B on a diverging scale over the aligned words.
'use strict';
(function (A) {
  const { $, el, api, clip } = A;
  const RED = [178, 24, 43], BLUE = [33, 102, 172]; // the ends of the diverging scale, white at 0

  function active() { return $('textB').value.trim() !== '' || $('modelB').value !== ''; }

  async function contrast(r) {
    A.state.contrast = null;
    if (!active()) {
      if (A.state.view === 'compare') A.state.view = 'head'; // a run without B leaves compare mode
      return;
    }
    const body = { model: r.model, text: r.text, modelB: $('modelB').value || null,
      textB: $('textB').value.trim() ? $('textB').value : null };
    A.state.contrast = await api('/api/contrast', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body) });
    A.state.view = 'compare';
  }

  function diverging(v, max) {
    const t = max > 0 ? Math.max(-1, Math.min(1, v / max)) : 0, end = t >= 0 ? RED : BLUE, f = Math.abs(t);
    return `rgb(${end.map((c) => Math.round(255 + (c - 255) * f)).join(',')})`;
  }

  /** What the kind shows: the grid values [row][column] and the picked cell's matrices. */
  function selection(c, kind, layer, head) {
    if (kind === 'heads') {
      return { grid: c.divergence, cell: head === null ? null : { a: c.attention.a[layer][head],
        b: c.attention.b[layer][head], diff: c.attention.difference[layer][head] } };
    }
    const k = c[kind];
    return { grid: [k.divergence], cell: { a: k.a[layer], b: k.b[layer], diff: k.difference[layer] } };
  }

  function grid(svg, values, kind, picked, top) {
    const cell = 26, left = 70, rows = values.length, cols = values[0].length;
    let max = 0;
    for (const r of values) for (const v of r) max = Math.max(max, v);
    svg.appendChild(el('text', { x: 8, y: top - 22, 'font-weight': 'bold' },
      kind === 'heads' ? 'divergence per layer × head (mean JS, nats): click a cell' : `${kind} divergence per layer (mean JS, nats)`));
    for (let j = 0; j < cols; j++) {
      svg.appendChild(el('text', { x: left + j * cell + 4, y: top - 4, 'font-size': 10 }, kind === 'heads' ? 'h' + j : 'L' + j));
    }
    for (let i = 0; i < rows; i++) {
      svg.appendChild(el('text', { x: 8, y: top + i * cell + 17, 'font-size': 11 }, kind === 'heads' ? 'layer ' + i : kind));
      for (let j = 0; j < cols; j++) {
        const layer = kind === 'heads' ? i : j, head = kind === 'heads' ? j : null;
        const rgb = A.color(max > 0 ? values[i][j] / max : 0);
        const on = picked.layer === layer && (kind !== 'heads' || picked.head === head);
        const r = el('rect', { class: 'cell' + (on ? ' picked' : ''), x: left + j * cell, y: top + i * cell, width: cell - 2,
          height: cell - 2, fill: `rgb(${rgb.join(',')})`, stroke: on ? '#d9822b' : 'none', 'stroke-width': 3,
          'data-layer': layer, 'data-head': head === null ? '' : head, 'data-value': String(values[i][j]) });
        r.appendChild(el('title', {}, `layer ${layer}${head === null ? '' : ' head ' + head}: ${values[i][j].toFixed(4)} nats`));
        r.addEventListener('click', () => {
          $('layer').value = layer;
          if (head !== null) $('head').value = head;
          A.show('compare');
        });
        svg.appendChild(r);
      }
    }
    svg.appendChild(el('text', { x: left + cols * cell + 10, y: top + 12, 'font-size': 11 }, `max ${max.toFixed(4)}`));
    return left + cols * cell + 10;
  }

  function topHeads(svg, heads, x, y) {
    svg.appendChild(el('text', { x, y, 'font-weight': 'bold' }, 'most different heads'));
    heads.forEach((t, i) => svg.appendChild(el('text', { x, y: y + 16 * (i + 1), class: 'top-head' },
      `layer ${t.layer} head ${t.head}: ${t.divergence.toFixed(4)} nats, Δ changed ${t.changedDelta.toFixed(3)}`)));
  }

  function side(svg, x, top, title, words, changed, matrix, color, threshold, token) {
    const g = el('g', { class: 'panel', 'data-side': title.charAt(0).toLowerCase() });
    svg.appendChild(g);
    g.appendChild(el('text', { x: x + 20, y: top - 8, 'font-weight': 'bold' }, title));
    return A.drawColumns({ svg: g, x0: x + 110, x1: x + 250, top, row: 16, labels: words, series: [{ head: title,
      matrix, color }], threshold, marked: new Set(changed), token });
  }

  function difference(svg, c, diff, top) {
    const m = diff.length, cell = m > 60 ? 6 : m > 30 ? 12 : 20, left = 150;
    const words = c.aligned.map(([ia]) => c.a.words[ia]);
    let max = 0;
    for (const r of diff) for (const v of r) max = Math.max(max, Math.abs(v));
    svg.appendChild(el('text', { x: 8, y: top - 10, 'font-weight': 'bold' },
      'difference A − B over the aligned words (rows renormalised)'));
    const g = el('g', { class: 'difference' });
    for (let r = 0; r < m; r++) {
      for (let k = 0; k < m; k++) {
        const rect = el('rect', { class: 'diff', x: left + k * cell, y: top + r * cell, width: cell, height: cell,
          fill: diverging(diff[r][k], max), 'data-r': r, 'data-c': k, 'data-v': String(diff[r][k]) });
        if (cell >= 12) rect.appendChild(el('title', {}, `${words[r]} → ${words[k]}: ${diff[r][k].toFixed(4)}`));
        g.appendChild(rect);
      }
    }
    svg.appendChild(g);
    if (m <= 80) {
      words.forEach((w, i) => {
        const size = Math.min(12, cell);
        svg.appendChild(el('text', { x: left - 4, y: top + (i + 0.75) * cell, 'text-anchor': 'end', 'font-size': size }, clip(w, 18)));
        svg.appendChild(el('text', { transform: `translate(${left + (i + 0.7) * cell},${top + m * cell + 4}) rotate(90)`,
          'font-size': size }, clip(w, 18)));
      });
    }
    const lx = left + m * cell + 30, h = Math.max(100, Math.min(m * cell, 240));
    for (let i = 0; i < 20; i++) {
      svg.appendChild(el('rect', { x: lx, y: top + (i * h) / 20, width: 14, height: h / 20 + 0.5,
        fill: diverging(max * (1 - (2 * i) / 19), max) }));
    }
    svg.appendChild(el('text', { x: lx + 18, y: top + 10 }, '+' + max.toFixed(3) + ' (A more)'));
    svg.appendChild(el('text', { x: lx + 18, y: top + h }, '−' + max.toFixed(3) + ' (B more)'));
    return top + m * cell + 80;
  }

  async function compareView() {
    const c = A.state.contrast;
    exportsFor(c);
    if (!c) {
      $('view').replaceChildren(document.createTextNode('Type a text B or pick a model B, then press Run.'));
      return;
    }
    const kind = $('contrastKind').value;
    if (kind !== 'heads' && !c[kind]) {
      $('view').replaceChildren(document.createTextNode(`no ${kind} contrast: ${c.flowSkipped || 'not computed'}`));
      return;
    }
    const layer = Math.min(+$('layer').value || 0, c.layers - 1);
    const head = /^\d+$/.test($('head').value) ? +$('head').value : null;
    const s = selection(c, kind, layer, head);
    const rows = s.cell ? Math.max(c.a.words.length, c.b.words.length) : 0;
    const m = c.aligned.length, cell = m > 60 ? 6 : m > 30 ? 12 : 20;
    const gridBottom = 70 + s.grid.length * 26;
    const height = gridBottom + (s.cell ? 190 + rows * 16 + m * cell : 40);
    const svg = A.newFigure(Math.max(790, 100 + s.grid[0].length * 26, 280 + m * cell), height,
      `${c.model} “${clip(c.a.text, 40)}” vs ${c.modelB} “${clip(c.b.text, 40)}”`);
    svg.setAttribute('data-kind', kind);
    svg.setAttribute('data-layer', layer);
    svg.setAttribute('data-head', head === null ? '' : head);
    const right = grid(svg, s.grid, kind, { layer, head }, 70);
    if (kind === 'heads') topHeads(svg, c.topHeads.slice(0, 5), right, 100);
    if (!s.cell) {
      svg.setAttribute('data-state', 'done');
      return;
    }
    const top = gridBottom + 50, token = ++A.state.drawToken, threshold = A.params().threshold;
    const what = kind === 'heads' ? `layer ${layer} head ${head}` : `${kind} through layer ${layer}`;
    const color = kind === 'heads' ? A.headColor(head, c.heads) : '#1f4e9a';
    await side(svg, 0, top, `A: ${c.model}, ${what}`, c.a.words, c.a.changed, s.cell.a, color, threshold, token);
    await side(svg, 380, top, `B: ${c.modelB}, ${what}`, c.b.words, c.b.changed, s.cell.b, color, threshold, token);
    difference(svg, c, s.cell.diff, top + rows * 16 + 60);
    if (token === A.state.drawToken) svg.setAttribute('data-state', 'done');
  }

  /** The server's own drawings of the grid and of the picked cell's difference (PNG/SVG, /api/export). */
  function exportsFor(c) {
    const box = $('contrastExports');
    box.replaceChildren();
    if (!c || !c.runs) return;
    const kind = $('contrastKind').value, head = /^\d+$/.test($('head').value) ? $('head').value : '0';
    const base = `/api/export?runA=${c.runs.a}&runB=${c.runs.b}&kind=${kind}`;
    const links = [['grid', `${base}&view=contrast-grid`], ['difference', `${base}&view=contrast-diff&layer=${$('layer').value}&head=${head}`]];
    box.appendChild(document.createTextNode('server drawings:'));
    for (const [name, url] of links) {
      for (const [format, scale] of [['svg', 1], ['png', 2]]) {
        const a = document.createElement('a');
        a.href = `${url}&format=${format}&scale=${scale}`;
        a.textContent = `${name} ${format.toUpperCase()}${format === 'png' ? ' 2×' : ''}`;
        a.className = 'contrast-export';
        a.setAttribute('download', '');
        box.appendChild(a);
      }
    }
  }

  A.views.compare = compareView;
  A.hooks.ran.push(contrast);
  A.hooks.shown.push(() => { if (A.state.view !== 'compare') $('contrastExports').replaceChildren(); });
  A.hooks.ready.push(async () => {
    const models = [...$('model').options].map((o) => o.value);
    models.forEach((name) => A.option($('modelB'), name, name));
    $('contrastKind').addEventListener('change', () => A.show());
  });
}(window.Atlas));
