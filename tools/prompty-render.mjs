// Writes tests/fixtures/prompty/expected.json: the chat messages Microsoft Prompty's own runtime (@prompty/core,
// the TypeScript implementation of the Prompty v2 spec) renders for every case in tests/fixtures/prompty/cases.json
// (a .prompty file under tests/fixtures/prompty and the input values to render it with). No model is called.
//
// The C# tests (tests/Frugal.Sources.Tests/Prompts/Prompty/PromptyRuntimeTests.cs) check that Frugal's import of
// each file renders the same messages, and that each exported file renders what the .prompt.yml it came from sends.
//
// @prompty/core is not published to the npm registry; build it from microsoft/prompty (the figures in
// expected.json come from commit 75e4d0e5, "@prompty/core" 2.0.0-beta.5):
//   git clone https://github.com/microsoft/prompty && cd prompty && git checkout 75e4d0e5
//   (cd runtime/typescript && npm ci && cd packages/core && npx tsup)
//   node tools/prompty-render.mjs PATH/TO/prompty/runtime/typescript/packages/core    # from this repository's root

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const coreDir = process.argv[2];
if (!coreDir) {
  console.error("usage: node tools/prompty-render.mjs PROMPTY_CORE_PACKAGE_FOLDER");
  process.exit(2);
}

const core = await import(pathToFileURL(join(resolve(coreDir), "dist/index.js")).href);
const version = JSON.parse(readFileSync(join(resolve(coreDir), "package.json"), "utf-8")).version;
const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "tests", "fixtures", "prompty");
const cases = JSON.parse(readFileSync(join(fixtures, "cases.json"), "utf-8"));

// ${env:NAME} references without a default must resolve for a file to load; no value is ever used.
for (const name of ["SUPPORT_API_KEY", "AZURE_OPENAI_ENDPOINT", "OPENAI_API_KEY"]) {
  process.env[name] ??= "unused";
}

const results = [];
for (const { prompty, inputs } of cases) {
  const agent = core.load(join(fixtures, prompty));
  const messages = await core.prepare(agent, inputs);
  results.push({
    prompty,
    inputs,
    messages: messages.map((m) => ({ role: m.role, content: m.text })),
  });
}

const output = { generator: `@prompty/core ${version}`, results };
writeFileSync(join(fixtures, "expected.json"), JSON.stringify(output, null, 2) + "\n");
console.log(`wrote ${results.length} rendered cases with @prompty/core ${version}`);
