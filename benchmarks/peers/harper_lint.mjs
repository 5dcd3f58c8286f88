// Lint many texts with Harper (harper.js, British English) in one node process.
//
// Usage: node harper_lint.mjs [items.json] [--runs N] [--markdown]
//   items.json (or stdin): a JSON list of {"id": ..., "text": "..."}
//   --runs N: lint every text N times (a fresh linter each pass) and time each pass
//
// Writes JSON to stdout:
//   {"harper_version", "dialect", "startup_ms", "pass_ms": [...],
//    "results": [{"id", "lints": [{"start", "end", "utf16_start", "utf16_end", "rule",
//                 "kind", "message", "problem", "suggestions": [{"kind", "text"}]}]}]}
// start/end are code-point offsets (Python str offsets); Harper's spans as seen from
// JavaScript are UTF-16 offsets, kept as utf16_start/utf16_end.
// startup_ms covers module import, WASM compile, linter construction and one tiny
// warm-up lint (the curated dictionary is built lazily on first use).

import { readFileSync } from 'node:fs';

const started = performance.now();
const { LocalLinter, Dialect, SuggestionKind } = await import('harper.js');
const { binary } = await import('harper.js/binary');

const args = process.argv.slice(2);
let runs = 1;
let source = null;
let language = 'plaintext';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Math.max(1, parseInt(args[++i], 10));
  else if (args[i] === '--markdown') language = 'markdown';
  else source = args[i];
}
const items = JSON.parse(readFileSync(source ?? 0, 'utf8'));

const SUGGESTION_KINDS = Object.fromEntries(
  Object.entries(SuggestionKind ?? {}).filter(([, v]) => typeof v === 'number').map(([k, v]) => [v, k]),
);

/** Map UTF-16 offsets to code-point offsets; null when the text has no surrogate pairs. */
function codePointMap(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return null;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) map[++i] = cp;
    }
    cp++;
  }
  map[text.length] = cp;
  return map;
}

function describe(text, rule, lint) {
  const span = lint.span();
  const map = codePointMap(text);
  const out = {
    start: map ? map[span.start] : span.start,
    end: map ? map[span.end] : span.end,
    utf16_start: span.start,
    utf16_end: span.end,
    rule,
    kind: lint.lint_kind(),
    message: lint.message(),
    problem: lint.get_problem_text(),
    suggestions: lint.suggestions().map((s) => ({
      kind: SUGGESTION_KINDS[s.kind()] ?? String(s.kind()),
      text: s.get_replacement_text(),
    })),
  };
  span.free?.();
  return out;
}

async function newLinter() {
  const linter = new LocalLinter({ binary, dialect: Dialect.British });
  await linter.setup();
  return linter;
}

let linter = await newLinter();
await linter.organizedLints('A short warm-up sentence.', { language });
const startupMs = performance.now() - started;

const passMs = [];
let results = [];
for (let run = 0; run < runs; run++) {
  if (run > 0) {
    await linter.dispose();
    linter = await newLinter();
  }
  const t = performance.now();
  const pass = [];
  for (const item of items) {
    pass.push(await linter.organizedLints(item.text, { language }));
  }
  passMs.push(performance.now() - t);
  results = pass;
}

const output = results.map((grouped, i) => {
  const lints = [];
  for (const [rule, group] of Object.entries(grouped)) {
    for (const lint of group) lints.push(describe(items[i].text, rule, lint));
  }
  lints.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id: items[i].id, lints };
});

const packageJson = new URL('./node_modules/harper.js/package.json', import.meta.url);
const version = JSON.parse(readFileSync(packageJson, 'utf8')).version;
process.stdout.write(
  JSON.stringify({
    harper_version: version,
    dialect: 'British',
    language,
    startup_ms: startupMs,
    pass_ms: passMs,
    results: output,
  }),
);
