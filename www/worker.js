// The annotator's thread: loads the wasm once and annotates on request, so that the page never
// freezes. Messages in: {type:'annotate', job, text}. Messages out: {type:'ready', version},
// {type:'result', job, analysis, ms}, {type:'error', job, message}, {type:'fatal', message}.
import init, { annotate, version } from './pkg/newslens.js';

const ready = init().then(
  () => { self.postMessage({ type: 'ready', version: version() }); return true; },
  (err) => { self.postMessage({ type: 'fatal', message: String(err && err.message || err) }); return false; },
);

self.onmessage = async (event) => {
  const msg = event.data;
  if (!(await ready)) return;
  if (msg.type === 'annotate') {
    const t0 = performance.now();
    try {
      const analysis = annotate(msg.text, 'utf16');
      self.postMessage({ type: 'result', job: msg.job, analysis, ms: performance.now() - t0 });
    } catch (err) {
      self.postMessage({ type: 'error', job: msg.job, message: String(err && err.message || err) });
    }
  }
};
