// Where the worker cuts a long text: the module's memory never shrinks, so a text is annotated
// in pieces of about CHUNK units and the module keeps what one piece needs (bench/wasm_memory.mjs
// measures both ways).

/** Texts longer than this (UTF-16 units) are annotated in chunks of about this size. */
export const CHUNK = 256 * 1024;

/** Chunk boundaries: cut at the last line end before each CHUNK units. */
export function chunkBounds(text, size = CHUNK) {
  const bounds = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > start) end = nl + 1;
    }
    bounds.push([start, end]);
    start = end;
  }
  return bounds;
}
