// Rendering of a comparison: pure functions from (comparison, articles) to DOM nodes.
// Reader text only ever goes in through textContent and DOM APIs.

/** Creates an element with attributes and children (strings become text nodes). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return el;
}

/** The short label of article `i`: A1, A2, … */
export const label = (i) => `A${i + 1}`;

/**
 * The main page's address for a quote: `index.html?seed=FILE#QUOTE_ID` (only samples have
 * one; an opened file cannot be passed in a URL).
 */
export function quoteHref(article, quoteId) {
  if (!article.seed) return null;
  return `./index.html?seed=${encodeURIComponent(article.seed)}#${encodeURIComponent(quoteId)}`;
}

const visuallyHidden = (text) => h('span', { class: 'vh' }, text);

/** Paragraphs as the core counts them: the non-blank lines, trimmed, from 0. */
export function paragraphsOf(text) {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}

/**
 * The whole comparison. `articles[i]` is `{ title, seed?, text, name }` for article `i`.
 */
export function renderComparison(comparison, articles) {
  const root = document.createDocumentFragment();
  root.append(
    renderArticles(comparison, articles),
    renderMatrix(comparison),
    renderClusters(comparison, articles),
    renderNumbers(comparison, articles),
    renderDuplicates(comparison, articles),
    renderEntities(comparison, articles),
  );
  return root;
}

function section(id, title, ...children) {
  return h('section', { id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...children);
}

function renderArticles(comparison, articles) {
  return section(
    'articles',
    'Articles',
    h(
      'ol',
      { class: 'articles' },
      comparison.articles.map((a, i) =>
        h('li', { title: `${a.title} (${articles[i].name})` }, h('span', { class: 'tag' }, label(i)), ' ', h('span', { class: 'title' }, a.title || articles[i].name), ' ', h('span', { class: 'source' }, `(${articles[i].name})`)),
      ),
    ),
  );
}

function renderMatrix(comparison) {
  if (comparison.speakers.length === 0) {
    return section('speakers', 'Who is quoted where', h('p', {}, 'No quotation has a speaker yet.'));
  }
  const table = (speakers, caption) => {
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'Speaker'),
      comparison.articles.map((a, i) => h('th', { scope: 'col' }, h('abbr', { title: a.title }, label(i)))),
      h('th', { scope: 'col' }, 'Total'),
    );
    const rows = speakers.map((s) => {
      const total = s.quotes_per_article.reduce((x, y) => x + y, 0);
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, s.name),
        s.quotes_per_article.map((n, i) =>
          h('td', { class: n ? 'count' : 'count zero', 'aria-label': `${n} in ${label(i)}` }, n ? String(n) : '·'),
        ),
        h('td', { class: 'count total' }, String(total)),
      );
    });
    return h(
      'div',
      { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': `${caption}, scrollable` },
      h('table', { class: 'matrix' }, h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, rows)),
    );
  };
  const several = comparison.articles.length > 1 ? comparison.speakers.filter((s) => s.articles.length > 1) : comparison.speakers;
  const once = comparison.speakers.filter((s) => !several.includes(s));
  return section(
    'speakers',
    'Who is quoted where',
    several.length
      ? table(several, 'Quotations per article of speakers quoted in several articles')
      : h('p', {}, 'No speaker is quoted in more than one article.'),
    once.length
      ? h(
          'details',
          {},
          h('summary', {}, `${once.length} speaker${once.length > 1 ? 's' : ''} quoted in one article only`),
          table(once, 'Quotations per article of speakers quoted in one article'),
        )
      : null,
  );
}

/** One member's text with its differences from the reference marked. */
export function renderSegments(segments) {
  const out = h('span', { class: 'variant' });
  for (const s of segments) {
    if (s.op === 'same') out.append(s.text);
    else if (s.op === 'inserted') out.append(h('ins', {}, visuallyHidden('inserted: '), s.text));
    else if (s.op === 'omitted') out.append(h('del', {}, visuallyHidden('omitted: '), s.text), ' ');
    else if (s.op === 'respelled')
      out.append(h('mark', { title: `spelled “${s.reference}” in the fullest version` }, s.text), visuallyHidden(` (spelled ${s.reference} in the fullest version) `));
  }
  return out;
}

function memberLink(member, articles) {
  const text = `${label(member.article)} ${member.quote}`;
  const href = quoteHref(articles[member.article], member.quote);
  const title = `${articles[member.article].title}: open quote ${member.quote}`;
  return href ? h('a', { href, title, class: 'member-link' }, text) : h('span', { class: 'member-link', title }, text);
}

