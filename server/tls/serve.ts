// Starting the upstream for a venue: HTTPS (HTTP/2, HTTP/1.1 allowed) with the
// venue certificate (or the operator's, or none behind a local TLS proxy), the
// plain-HTTP listener that only redirects and serves /ca.crt, and the watch on
// interface addresses that re-issues the leaf — same key, so the pin holds — and
// swaps it into the running server with setSecureContext. Used by `serve`.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname as osHostname, networkInterfaces } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../app';
import type { ServerConfig } from '../config';
import type { Database } from '../db/schema-types';
import type { TlsInfo } from '../deps';
import { leafNames, namesKey, type Interfaces, type LeafNames } from './names';
import { isLoopbackUrl, venueServers } from './link-servers';
import { createRedirectServer } from './redirect';
import { LEAF_VALIDITY_DAYS, openVenueKeys, renewLeaf, type VenueKeys } from './venue-ca';

const DAY = 86_400_000;
/** A leaf this close to its end is re-issued even if no address changed. */
const RENEW_BEFORE_DAYS = 30;

export interface StartOptions {
  config: ServerConfig;
  db: Kysely<Database>;
  now?: () => number;
  /** The machine's interfaces; tests pass loopback-only ones. */
  interfaces?: () => Interfaces;
  hostname?: string;
  /** How often addresses are re-read, ms; 0: never (tests call refresh()). */
  watchMs?: number;
  say?: (line: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  scheme: 'https' | 'http';
  /** The bound HTTPS (or, with TLS off, HTTP) port. */
  port: number;
  /** The bound plain-HTTP redirect port; null when there is none. */
  httpPort: number | null;
  tls: TlsInfo | undefined;
  /** Names in the current venue leaf; undefined unless the venue CA is in use. */
  names(): LeafNames | undefined;
  keys: VenueKeys | undefined;
  /** Re-reads the addresses; re-issues and swaps the leaf when they changed. true if it did. */
  refresh(): Promise<boolean>;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

async function readOperatorCertificate(certFile: string, keyFile: string): Promise<{ cert: string; key: string }> {
  const [cert, key] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(cert);
  } catch (error) {
    throw new Error(`TURNOUT_TLS_CERT ${certFile} is not a PEM certificate (${String(error)})`, { cause: error });
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch (error) {
    throw new Error(`TURNOUT_TLS_KEY ${keyFile} is not a PEM private key (${String(error)})`, { cause: error });
  }
  if (!leaf.checkPrivateKey(privateKey)) throw new Error(`TURNOUT_TLS_KEY does not belong to the certificate in ${certFile}`);
  return { cert, key };
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const { config, db } = opts;
  const now = opts.now ?? Date.now;
  const say = opts.say ?? (() => undefined);
  const readInterfaces = opts.interfaces ?? networkInterfaces;
  const host = opts.hostname ?? osHostname();
  let port = config.port;

  if (config.tls.mode === 'off') {
    // Plain HTTP carries tokens and names: only to a proxy that terminates TLS —
    // on this machine, or one the operator named (TURNOUT_TRUST_PROXY).
    if (!LOOPBACK_HOSTS.has(config.host) && config.trustProxy === false) {
      throw new Error(
        `TURNOUT_TLS=off serves plain HTTP: on a loopback host only (a TLS proxy on this machine), or behind a proxy named by TURNOUT_TRUST_PROXY; TURNOUT_HOST is ${config.host}`,
      );
    }
    const app = await buildApp({ db, config, now });
    await app.listen({ port, host: config.host });
    port = (app.server.address() as AddressInfo).port;
    return { app, scheme: 'http', port, httpPort: null, tls: undefined, names: () => undefined, keys: undefined, refresh: async () => false, close: () => app.close() };
  }

  let keys: VenueKeys | undefined;
  let names: LeafNames | undefined;
  let issuedAt = 0;
  let https: { key: string; cert: string };
  if (config.tls.mode === 'files') {
    https = await readOperatorCertificate(config.tls.certFile!, config.tls.keyFile!);
  } else {
    keys = await openVenueKeys(config.dataDir, host);
    names = leafNames({ interfaces: readInterfaces(), hostname: host, extra: config.tls.names });
    https = { key: keys.leafKeyPem, cert: await renewLeaf(keys, names, now()) };
    issuedAt = now();
  }

  const tls: TlsInfo = {
    pin: () => keys?.pin,
    servers: () => venueServers(names, config.tls.names, port).filter((u) => !isLoopbackUrl(u)),
    caPem: () => keys?.caCertPem,
  };
  const app = await buildApp({ db, config, now, https, tls });
  await app.listen({ port, host: config.host });
  port = (app.server.address() as AddressInfo).port;

  let redirect: Server | undefined;
  let httpPort: number | null = null;
  if (config.httpPort !== null) {
    redirect = createRedirectServer({ httpsPort: () => port, caPem: () => keys?.caCertPem });
    try {
      await new Promise<void>((resolve, reject) => {
        redirect!.once('error', reject);
        redirect!.listen(config.httpPort!, config.host, () => resolve());
      });
    } catch (error) {
      await app.close();
      throw error;
    }
    httpPort = (redirect.address() as AddressInfo).port;
  }

  const refresh = async (): Promise<boolean> => {
    if (!keys || !names) return false;
    const next = leafNames({ interfaces: readInterfaces(), hostname: host, extra: config.tls.names });
    const ageing = now() - issuedAt > (LEAF_VALIDITY_DAYS - RENEW_BEFORE_DAYS) * DAY;
    if (namesKey(next) === namesKey(names) && !ageing) return false;
    const cert = await renewLeaf(keys, next, now());
    // New connections get the new leaf; open ones keep theirs (same key, so same pin).
    (app.server as unknown as { setSecureContext(o: { key: string; cert: string }): void }).setSecureContext({ key: keys.leafKeyPem, cert });
    names = next;
    issuedAt = now();
    say(`certificate re-issued for ${[...next.dns, ...next.ips].join(', ')}`);
    return true;
  };
  let refreshing: Promise<boolean> | undefined;
  const guardedRefresh = () => {
    refreshing ??= refresh().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };
  const watchMs = opts.watchMs ?? 10_000;
  const timer =
    keys && watchMs > 0
      ? setInterval(() => {
          guardedRefresh().catch((error: unknown) => say(`certificate re-issue failed: ${error instanceof Error ? error.message : String(error)}`));
        }, watchMs)
      : undefined;
  timer?.unref();

  return {
    app,
    scheme: 'https',
    port,
    httpPort,
    tls,
    names: () => names,
    keys,
    refresh: guardedRefresh,
    async close() {
      if (timer) clearInterval(timer);
      const plainClosed = redirect ? new Promise<void>((resolve) => redirect!.close(() => resolve())) : undefined;
      redirect?.closeAllConnections();
      await Promise.all([app.close(), plainClosed]);
    },
  };
}
