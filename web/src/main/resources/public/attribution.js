// Attribution view: each token coloured by its gradient attribution on a blue–white–red scale symmetric around 0
// (the stops of the reports' diverging ColorScale, so page and export agree). User text only via textContent.
'use strict';
(function () {
  const STOPS = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];
  const WIDTH = 920, TOP = 52, BOX = 22, ROW = 46;
  const $ = (id) => document.getElementById(id);
  const atlas = window.Atlas;
  const state = { result: null, info: null, active: false };

  function diverging(v, max) {
    const t = (max > 0 ? (Math.max(-1, Math.min(1, v / max)) + 1) / 2 : 0.5) * (STOPS.length - 1);
    const i = Math.min(STOPS.length - 2, Math.floor(t));
    const f = t - i;
    const a = [1, 3, 5].map((k) => parseInt(STOPS[i].substr(k, 2), 16));
    const b = [1, 3, 5].map((k) => parseInt(STOPS[i + 1].substr(k, 2), 16));
    return `rgb(${[0, 1, 2].map((j) => Math.round(a[j] + (b[j] - a[j]) * f)).join(',')})`;
  }

  async function modelInfo() {
    const model = $('model').value;
    if (!state.info || state.info.model !== model) {
      state.info = await atlas.api('/api/attribution/model?model=' + encodeURIComponent(model));
    }
    $('attrTargetLabel').hidden = !state.info.mlm;
    $('attrCompareLabel').hidden = state.info.mlm;
    return state.info;
  }

  async function attributionView() {
    await modelInfo();
    if (state.result) {
      draw(state.result);
    } else {
      $('view').replaceChildren(document.createTextNode(
        'Pick a method and a target (a word at the [MASK], or a text to compare with), then press Attribute.'));
    }
  }
  attributionView.standalone = true;

  async function attribute() {
    atlas.error('');
    atlas.status('attributing…');
    $('attribute').disabled = true;
    try {
      const info = await modelInfo();
      const body = { model: $('model').value, text: $('text').value };
      if (info.mlm) body.target = $('attrTarget').value; else body.compareText = $('attrCompare').value;
      const q = `method=${encodeURIComponent($('attrMethod').value)}&steps=${encodeURIComponent($('attrSteps').value)}`;
      state.result = await atlas.api('/api/attribution?' + q, { method: 'POST',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      atlas.status(`${state.result.model}: ${state.result.tokens.length} tokens attributed`);
      if (state.active) draw(state.result);
    } catch (e) {
      atlas.status('');
      atlas.error(e.message);
    } finally {
      $('attribute').disabled = false;
    }
  }

  function subtitle(r) {
    const f = r.score_name === 'target_log_prob' ? `log P(${r.target} at [MASK])` : `cosine with "${r.compare_text}"`;
    let s = `F = ${f} = ${r[r.score_name].toFixed(4)}; baseline (${r.baseline}) ${r.baseline_score.toFixed(4)}`;
    if (r.method === 'ig') s += `; completeness gap ${(100 * r.completeness_gap).toFixed(3)}% at ${r.steps} steps`;
    return s;
  }

  function draw(r) {
    const max = Math.max(...r.scores.map(Math.abs));
    const boxes = [];
    let x = 10, y = TOP;
    r.tokens.forEach((t) => {
      const w = Math.max(t.length, 6) * 7.5 + 10;
      if (x + w > WIDTH - 10 && x > 10) { x = 10; y += ROW; }
      boxes.push([x, y, w]);
      x += w + 4;
    });
    const height = y + ROW + 40;
    const svg = atlas.el('svg', { id: 'figure', xmlns: 'http://www.w3.org/2000/svg', width: WIDTH, height,
      viewBox: `0 0 ${WIDTH} ${height}`, 'data-state': 'drawing', 'data-view': 'attribution',
      'data-attribution': r.attribution, 'data-method': r.method });
    svg.appendChild(atlas.el('rect', { x: 0, y: 0, width: WIDTH, height, fill: 'white' }));
    svg.appendChild(atlas.el('text', { x: 8, y: 18, 'font-weight': 'bold' }, `${r.model} — ${r.method} attribution`));
    svg.appendChild(atlas.el('text', { x: 8, y: 38, class: 'subtitle', 'font-size': 10 }, subtitle(r)));
    r.tokens.forEach((t, i) => {
      const [bx, by, w] = boxes[i];
      const g = atlas.el('g', { class: 'attr-token', 'data-index': i, 'data-score': String(r.scores[i]) });
      g.appendChild(atlas.el('rect', { x: bx, y: by, width: w, height: BOX, fill: diverging(r.scores[i], max),
        stroke: '#888' }));
      g.appendChild(atlas.el('text', { x: bx + w / 2, y: by + 16, 'text-anchor': 'middle', class: 'token' }, t));
      g.appendChild(atlas.el('text', { x: bx + 5, y: by + BOX + 12, 'font-size': 10 },
        (r.scores[i] >= 0 ? '+' : '') + r.scores[i].toFixed(3)));
      svg.appendChild(g);
    });
    for (let k = 0; k < 60; k++) {
      svg.appendChild(atlas.el('rect', { x: 10 + 5 * k, y: height - 22, width: 5, height: 10,
        fill: diverging(-max + 2 * max * k / 59, max) }));
    }
    svg.appendChild(atlas.el('text', { x: 10, y: height - 2, 'font-size': 10 }, (-max).toFixed(3)));
    svg.appendChild(atlas.el('text', { x: 157, y: height - 2, 'font-size': 10 }, '0'));
    svg.appendChild(atlas.el('text', { x: 280, y: height - 2, 'font-size': 10 }, '+' + max.toFixed(3)));
    $('attrGap').textContent = r.method === 'ig' ? `completeness gap ${(100 * r.completeness_gap).toFixed(3)}%` : '';
    $('view').replaceChildren(svg);
    svg.setAttribute('data-state', 'done');
  }

  document.querySelectorAll('#views button').forEach((b) => b.addEventListener('click', () => {
    state.active = b.dataset.view === 'attribution';
    $('attributionControls').hidden = !state.active;
  }));
  $('attribute').addEventListener('click', attribute);
  $('model').addEventListener('change', () => {
    state.info = null;
    if (state.active) modelInfo().catch((e) => atlas.error(e.message));
  });
  atlas.views.attribution = attributionView;
}());
