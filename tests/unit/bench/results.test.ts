// bench/RESULTS.md is written by several benchmarks and the soak: each rewrites
// only its own rows or its own section, never another's.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeResults, writeSection } from '../../../bench/results';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'results-'));
  file = join(dir, 'RESULTS.md');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = () => readFileSync(file, 'utf8');

describe('bench/RESULTS.md', () => {
  it('a section is appended after the table and replaced in place, other sections kept', () => {
    writeResults([{ name: 'decode p95', figure: '5 ms', budget: '≤ 66 ms', pass: true }], file);
    writeSection('Soak', 'first soak table', file);
    writeSection('Corpus', '| class | read |\n|---|---|\n| tilt | 98 % |', file);
    writeSection('Soak', 'second soak table\n\n### per backend\n\nrows', file);
    const text = read();
    expect(text).toContain('| decode p95 | 5 ms | ≤ 66 ms | yes |');
    expect(text.match(/^## Soak$/gm)).toHaveLength(1);
    expect(text).toContain('second soak table\n\n### per backend\n\nrows');
    expect(text).not.toContain('first soak table');
    expect(text).toContain('| tilt | 98 % |');
    // The table stays first; sections keep the order they were first written in.
    expect(text.indexOf('| decode p95')).toBeLessThan(text.indexOf('## Soak'));
    expect(text.indexOf('## Soak')).toBeLessThan(text.indexOf('## Corpus'));
  });

  it('rewriting the benchmark table keeps the sections after it and the other rows', () => {
    writeResults([
      { name: 'a', figure: '1', budget: 'x', pass: true },
      { name: 'b', figure: '2', budget: 'y', pass: false },
    ], file);
    writeSection('Soak', 'soak body', file);
    writeResults([{ name: 'a', figure: '3', budget: 'x', pass: true }], file);
    const text = read();
    expect(text).toContain('| a | 3 | x | yes |');
    expect(text).toContain('| b | 2 | y | **no** |');
    expect(text).not.toContain('| a | 1 |');
    expect(text).toMatch(/## Soak\n\nsoak body\n$/);
    // The section's lines never become rows of the table.
    expect(text.match(/^\| /gm)).toHaveLength(3);
  });

  it('a section of a file that has none yet starts after the table; a body with its own ## is refused', () => {
    writeFileSync(file, '# Benchmark results\n\n| benchmark | Turnout |\n|---|---|\n| a | 1 |\n');
    writeSection('Soak', 'body', file);
    expect(read()).toBe('# Benchmark results\n\n| benchmark | Turnout |\n|---|---|\n| a | 1 |\n\n## Soak\n\nbody\n');
    expect(() => writeSection('Soak', 'x\n## Other\ny', file)).toThrow(/###/);
    expect(read()).toContain('## Soak\n\nbody\n');
  });
});
