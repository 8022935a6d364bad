// `npm run bundle-css`: Garden's CSS packages plus our style/app.css, as one minified dist/app.css.
// Only the Garden rules whose classes appear in ../src (or index.html) are kept, so a class must be
// written out in full in the Rust code (no `format!("c-btn--{x}")`). Prints nothing.

import { readFileSync, readdirSync, mkdirSync, writeFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";
import { purgeRules, pruneCustomProperties, splitBlocks, wordsOf } from "./css-purge.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const minify = async (css) => (await transform(css, { loader: "css", minify: true, legalComments: "none" })).code;
const garden = (name) => readFileSync(join(here, "node_modules/@zendeskgarden", name, "dist/index.css"), "utf8");

// Tokens first, so everything after can read them; our layout last, so it wins ties.
const parts = [
  garden("css-variables"),
  garden("css-bedrock"),
  garden("css-buttons"),
  garden("css-forms"),
  withoutRootTokens(await minify(garden("css-callouts"))),
  garden("css-tags"),
];

// css-callouts 3 was built against the older (v6) palette: its values are already written into the
// rules, and the `:root` copy of that palette it still carries would repaint every v7 token after it.
function withoutRootTokens(css) {
  return splitBlocks(css)
    .filter((block) => block.prelude !== ":root")
    .map((block) => block.statement ?? `${block.prelude}{${block.body}}`)
    .join("\n");
}

function rustSources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return rustSources(path);
    return name.endsWith(".rs") ? [readFileSync(path, "utf8")] : [];
  });
}


// `--preview`: also keep what style/preview.html (a static page of the components' markup) uses.
const preview = process.argv.includes("--preview");
const sources = [...rustSources(join(root, "src")), readFileSync(join(root, "index.html"), "utf8")];
if (preview) sources.push(readFileSync(join(root, "style/preview.html"), "utf8"));
const used = wordsOf(sources);
const gardenCss = purgeRules(await minify(parts.join("\n")), used);
const ours = await minify(readFileSync(join(root, "style/app.css"), "utf8"));
const css = await minify(pruneCustomProperties(gardenCss + ours));

const notice = "/*! Zendesk Garden CSS components, (c) Zendesk, Inc., Apache-2.0 */\n";
mkdirSync(join(here, "dist"), { recursive: true });
writeFileSync(join(here, preview ? "dist/preview.css" : "dist/app.css"), notice + css);