function renderClusters(comparison, articles) {
  if (comparison.quote_clusters.length === 0) {
    return section('clusters', 'The same quotation in several places', h('p', {}, 'No quotation appears more than once.'));
  }
  const items = comparison.quote_clusters.map((c, k) => {
    const reference = c.members[c.reference];
    const variantOf = new Map(c.variants.map((v) => [v.member, v]));
    const members = c.members.map((m, i) => {
      const v = variantOf.get(i);
      const badge =
        i === c.reference
          ? h('span', { class: 'badge ref' }, 'fullest')
          : h('span', { class: `badge ${v.identical ? 'same' : 'diff'}` }, `${v.extent === 'part' ? 'part' : 'whole'}${v.identical ? ', same words' : ', differs'}`);
      const body = i === c.reference ? h('span', { class: 'variant' }, m.text) : renderSegments(v.segments);
      return h('li', {}, memberLink(m, articles), ' ', badge, ' ', h('q', {}, body));
    });
    const where = c.articles.map(label).join(', ');
    return h(
      'li',
      { class: 'cluster' },
      h('article', { 'aria-labelledby': `cluster-${k}` },
        h('h3', { id: `cluster-${k}` }, `${c.speaker ?? 'Speaker not identified'}, quoted ${c.members.length} times in ${c.articles.length} article${c.articles.length > 1 ? 's' : ''} (${where})`),
        h('blockquote', { class: 'reference' }, reference.text),
        h('ul', { class: 'members' }, members),
      ),
    );
  });
  return section('clusters', 'The same quotation in several places', h('ol', { class: 'clusters' }, items));
}

function renderNumbers(comparison) {
  const conflicting = comparison.numbers.filter((n) => n.conflicts.length > 0);
  const body = conflicting.length
    ? h(
        'ul',
        {},
        conflicting.map((n) =>
          h(
            'li',
            {},
            `${n.about ?? 'Something'}: ${String(n.value)} ${[n.unit, n.counted].filter(Boolean).join(' ')} in ${n.articles.map(label).join(', ')}; `,
            n.conflicts.map((c) => `${String(c.value)} in ${c.articles.map(label).join(', ')}`).join('; '),
          ),
        ),
      )
    : h('p', {}, 'No article gives a different value for the same unit about the same entity.');
  return section('numbers', 'Numbers that disagree', body);
}

function renderDuplicates(comparison, articles) {
  if (comparison.duplicate_paragraphs.length === 0) {
    return section('duplicates', 'Paragraphs printed twice', h('p', {}, 'No article repeats a paragraph.'));
  }
  const items = comparison.duplicate_paragraphs.map((d) => {
    const paragraphs = paragraphsOf(articles[d.article].text);
    return h(
      'li',
      {},
      h('span', { class: 'tag' }, label(d.article)),
      ` ${articles[d.article].title}: ${d.paragraphs.length} repeated paragraph${d.paragraphs.length > 1 ? 's' : ''}`,
      h(
        'ul',
        {},
        d.paragraphs.map(([first, repeat]) =>
          h('li', {}, `Paragraph ${repeat + 1} repeats paragraph ${first + 1}: `, h('q', {}, shorten(paragraphs[first] ?? '', 140))),
        ),
      ),
    );
  });
  return section('duplicates', 'Paragraphs printed twice', h('ul', {}, items));
}

function renderEntities(comparison) {
  const shared = comparison.entities.filter((e) => e.articles.length > 1);
  if (shared.length === 0) {
    return section('entities', 'Named in several articles', h('p', {}, 'No entity is named in more than one article yet.'));
  }
  const rows = shared.map((e) =>
    h('tr', {}, h('th', { scope: 'row' }, e.name), h('td', {}, e.type), e.mentions_per_article.map((n, i) => h('td', { class: n ? 'count' : 'count zero', 'aria-label': `${n} in ${label(i)}` }, n ? String(n) : '·'))),
  );
  return section(
    'entities',
    'Named in several articles',
    h(
      'div',
      { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Entities by article, scrollable' },
      h(
        'table',
        { class: 'matrix' },
        h('caption', {}, 'Mentions per article'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Type'), comparison.articles.map((a, i) => h('th', { scope: 'col' }, h('abbr', { title: a.title }, label(i)))))),
        h('tbody', {}, rows),
      ),
    ),
  );
}

function shorten(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
