// Autosave: the article and the reader's display choices in this browser's localStorage (which
// never leaves the machine). Every access is guarded: storage may be disabled or full.

const TEXT_KEY = 'newslens.text.v1';
const PREFS_KEY = 'newslens.prefs.v1';

function store() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Saves the text; returns '' on success or a reason it could not be saved. */
export function saveText(text) {
  const s = store();
  if (!s) return 'this browser does not allow local storage';
  try {
    if (text) s.setItem(TEXT_KEY, text);
    else s.removeItem(TEXT_KEY);
    return '';
  } catch {
    try { s.removeItem(TEXT_KEY); } catch { /* nothing to do */ }
    return 'the text is too large for this browser’s local storage';
  }
}

export function loadText() {
  try {
    return store()?.getItem(TEXT_KEY) || '';
  } catch {
    return '';
  }
}

export function savePrefs(prefs) {
  try {
    store()?.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch { /* preferences are a convenience */ }
}

export function loadPrefs() {
  try {
    const p = JSON.parse(store()?.getItem(PREFS_KEY) || '{}');
    return p && typeof p === 'object' ? p : {};
  } catch {
    return {};
  }
}

/** Calls fn(...args) once `ms` after the last call. */
export function debounce(fn, ms) {
  let timer = 0;
  const d = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  d.flush = (...args) => { clearTimeout(timer); fn(...args); };
  return d;
}
