// Shrinks Garden's CSS to what the app uses: rules whose classes never appear in our sources go, then
// custom properties nobody reads. Works on esbuild-minified CSS (no comments, one rule after another).

/** Top-level pieces of a stylesheet: `{prelude, body}` for blocks, `{statement}` for `@import;` and the like. */
export function splitBlocks(css) {
  const out = [];
  let start = 0;
  let i = 0;
  while (i < css.length) {
    const c = css[i];
    if (c === '"' || c === "'") {
      i = skipString(css, i);
    } else if (c === ";") {
      const statement = css.slice(start, i + 1).trim();
      if (statement !== ";") out.push({ statement });
      start = ++i;
    } else if (c === "{") {
      const end = matchingBrace(css, i);
      out.push({ prelude: css.slice(start, i).trim(), body: css.slice(i + 1, end) });
      start = i = end + 1;
    } else {
      i++;
    }
  }
  const rest = css.slice(start).trim();
  if (rest) out.push({ statement: rest });
  return out;
}

function skipString(css, i) {
  const quote = css[i];
  for (i++; i < css.length; i++) {
    if (css[i] === "\\") i++;
    else if (css[i] === quote) return i + 1;
  }
  return i;
}

function matchingBrace(css, open) {
  let depth = 0;
  for (let i = open; i < css.length; ) {
    const c = css[i];
    if (c === '"' || c === "'") {
      i = skipString(css, i);
      continue;
    }
    if (c === "{") depth++;
    if (c === "}" && --depth === 0) return i;
    i++;
  }
  return css.length;
}

/** Splits on `sep` outside strings and parentheses. */
export function splitTop(text, sep) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipString(text, i);
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  parts.push(text.slice(start));
  return parts;
}

/** Classes a selector needs, ignoring those inside `:is()`, `:where()`, `:not()` (kept conservatively). */
export function classesOf(selector) {
  let flat = "";
  let depth = 0;
  for (const c of selector) {
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0) flat += c;
  }
  return [...flat.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]);
}

/** Drops selectors that name a class `used` lacks, and rules left with none. Recurses into @media. */
export function purgeRules(css, used) {
  return splitBlocks(css)
    .map((block) => {
      if (block.statement !== undefined) return block.statement;
      const { prelude, body } = block;
      if (/^@(media|supports|layer|container)/.test(prelude)) {
        const inner = purgeRules(body, used);
        return inner ? `${prelude}{${inner}}` : "";
      }
      if (prelude.startsWith("@")) return `${prelude}{${body}}`;
      const kept = splitTop(prelude, ",").filter((s) => classesOf(s).every((c) => used.has(c)));
      return kept.length ? `${kept.join(",")}{${body}}` : "";
    })
    .join("");
}

/** Removes `--x:` declarations whose `var(--x)` appears nowhere, until nothing more goes. */
export function pruneCustomProperties(css) {
  for (;;) {
    const read = new Set([...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]));
    const next = dropDeclarations(css, (name) => name.startsWith("--") && !read.has(name));
    if (next === css) return css;
    css = next;
  }
}

function dropDeclarations(css, unwanted) {
  return splitBlocks(css)
    .map((block) => {
      if (block.statement !== undefined) return block.statement;
      const { prelude, body } = block;
      if (/^@(media|supports|layer|container)/.test(prelude)) {
        const inner = dropDeclarations(body, unwanted);
        return inner ? `${prelude}{${inner}}` : "";
      }
      if (prelude.startsWith("@")) return `${prelude}{${body}}`;
      const kept = splitTop(body, ";").filter((d) => {
        const name = d.slice(0, d.indexOf(":")).trim();
        return d.trim() !== "" && !unwanted(name);
      });
      return kept.length ? `${prelude}{${kept.join(";")}}` : "";
    })
    .join("");
}

/** Every word of the sources: a class is in use when its name appears literally somewhere. */
export function wordsOf(texts) {
  const words = new Set();
  for (const text of texts) for (const m of text.matchAll(/[\w-]+/g)) words.add(m[0]);
  return words;
}
