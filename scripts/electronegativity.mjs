#!/usr/bin/env node
// Runs Doyensec's electronegativity over the Electron shell's sources (default:
// electron/) and fails on any HIGH or MEDIUM finding. LOW / informational ones are
// printed for review. A finding reviewed and accepted is silenced in the source
// with an `eng-disable <CHECK_ID>` comment that says why (see electron/window.ts).
// Usage: node scripts/electronegativity.mjs [path …]
// Offline-safe: the tool's translation / release-list look-ups time out quietly.
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = require('@doyensec/electronegativity');
const electronVersion = require('electron/package.json').version;

const inputs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['electron'];
const FAIL_AT = 2; // severity values: 3 HIGH, 2 MEDIUM, 1 LOW, 0 INFORMATIONAL

let blocking = 0;
let total = 0;
for (const input of inputs) {
  const dir = resolve(root, input);
  const result = await run({
    input: dir,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: true,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  for (const error of result.errors) {
    console.error(`electronegativity: could not parse ${relative(root, error.file)}: ${error.message}`);
    if (!error.tolerable) blocking += 1;
  }
  const issues = [...result.issues].sort((a, b) => b.severity.value - a.severity.value);
  console.log(`electronegativity ${require('@doyensec/electronegativity/package.json').version} on ${relative(root, dir) || '.'} (Electron ${electronVersion}): ${result.globalChecks + result.atomicChecks} checks, ${issues.length} finding(s)`);
  for (const issue of issues) {
    total += 1;
    const severe = issue.severity.value >= FAIL_AT;
    if (severe) blocking += 1;
    const where = issue.file === 'N/A' ? '(global)' : `${join(relative(root, dir), issue.file)}:${issue.location.line}:${issue.location.column}`;
    console.log(
      `  ${severe ? '✗' : '·'} ${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ${where}${issue.manualReview ? '  [review]' : ''}`,
    );
    if (severe || process.env.VERBOSE) console.log(`      ${String(issue.description).replace(/\s+/g, ' ').trim()}`);
  }
}

if (blocking > 0) {
  console.error(`electronegativity: ${blocking} HIGH/MEDIUM finding(s) or parse error(s) — failing.`);
  process.exit(1);
}
console.log(`electronegativity: no HIGH or MEDIUM findings (${total} lower finding(s) listed above).`);
