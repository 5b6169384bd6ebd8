// The page's state in the URL query (model, text, layer, head(s), view, compare text/model B, …) so a shared or
// bookmarked address reloads the same view, running the model when needed; back/forward step through past views.
// Arrow keys step layers (up/down) and heads (left/right).
'use strict';
(function (A) {
  const { $ } = A;
  let restoring = 0; // restores in flight (popstate can start one before the last ends): no pushState meanwhile
  let ranWith = null; // the inputs of the shown run

  // page control id ↔ query key. Text and model come from the shown run; INPUTS also change what is run (a URL that
  // differs in them runs the model again), PICKS only what is drawn.
  const INPUTS = [['textB', 'textB'], ['modelB', 'modelB'], ['translation', 'translation']];
  const PICKS = [['flowKind', 'kind'], ['contrastKind', 'contrast'], ['target', 'target'], ['threshold', 'threshold'],
    ['measure', 'measure']];
  const CONTROLS = INPUTS.concat(PICKS);

  function initial(e) { return e.tagName === 'SELECT' ? (e.options.length ? e.options[0].value : '') : e.defaultValue; }

  function query() {
    const r = A.state.run, q = new URLSearchParams();
    if (!r) return q;
    q.set('model', r.model);
    q.set('text', r.text);
    q.set('view', A.state.view);
    q.set('layer', $('layer').value);
    q.set('head', $('head').value);
    const heads = A.shownHeads.get();
    if ($('head').value === 'all' && heads !== null) q.set('heads', heads.join(','));
    if ($('words').checked) q.set('words', 'true');
    for (const [id, key] of CONTROLS) {
      const e = $(id);
      if (e.value !== initial(e)) q.set(key, e.value);
    }
    return q;
  }

  function remember() {
    if (restoring > 0 || !A.state.run) return;
    const search = '?' + query().toString();
    if (search !== location.search) history.pushState(null, '', search);
  }

  /** Sets the controls from the URL, runs the model if text, model or a compare input differ from the shown run. */
  async function restore() {
    const q = new URLSearchParams(location.search);
    if (!q.get('text')) return;
    restoring++;
    try {
      const model = q.get('model') || $('model').value;
      if (![...$('model').options].some((o) => o.value === model)) {
        A.error(`model '${model}' from the address is not offered here`);
        return;
      }
      $('model').value = model;
      $('text').value = q.get('text');
      for (const [id, key] of CONTROLS) {
        const e = $(id);
        if (id !== 'target') e.value = q.get(key) ?? initial(e);
      }
      $('thresholdValue').textContent = $('threshold').value;
      $('words').checked = q.get('words') === 'true';
      A.shownHeads.set(q.get('heads') ? q.get('heads').split(',').filter((h) => h !== '').map(Number) : null);
      const want = { layer: q.get('layer') ?? '0', head: q.get('head') ?? 'all', view: q.get('view') || 'head',
        target: q.get('target') ?? '' };
      if (A.state.run && JSON.stringify(inputs()) === ranWith) {
        $('layer').value = want.layer;
        $('head').value = want.head;
        if (want.target !== '') $('target').value = want.target;
        await A.show(want.view);
      } else {
        await A.run(want);
      }
    } finally {
      restoring--;
    }
  }

  function inputs() {
    return [$('model').value, $('text').value, ...INPUTS.map(([id]) => $(id).value)];
  }

  function step(select, by) {
    const n = select.options.length;
    const numbered = [...select.options].map((o) => o.value).filter((v) => /^\d+$/.test(v));
    if (!n || !numbered.length) return false;
    const at = numbered.indexOf(select.value);
    const next = at < 0 ? (by > 0 ? 0 : numbered.length - 1) : Math.max(0, Math.min(numbered.length - 1, at + by));
    if (numbered[next] === select.value) return false;
    select.value = numbered[next];
    return true;
  }

  function onKey(e) {
    if (!A.state.run || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target.closest && e.target.closest('input, textarea, select')) return;
    const by = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -1, ArrowRight: 1 }[e.key];
    if (by === undefined) return;
    e.preventDefault();
    const moved = e.key === 'ArrowUp' || e.key === 'ArrowDown' ? step($('layer'), by) : step($('head'), by);
    if (moved) A.show();
  }

  A.hooks.ran.push(() => { ranWith = JSON.stringify(inputs()); });
  A.hooks.shown.push(remember);
  A.hooks.ready.push(restore);
  window.addEventListener('popstate', () => restore().catch((e) => A.error(e.message)));
  document.addEventListener('keydown', onKey);
  A.urlQuery = () => query().toString();
}(window.Atlas));
