// The PouchDB peer's upstream: express-pouchdb — the HTTP layer pouchdb-server is
// built on — over pouchdb-adapter-memory, i.e. what `pouchdb-server --in-memory`
// runs (pouchdb-server's own leveldb backend is native, so not used here), with
// CORS for the bench page, loaded with the same demo tickets as the Turnout
// upstream (one doc per ticket, _id = code).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import PouchCore, { type PouchDoc } from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import expressPouchDB from 'express-pouchdb';
import { demoRosterChunks } from '../core/demo/roster';

export interface PouchUpstream {
  /** URL of the roster database. */
  dbUrl: string;
  docs: number;
  close(): Promise<void>;
}

export async function startPouchUpstream(tickets: number): Promise<PouchUpstream> {
  const PouchDB = PouchCore.plugin(memoryAdapter).plugin(httpAdapter).plugin(mapreduce).plugin(replication).defaults({ adapter: 'memory' });
  const handler = expressPouchDB(PouchDB, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const roster = new PouchDB('roster');
  for (const chunk of demoRosterChunks(tickets, 5000)) {
    await roster.bulkDocs(chunk.map((t): PouchDoc => ({ _id: t.code, ...t })));
  }
  const docs = (await roster.info()).doc_count;
  const server = createServer((req, res) => {
    // PouchDB's fetch sends credentials, so the origin is echoed, never `*`.
    res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
    res.setHeader('access-control-allow-credentials', 'true');
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, PUT, DELETE, OPTIONS');
      res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? 'content-type');
      res.setHeader('access-control-max-age', '600');
      res.statusCode = 204;
      res.end();
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    dbUrl: `http://127.0.0.1:${port}/roster`,
    docs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
