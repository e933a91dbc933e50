// The bench page: the kiosk's REAL sync engine (renderer/sync) and storage
// (renderer/storage) in Chromium's IndexedDB, beside its peers: PouchDB
// (pouchdb-browser, idb adapter) and a raw Dexie bulkPut into the kiosk schema.
// Bundled by Vite (bench/page-server.ts); driven from Node over
// `window.turnoutBench` (bench/roster-sync.ts, bench/outbox-drain.ts).
import PouchDB from 'pouchdb-browser';
import { TurnoutDb, type RosterChunk } from '../../renderer/storage/db';
import { outboxCount } from '../../renderer/storage/checkin';
import { CHUNK_ROWS, chunkRecord, countTickets } from '../../renderer/storage/roster-store';
import { SyncClient } from '../../renderer/sync/client';
import { pairAndSync, pairDevice } from '../../renderer/sync/pairing';
import { pullTickets, ticketFromWire } from '../../renderer/sync/pull';
import { loadPairing } from '../../renderer/storage/sync-meta';
import { readDay } from '../../renderer/storage/day-checkins';
import { ensureDemoData } from '../../renderer/storage/seed';
import { demoCode } from '../../core/demo/roster';
import { pushOutbox } from '../../renderer/sync/push';
import { benchCheckIn, type BenchApi } from './api';

const ROSTER_DB = 'bench-roster';
const RAW_DB = 'bench-raw';
const SCRATCH_DB = 'bench-scratch';
const DRAIN_DB = 'bench-drain';
const POUCH_DB = 'bench-pouch';
const DAY_DB = 'bench-day';

/** fetch, timed: request → headers, and the body read (client.ts reads text()). */
function timedFetch(acc: { ms: number }): typeof fetch {
  return async (input, init) => {
    const t0 = performance.now();
    const res = await fetch(input, init);
    const text = await res.text();
    acc.ms += performance.now() - t0;
    return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

/**
 * Every ticket upstream in the records the engine stores: chunks of CHUNK_ROWS in
 * pull order, with their codes and search keys (roster-store.ts chunkRecord); untimed.
 */
async function storedRecords(link: string): Promise<{ records: RosterChunk[]; tickets: number }> {
  const pairing = await pairDevice(new TurnoutDb(SCRATCH_DB), link, { name: 'bench raw' });
  const client = new SyncClient({ server: pairing.server, token: pairing.token });
  const records: RosterChunk[] = [];
  let tickets = 0;
  for (let after = 0, more = true; more; ) {
    const page = await client.tickets(after, 5000);
    const rows = page.items.map(ticketFromWire);
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) records.push(chunkRecord(records.length + 1, rows.slice(i, i + CHUNK_ROWS)));
    tickets += rows.length;
    ({ next: after, more } = page);
  }
  return { records, tickets };
}

const api: BenchApi = {
  async turnoutSync(link, pageLimit, profile) {
    const db = new TurnoutDb(ROSTER_DB);
    const acc = { ms: 0 };
    let pages = 0;
    const t0 = performance.now();
    await pairAndSync(db, link, {
      name: 'bench roster',
      // The profile run times the network part; the measured run uses plain fetch.
      ...(profile ? { fetch: timedFetch(acc) } : {}),
      engine: { pageLimit },
      onProgress: (p) => {
        if (p.phase === 'tickets') pages = p.pages;
      },
    });
    const ms = performance.now() - t0;
    const tickets = await countTickets(db);
    db.close();
    return { ms, tickets, pages, ...(profile ? { fetchMs: acc.ms } : {}) };
  },

  async turnoutResync(pageLimit) {
    const db = new TurnoutDb(ROSTER_DB);
    const pairing = await loadPairing(db);
    if (!pairing) throw new Error('turnoutResync: no pairing (run turnoutSync first)');
    const client = new SyncClient({ server: pairing.server, token: pairing.token });
    const t0 = performance.now();
    const { items } = await pullTickets(db, client, { limit: pageLimit });
    const ms = performance.now() - t0;
    const tickets = await countTickets(db);
    db.close();
    return { ms, count: items, tickets };
  },

  async dayRead(roster, checkins) {
    const db = new TurnoutDb(DAY_DB);
    await ensureDemoData(db, roster);
    const day = benchCheckIn(0, 'bench-day').day;
    await db.checkins.bulkAdd(Array.from({ length: checkins }, (_, i) => ({ ...benchCheckIn(i, 'bench-day'), day, code: demoCode((i * 7919) % roster) })));
    const read = async (sweepAbove: number) => {
      const t0 = performance.now();
      let rows = 0;
      let joined = 0;
      for await (const chunk of readDay(db, day, { sweepAbove })) {
        rows += chunk.checkins.length;
        joined += chunk.checkins.filter((c) => chunk.tickets.has(c.code)).length;
      }
      return { ms: performance.now() - t0, rows, joined };
    };
    const sweep = await read(0);
    const lookup = await read(Infinity);
    db.close();
    if (lookup.rows !== sweep.rows || lookup.joined !== sweep.joined) throw new Error('dayRead: the two reads disagree');
    return { sweepMs: sweep.ms, lookupMs: lookup.ms, rows: sweep.rows, joined: sweep.joined };
  },

  async dexieBulkPut(link, chunk) {
    const { records } = await storedRecords(link);
    const db = new TurnoutDb(RAW_DB);
    await db.open();
    const step = chunk > 0 ? chunk : records.length;
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += step) await db.roster.bulkPut(records.slice(i, i + step));
    const ms = performance.now() - t0;
    const count = await countTickets(db);
    db.close();
    return { ms, count };
  },

  async pouchReplicate(dbUrl, batchSize) {
    const local = new PouchDB(POUCH_DB);
    const t0 = performance.now();
    await PouchDB.replicate(dbUrl, local, { batch_size: batchSize });
    const ms = performance.now() - t0;
    return { ms, count: (await local.info()).doc_count };
  },

  async drainOutbox(link, n, from, batchSize) {
    const db = new TurnoutDb(DRAIN_DB);
    const pairing = await pairDevice(db, link, { name: `bench drain ${batchSize}` });
    await db.checkins.bulkAdd(Array.from({ length: n }, (_, i) => benchCheckIn(from + i, pairing.deviceId)));
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests++;
      return fetch(input, init);
    };
    const client = new SyncClient({ server: pairing.server, token: pairing.token, fetch: counting });
    const t0 = performance.now();
    const res = await pushOutbox(db, client, { batchSize });
    const ms = performance.now() - t0;
    const left = await outboxCount(db);
    db.close();
    return { ms, count: res.acknowledged, requests, left };
  },
};

window.turnoutBench = api;
document.getElementById('state')!.textContent = 'ready';
