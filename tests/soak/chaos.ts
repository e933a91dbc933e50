// The soak's network: what each desk's proxy lane does to a request, by chance
// (a seeded random per lane, so a run can be replayed). Roughly one request in
// six meets a fault: dropped connections, slow answers, replies cut or reset
// mid-body after the server acted, 500s, 429s with Retry-After, and uploads the
// server stored whose answer never comes back (the desk times out and resends).

import type { Rule } from '../support/fault-proxy';

export function chaosRules(): Rule[] {
  const any = /./;
  return [
    { match: any, chance: 0.02, fault: { kind: 'refuse' } },
    { match: any, chance: 0.02, fault: { kind: 'delay', ms: 250 } },
    { match: any, chance: 0.02, fault: { kind: 'delay', ms: 1200 } },
    { match: any, chance: 0.015, fault: { kind: 'cut', afterBytes: 30 } },
    { match: any, chance: 0.015, fault: { kind: 'reset', afterBytes: 10 } },
    { match: any, chance: 0.02, fault: { kind: 'status', status: 500 } },
    { match: any, chance: 0.01, fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: JSON.stringify({ error: { code: 'rate_limited', message: 'injected 429' } }) } },
    { match: /^POST \/v1\/sync\/checkins/, chance: 0.05, fault: { kind: 'stall', forward: true } },
  ];
}

/**
 * One fault of each kind on a lane's first requests (its first upload is the
 * one stalled), so every kind is met in every run, however chance falls.
 */
export function oneOfEach(): Rule[] {
  const any = /./;
  return [
    { match: /^POST \/v1\/sync\/checkins/, times: 1, fault: { kind: 'stall', forward: true } },
    { match: any, times: 1, fault: { kind: 'refuse' } },
    { match: any, times: 1, fault: { kind: 'delay', ms: 500 } },
    { match: any, times: 1, fault: { kind: 'cut', afterBytes: 5 } },
    { match: any, times: 1, fault: { kind: 'reset' } },
    { match: any, times: 1, fault: { kind: 'status', status: 500 } },
    { match: any, times: 1, fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } } },
  ];
}

/** mulberry32: a small seeded random for reproducible fault sequences. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
