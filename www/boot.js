// Starts the annotator while the page is still being parsed: a classic script in the head runs
// as soon as it arrives, where a module (even async) waits for the parser and main.js's imports.
// It starts the worker thread and, meanwhile, fetches and compiles the wasm to hand to it. The
// one place that knows how to start a worker: annotator.js takes the first one over and asks
// for fresh ones here (after a crash or a cancel).
'use strict';
self.newslensBoot = (() => {
  const base = document.currentScript.src;
  /**
   * The wasm, compiled once and handed to each worker (a compiled module is shared, not
   * copied), so no worker fetches or compiles it again. Null if this failed (a server that does
   * not send `application/wasm`): the worker then loads the file itself and reports why not.
   */
  const compiled = typeof WebAssembly !== 'undefined' && WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(fetch(new URL('pkg/newslens_bg.wasm', base))).catch(() => null)
    : Promise.resolve(null);

  function startWorker() {
    const worker = new Worker(new URL('worker.js', base), { type: 'module' });
    compiled.then((module) => worker.postMessage({ type: 'module', module }));
    return worker;
  }

  // The first worker's messages, kept until annotator.js takes it over and replays them.
  let first = null;
  const events = [];
  if (typeof Worker !== 'undefined') {
    first = startWorker();
    first.onmessage = (event) => events.push(['message', event]);
    first.onerror = (event) => { event.preventDefault(); events.push(['error', event]); };
  }

  return {
    startWorker,
    /** The first worker with its messages so far, once; then null. */
    takeFirst() {
      const taken = first && { worker: first, events };
      first = null;
      return taken;
    },
  };
})();
