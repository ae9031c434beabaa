// Cards and keyboard movement in the annotated article. One mark at a time is in the tab order
// (a roving tabindex): Tab reaches the article, j/k or ↓/↑ move quote to quote, →/← move
// annotation to annotation, Home/End jump, Esc closes the card. Hover or focus opens a card.
import { describe } from './describe.js';

const VISIBLE = 'mark:not([data-part]):not([data-off])';

export class Cards {
  constructor(output, card, getIndex) {
    this.output = output;
    this.card = card;
    this.getIndex = getIndex;
    this.current = null; // the mark in the tab order
    this.shownFor = null;
    this.hideTimer = 0;

    output.addEventListener('mouseover', (e) => {
      const mark = this.markAt(e.target);
      if (mark) { clearTimeout(this.hideTimer); this.show(mark); }
    });
    output.addEventListener('mouseout', (e) => {
      if (!this.markAt(e.relatedTarget) && e.relatedTarget !== card && !card.contains(e.relatedTarget)) this.hideSoon();
    });
    card.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
    card.addEventListener('mouseleave', () => this.hideSoon());
    output.addEventListener('focusin', (e) => {
      const mark = e.target.closest && e.target.closest('mark');
      if (mark) this.show(mark);
    });
    output.addEventListener('focusout', (e) => {
      if (!this.markAt(e.relatedTarget)) this.hide();
    });
    output.addEventListener('click', (e) => {
      const mark = this.markAt(e.target);
      if (mark) this.focus(this.first(mark));
    });
    output.addEventListener('keydown', (e) => this.onKey(e));
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !card.hidden) { this.hide(); }
    });
  }

  /** The innermost visible mark at or above `node`. */
  markAt(node) {
    if (!node || !node.closest || !this.output.contains(node)) return null;
    let m = node.closest('mark');
    while (m && m.hasAttribute('data-off')) m = m.parentElement && m.parentElement.closest('mark');
    return m && this.output.contains(m) ? m : null;
  }

  /** The first part of a (possibly split) mark. */
  first(mark) {
    if (!mark.dataset.part) return mark;
    const { layer, id } = mark.dataset;
    const sel = `mark[data-layer="${CSS.escape(layer)}"][data-id="${CSS.escape(id)}"]:not([data-part])`;
    if (layer === 'entity') {
      // an entity id has many mentions: take the nearest first part before this one
      const all = [...this.output.querySelectorAll(sel)];
      let best = all[0] || mark;
      for (const m of all) if (m.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) best = m;
      return best;
    }
    return this.output.querySelector(sel) || mark;
  }

  /** Resets the roving tabindex after a new render: the first visible quote, else any mark. */
  reset() {
    this.hide();
    if (this.current) this.current.removeAttribute('tabindex');
    this.current = null;
    const start = this.output.querySelector(`${VISIBLE}[data-layer="quote"]`) || this.output.querySelector(VISIBLE);
    if (start) this.setCurrent(start, true);
  }

  /** Puts `mark` in the tab order; `auto` when the page chose it (not the reader). */
  setCurrent(mark, auto = false) {
    if (this.current && this.current !== mark) this.current.removeAttribute('tabindex');
    this.current = mark;
    this.auto = auto;
    mark.tabIndex = 0;
  }

  focus(mark) {
    if (!mark) return;
    this.setCurrent(mark);
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.show(mark);
  }

  move(selector, step, from) {
    const list = [...this.output.querySelectorAll(selector)];
    if (!list.length) return;
    let i = list.indexOf(from);
    if (i < 0) {
      // from is not in the list (another layer): find the neighbour in document order
      i = list.findIndex((m) => from.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
      if (i < 0) i = list.length;
      if (step > 0) i -= 1;
    }
    const next = list[Math.max(0, Math.min(list.length - 1, i + step))];
    this.focus(next);
  }

  onKey(e) {
    const mark = this.markAt(e.target);
    if (!mark || e.altKey || e.ctrlKey || e.metaKey) return;
    const quotes = `${VISIBLE}[data-layer="quote"]`;
    const keys = {
      j: () => this.move(quotes, 1, mark),
      ArrowDown: () => this.move(quotes, 1, mark),
      k: () => this.move(quotes, -1, mark),
      ArrowUp: () => this.move(quotes, -1, mark),
      ArrowRight: () => this.move(VISIBLE, 1, mark),
      ArrowLeft: () => this.move(VISIBLE, -1, mark),
      Home: () => this.focus(this.output.querySelector(VISIBLE)),
      End: () => { const all = this.output.querySelectorAll(VISIBLE); this.focus(all[all.length - 1]); },
      Escape: () => this.hide(),
    };
    const fn = keys[e.key];
    if (fn) { e.preventDefault(); fn(); }
  }

  /**
   * The marks that cover exactly the same text as `mark` (a speaker mention that is also an
   * entity mention), outermost first: one card describes them all.
   */
  sameExtent(mark) {
    const text = mark.textContent;
    const chain = [mark];
    for (let up = mark.parentElement && mark.parentElement.closest('mark'); up && this.output.contains(up) && up.textContent === text; up = up.parentElement && up.parentElement.closest('mark')) {
      if (!up.hasAttribute('data-off')) chain.unshift(up);
    }
    for (let down = mark.firstElementChild; down && down.tagName === 'MARK' && down.textContent === text; down = down.firstElementChild) {
      if (!down.hasAttribute('data-off')) chain.push(down);
    }
    return chain;
  }

  show(mark) {
    const ix = this.getIndex();
    if (!ix) return;
    const parts = this.sameExtent(mark).map((m) => describe(ix, m.dataset)).filter(Boolean);
    if (!parts.length) return;
    const card = this.card;
    const nodes = [];
    for (const d of parts) {
      const h = document.createElement('p');
      h.className = 'card-title';
      h.textContent = d.title;
      const dl = document.createElement('dl');
      for (const [k, v] of d.rows) {
        const dt = document.createElement('dt');
        dt.textContent = k;
        const dd = document.createElement('dd');
        dd.textContent = v;
        dl.append(dt, dd);
      }
      nodes.push(h, dl);
    }
    card.replaceChildren(...nodes);
    card.dataset.layer = mark.dataset.layer;
    card.dataset.for = `${mark.dataset.layer}:${mark.dataset.id}`;
    card.hidden = false;
    if (this.shownFor && this.shownFor !== mark) this.shownFor.removeAttribute('aria-describedby');
    this.shownFor = mark;
    mark.setAttribute('aria-describedby', card.id);
    const r = mark.getClientRects()[0] || mark.getBoundingClientRect();
    const width = Math.min(card.offsetWidth, document.documentElement.clientWidth - 16);
    const left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    let top = r.bottom + window.scrollY + 6;
    if (r.bottom + card.offsetHeight + 12 > window.innerHeight && r.top > card.offsetHeight + 12) {
      top = r.top + window.scrollY - card.offsetHeight - 6;
    }
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  }

  hideSoon() {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (document.activeElement && this.markAt(document.activeElement)) this.show(document.activeElement);
      else this.hide();
    }, 250);
  }

  hide() {
    clearTimeout(this.hideTimer);
    this.card.hidden = true;
    if (this.shownFor) this.shownFor.removeAttribute('aria-describedby');
    this.shownFor = null;
  }
}
