// Writes tests/fixtures/tokens/expected.json: the token count of every text in tests/fixtures/tokens/texts.json
// under o200k_base and cl100k_base, made by OpenAI's own tokenizer (npm `tiktoken`, the WASM build of its Rust
// core) with encode_ordinary, so special-token strings such as <|endoftext|> count as the ordinary text they are.
// Every count is checked against a second, independent implementation (npm `js-tiktoken`, a pure JavaScript port,
// with encode(text, [], []), its ordinary form); the script stops if the two ever disagree.
//
// The C# tests (tests/Frugal.Sources.Tests/Prompts/PromptTokensTests.cs) compare Frugal's counts with these.
//
// To regenerate (Node 18 or later; the packages stay outside the repository):
//   packages=$(mktemp -d)
//   (cd "$packages" && npm init -y && npm install tiktoken@1.0.22 js-tiktoken@1.0.21)
//   node tools/tiktoken-counts.mjs "$packages"    # from the repository root
//
// A text in texts.json is a string, or a list of strings joined without separators (to keep lines short).

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packages = process.argv[2];
if (!packages) {
  console.error("usage: node tools/tiktoken-counts.mjs FOLDER_WITH_NODE_MODULES");
  process.exit(2);
}

const require = createRequire(join(resolve(packages), "package.json"));
const tiktoken = require("tiktoken");
const jsTiktoken = require("js-tiktoken");
const version = (name) =>
  JSON.parse(readFileSync(join(resolve(packages), "node_modules", name, "package.json"), "utf8")).version;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const folder = join(root, "tests", "fixtures", "tokens");
const texts = JSON.parse(readFileSync(join(folder, "texts.json"), "utf8"));

const encodings = ["o200k_base", "cl100k_base"];
const reference = Object.fromEntries(encodings.map((name) => [name, tiktoken.get_encoding(name)]));
const check = Object.fromEntries(encodings.map((name) => [name, jsTiktoken.getEncoding(name)]));

const counts = texts.map(({ id, text }) => {
  const whole = Array.isArray(text) ? text.join("") : text;
  const entry = { id };
  for (const name of encodings) {
    const count = reference[name].encode_ordinary(whole).length;
    const other = check[name].encode(whole, [], []).length;
    if (count !== other) {
      throw new Error(`${id} ${name}: tiktoken ${count}, js-tiktoken ${other}`);
    }
    entry[name] = count;
  }
  return entry;
});
encodings.forEach((name) => reference[name].free());

const output = {
  generator: "tools/tiktoken-counts.mjs",
  reference: `npm tiktoken ${version("tiktoken")} (WASM build of OpenAI's tiktoken), encode_ordinary`,
  crossCheck: `npm js-tiktoken ${version("js-tiktoken")}, encode(text, [], []): equal on every text`,
  counts,
};
const lines = counts.map((c) => "    " + JSON.stringify(c).replaceAll(",", ", ").replaceAll(":", ": "));
const json = [
  "{",
  `  "generator": ${JSON.stringify(output.generator)},`,
  `  "reference": ${JSON.stringify(output.reference)},`,
  `  "crossCheck": ${JSON.stringify(output.crossCheck)},`,
  '  "counts": [',
  lines.join(",\n"),
  "  ]",
  "}",
  "",
].join("\n");
writeFileSync(join(folder, "expected.json"), json);
console.log(`${counts.length} texts counted with ${encodings.join(" and ")}`);
