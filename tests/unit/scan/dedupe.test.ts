// Camera-path dedupe: one check-in per QR held in front of the lens.
import { describe, expect, it } from 'vitest';
import { createDedupe } from '../../../renderer/scan/dedupe';

function clock() {
  let t = 10_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createDedupe', () => {
  it('ignores the same code for the window after its verdict, then accepts it again', () => {
    const c = clock();
    const d = createDedupe(3000, c.now);
    expect(d.shouldAccept('A')).toBe(true);
    d.markVerdict('A');
    for (let i = 0; i < 40; i++) {
      c.advance(70); // ~15 reads a second
      expect(d.shouldAccept('A')).toBe(false);
    }
    c.advance(3000 - 40 * 70 - 1);
    expect(d.shouldAccept('A')).toBe(false);
    c.advance(1);
    expect(d.shouldAccept('A')).toBe(true);
  });

  it('lets a different code through at once', () => {
    const c = clock();
    const d = createDedupe(3000, c.now);
    expect(d.shouldAccept('A')).toBe(true);
    d.markVerdict('A');
    c.advance(10);
    expect(d.shouldAccept('B')).toBe(true);
    d.markVerdict('B');
    c.advance(10);
    expect(d.shouldAccept('A')).toBe(false);
    expect(d.shouldAccept('B')).toBe(false);
  });

  it('counts the window from the verdict, refusing repeats while it is pending', () => {
    const c = clock();
    const d = createDedupe(3000, c.now);
    expect(d.shouldAccept('A')).toBe(true);
    c.advance(5000); // a slow decision
    expect(d.shouldAccept('A')).toBe(false);
    d.markVerdict('A');
    c.advance(2999);
    expect(d.shouldAccept('A')).toBe(false);
    c.advance(1);
    expect(d.shouldAccept('A')).toBe(true);
  });

  it('does not block a code forever when its verdict never comes', () => {
    const c = clock();
    const d = createDedupe(3000, c.now);
    expect(d.shouldAccept('A')).toBe(true);
    c.advance(30_000);
    expect(d.shouldAccept('A')).toBe(true);
  });

  it('clear() forgets every code', () => {
    const c = clock();
    const d = createDedupe(3000, c.now);
    d.shouldAccept('A');
    d.markVerdict('A');
    d.clear();
    expect(d.shouldAccept('A')).toBe(true);
  });

  it('defaults to a 3 s window on performance.now()', () => {
    const d = createDedupe();
    expect(d.shouldAccept('X')).toBe(true);
    d.markVerdict('X');
    expect(d.shouldAccept('X')).toBe(false);
  });
});
