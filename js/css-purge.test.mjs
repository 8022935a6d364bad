// `npm run test-css` (node --test): the Garden purge keeps what the app uses and nothing it doesn't.

import { test } from "node:test";
import assert from "node:assert/strict";
import { purgeRules, pruneCustomProperties, splitBlocks, wordsOf } from "./css-purge.mjs";

const used = wordsOf([`view! { <button class="c-btn c-btn--basic">"Hi"</button> }`]);

test("a rule for a class the app never writes is dropped", () => {
  assert.equal(purgeRules(".c-btn{color:red}.c-btn--dark{color:blue}", used), ".c-btn{color:red}");
});

test("a selector list keeps only its used selectors", () => {
  assert.equal(purgeRules(".c-btn--dark,.c-btn--basic:hover{color:red}", used), ".c-btn--basic:hover{color:red}");
});

test("a compound selector needs every class it names", () => {
  assert.equal(purgeRules(".c-btn.c-btn--primary{color:#fff}", used), "");
});

test("element selectors and :root stay", () => {
  const css = "html{margin:0}:root{--a:1px}button:focus-visible{outline:none}";
  assert.equal(purgeRules(css, used), css);
});

test("classes inside :is() and :not() do not decide", () => {
  const css = ":is(.c-field--error,.c-field--success) .c-btn{color:red}";
  assert.equal(purgeRules(css, used), css);
});

test("media queries are purged inside and dropped when empty", () => {
  assert.equal(
    purgeRules("@media (min-width:1px){.c-btn{a:b}.c-tag{a:b}}@media print{.c-tag{a:b}}", used),
    "@media (min-width:1px){.c-btn{a:b}}",
  );
});

test("semicolons and braces inside data URIs do not split a rule", () => {
  const css = `.c-btn{background:url("data:image/svg+xml;charset=utf-8,%3Csvg{}%3E");color:red}`;
  assert.deepEqual(splitBlocks(css).length, 1);
  assert.equal(purgeRules(css, used), css);
});

test("unread custom properties go, also when only an unread one read them", () => {
  const css = ":root{--grey:#ccc;--line:1px solid var(--grey);--blue:#00f;--pad:4px}.a{padding:var(--pad)}";
  assert.equal(pruneCustomProperties(css), ":root{--pad:4px}.a{padding:var(--pad)}");
});

test("a rule left without declarations disappears", () => {
  assert.equal(pruneCustomProperties(":root{--unused:1px}.a{color:red}"), ".a{color:red}");
});
