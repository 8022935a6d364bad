// `npm run bundle-css`: Garden's CSS packages plus our style/app.css, as one minified dist/app.css.
// PurgeCSS keeps only the rules whose classes, tags and attributes appear as words in ../src/**/*.rs and ../core/src/**/*.rs
// or index.html, so a class must be written out in full in the Rust code (no `format!("c-btn--{x}")`);
// one that can't be goes in SAFELIST below. Then custom properties nobody reads go, and esbuild
// minifies. Prints nothing.

import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";
import postcss from "postcss";
import { PurgeCSS } from "purgecss";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const garden = (name) => readFileSync(join(here, "node_modules/@zendeskgarden", name, "dist/index.css"), "utf8");

// Classes the app adds at run time rather than writing them in its sources: none today. A class
// made from parts (`format!`), or set by the browser or a library, belongs here.
const SAFELIST = { standard: [], deep: [], greedy: [] };

// css-callouts 3 was built against the older (v6) palette: its values are already written into the
// rules, and the `:root` copy of that palette it still carries would repaint every v7 token after it.
function withoutRootTokens(css) {
  const sheet = postcss.parse(css);
  sheet.each((node) => {
    if (node.type === "rule" && node.selector === ":root") node.remove();
  });
  return sheet.toString();
}

// Tokens first, so everything after can read them; our layout last, so it wins ties.
const gardenCss = [
  garden("css-variables"),
  garden("css-bedrock"),
  garden("css-buttons"),
  garden("css-forms"),
  withoutRootTokens(garden("css-callouts")),
  garden("css-tags"),
].join("\n");
const ours = readFileSync(join(root, "style/app.css"), "utf8");

// `--preview`: also keep what style/preview.html (a static page of the components' markup) uses.
const preview = process.argv.includes("--preview");
// The read-only parts (cards, the settings helper's lists) are element trees built in core.
const content = [join(root, "src/**/*.rs"), join(root, "core/src/**/*.rs"), join(root, "index.html")];
if (preview) content.push(join(root, "style/preview.html"));

// One pass over Garden and ours together: `variables` drops a token only when no kept rule (ours
// included) reads it. Our own rules are purged by the same sources; their classes are ours to write.
const [purged] = await new PurgeCSS().purge({
  content,
  css: [{ raw: `${gardenCss}\n${ours}` }],
  safelist: SAFELIST,
  variables: true,
  keyframes: true,
  fontFace: true,
});
const { code: css } = await transform(purged.css, { loader: "css", minify: true, legalComments: "none" });

const notice = "/*! Zendesk Garden CSS components, (c) Zendesk, Inc., Apache-2.0 */\n";
mkdirSync(join(here, "dist"), { recursive: true });
writeFileSync(join(here, preview ? "dist/preview.css" : "dist/app.css"), notice + css);
