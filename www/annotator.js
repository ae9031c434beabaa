// The page's side of the annotator worker: one job at a time, the latest text wins, long jobs
// can be cancelled (the worker is terminated and a fresh one started), and a worker that dies
// is restarted with the text kept.

/** Above this many UTF-16 units the page refuses to annotate (see README, Known issues). */
export const MAX_CHARS = 10 * 1024 * 1024;
/** Texts longer than this are worth a progress bar and a cancel button. */
export const LONG_TEXT = 256 * 1024;

/** Starts workers: boot.js, loaded by the page's head before any module. */
const boot = () => {
  if (!self.newslensBoot) throw new Error('boot.js did not run: the page must load it in its head');
  return self.newslensBoot;
};

export class Annotator {
  /**
   * @param {object} on  callbacks: ready(version), progress(done, total), result(msg, text),
   *                     error(message), restarted(reason), broken(message)
   */
  constructor(on) {
    this.on = on;
    this.job = 0;
    this.busy = null; // {job, text}
    this.pending = null; // text waiting for the worker
    this.isReady = false;
    this.start();
  }

  start() {
    this.isReady = false;
    const first = boot().takeFirst();
    const worker = first ? first.worker : boot().startWorker();
    const replay = first ? first.events : [];
    this.worker = worker;
    worker.onmessage = (event) => {
      if (worker !== this.worker) return;
      const msg = event.data;
      if (msg.type === 'ready') {
        this.isReady = true;
        this.on.ready(msg.version);
        this.pump();
      } else if (msg.type === 'progress') {
        if (this.busy && msg.job === this.busy.job) this.on.progress(msg.done, msg.total);
      } else if (msg.type === 'result' || msg.type === 'error') {
        const current = this.busy;
        this.busy = null;
        if (current && msg.job === current.job && this.pending === null) {
          if (msg.type === 'result') this.on.result({ ...msg, analysis: JSON.parse(msg.json), json: undefined }, current.text);
          else this.on.error(msg.message);
        }
        this.pump();
      } else if (msg.type === 'fatal') {
        this.restart(msg.message);
      } else if (msg.type === 'broken') {
        this.stop(msg.message);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker === this.worker) this.restart(event.message || 'the annotator stopped');
    };
    for (const [kind, event] of replay) (kind === 'message' ? worker.onmessage : worker.onerror)(event);
  }

  /** Gives up: the annotator cannot run in this browser (or its files are missing). */
  stop(message) {
    this.worker.terminate();
    this.worker = null;
    this.busy = null;
    this.pending = null;
    this.isReady = false;
    this.on.broken(message);
  }

  /** Replaces a dead or cancelled worker; the job in flight is sent again unless `drop`. */
  restart(reason, drop = false) {
    if (reason) {
      // a worker that keeps dying (a missing or broken file) is not restarted for ever
      const now = Date.now();
      this.crashes = (this.crashes || []).filter((t) => now - t < 30000);
      this.crashes.push(now);
      if (this.crashes.length > 3) {
        this.stop(`${reason}; it stopped ${this.crashes.length} times in half a minute, so it was not restarted`);
        return;
      }
    }
    let again = drop ? null : (this.pending ?? (this.busy && this.busy.text));
    if (reason && again !== null) {
      // a text that crashes the worker twice is not sent a third time
      if (again === this.crashedOn) {
        again = null;
        reason += '; this text crashed it twice, so it was not annotated again';
      }
      this.crashedOn = again;
    }
    this.worker.terminate();
    this.busy = null;
    this.pending = again;
    this.start();
    if (reason) this.on.restarted(reason);
  }

  /** Annotates `text` (the latest call wins). */
  request(text) {
    if (!this.worker) return;
    if (this.busy && this.busy.text.length > LONG_TEXT) {
      // a long job would delay the new text: drop it
      this.pending = text;
      this.restart(null);
      return;
    }
    this.pending = text;
    this.pump();
  }

  /** Stops the job in flight and anything queued. */
  cancel() {
    if (!this.worker) return false;
    if (!this.busy && this.pending === null) return false;
    this.restart(null, true);
    return true;
  }

  pump() {
    if (!this.isReady || this.busy || this.pending === null) return;
    const text = this.pending;
    this.pending = null;
    this.job += 1;
    this.busy = { job: this.job, text };
    this.worker.postMessage({ type: 'annotate', job: this.job, text });
  }
}
