// A fault-injecting HTTP proxy for sync tests (unit, e2e and the soak): it
// forwards to one target server, or balances over several (round-robin; a
// target that refuses the connection is skipped, as a load balancer's health
// check would), and by rule refuses connections, answers 500/429/junk, cuts or
// resets (TCP RST) a reply mid-body, delays, or stalls a request (with or
// without forwarding it) until the test drops every connection. Rules can fire
// by chance (seeded random) for soak traffic; setDown() partitions the client.
// No test-runner imports: Vitest, Playwright and the soak script all use it.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'refuse' } // connection destroyed at once: "unreachable"
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'junk' } // 200 with a body that is not JSON
  | { kind: 'json'; body: unknown } // 200 with well-formed JSON of the wrong shape
  | { kind: 'cut'; afterBytes: number } // forward, but cut the connection mid-body
  // Forward (the target processes it), send the headers and `afterBytes` of the
  // body, then reset the TCP connection (RST, not a clean close).
  | { kind: 'reset'; afterBytes?: number }
  | { kind: 'delay'; ms: number } // forward after a pause
  // Hold the connection open with no reply until setDown(true)/close(). With
  // `forward`, the request reaches the target first (it is processed; only the reply is lost).
  | { kind: 'stall'; forward?: boolean };

export interface Rule {
  /** Matches `METHOD /path` (query ignored); a RegExp or a prefix string. */
  match: RegExp | string;
  fault: Fault;
  /** How many requests it applies to (default: all); `skip` lets that many pass first. */
  times?: number;
  skip?: number;
  /** Applies to a matching request with this probability (the proxy's `random`); default 1. */
  chance?: number;
}

export interface LogEntry {
  /** `METHOD /path?query`. */
  line: string;
  /** Status sent (0 = connection cut or never answered). */
  status: number;
  /** When the request arrived (ms since epoch). */
  at: number;
  /** A `stall` fault holds it; with `forward`, `upstream` is the target's status once it replied. */
  stalled?: boolean;
  upstream?: number;
  /** The fault applied, if any. */
  fault?: Fault['kind'];
}

export interface ProxyOptions {
  port?: number;
  /** Random source for rules with `chance` (default Math.random). */
  random?: () => number;
  /** Sent as X-Forwarded-For (appended to the client's), as a proxy in front of the server would. */
  forwardedFor?: string;
  /** Keep at most this many log entries (oldest dropped); default unbounded. */
  maxLog?: number;
  /** Sees every request body before it is forwarded or faulted. */
  onRequest?(line: string, body: Buffer): void;
}

export interface Proxy {
  url: string;
  rules: Rule[];
  /** Requests seen (the last `maxLog`). */
  log: LogEntry[];
  /** Faults applied so far, by kind (`refuse` also counts connections dropped while down). */
  counts: Record<string, number>;
  /** Requests seen in all. */
  requests: number;
  /** Down: every connection (new or kept alive) is dropped at once. */
  setDown(down: boolean): void;
  readonly down: boolean;
  close(): Promise<void>;
}

export async function startProxy(target: string | string[], opts: ProxyOptions = {}): Promise<Proxy> {
  const targets = Array.isArray(target) ? target : [target];
  const random = opts.random ?? Math.random;
  const sockets = new Set<Socket>();
  let down = false;
  let next = 0;
  const proxy: Proxy = {
    url: '',
    rules: [],
    log: [],
    counts: {},
    requests: 0,
    setDown(value) {
      down = value;
      if (down) for (const s of sockets) s.destroy();
    },
    get down() {
      return down;
    },
    close: async () => undefined,
  };
  const count = (kind: string) => (proxy.counts[kind] = (proxy.counts[kind] ?? 0) + 1);
  const server: Server = createServer((req, res) => void handle(req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    if (down) s.destroy();
  });

  const pick = (line: string): Fault | undefined => {
    const path = line.split('?')[0]!;
    for (const rule of proxy.rules) {
      const hit = typeof rule.match === 'string' ? path.startsWith(rule.match) : rule.match.test(path);
      if (!hit) continue;
      if (rule.chance !== undefined && random() >= rule.chance) continue;
      if ((rule.skip ?? 0) > 0) {
        rule.skip! -= 1;
        continue;
      }
      if (rule.times !== undefined) {
        if (rule.times <= 0) continue;
        rule.times -= 1;
      }
      return rule.fault;
    }
    return undefined;
  };

  /** Forwards to the next target; a target refusing the connection is skipped (the request never reached it). */
  function forward(req: IncomingMessage, body: Buffer, onResponse: (up: IncomingMessage) => void, onError: () => void): void {
    const first = next++ % targets.length;
    const attempt = (k: number) => {
      const base = targets[(first + k) % targets.length]!;
      const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: new URL(base).host };
      if (opts.forwardedFor) {
        const prior = req.headers['x-forwarded-for'];
        headers['x-forwarded-for'] = prior ? `${String(prior)}, ${opts.forwardedFor}` : opts.forwardedFor;
      }
      const upstream = httpRequest(`${base}${req.url}`, { method: req.method, headers }, onResponse);
      upstream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED' && k + 1 < targets.length) return attempt(k + 1);
        onError();
      });
      upstream.end(body);
    };
    attempt(0);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const line = `${req.method} ${req.url}`;
    const entry: LogEntry = { line, status: 0, at: Date.now() };
    proxy.requests++;
    proxy.log.push(entry);
    if (opts.maxLog !== undefined && proxy.log.length > opts.maxLog) proxy.log.splice(0, proxy.log.length - opts.maxLog);
    const chunks: Buffer[] = [];
    try {
      for await (const c of req) chunks.push(c as Buffer);
    } catch {
      return; // the client went away mid-request
    }
    const body = Buffer.concat(chunks);
    opts.onRequest?.(line, body);
    if (down) {
      count('refuse');
      return void req.socket.destroy();
    }
    const fault = pick(line);
    if (fault) {
      entry.fault = fault.kind;
      count(fault.kind);
    }
    if (fault?.kind === 'refuse') return void req.socket.destroy();
    if (fault?.kind === 'status') {
      entry.status = fault.status;
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      return void res.end(fault.body ?? JSON.stringify({ error: { code: 'injected', message: `injected ${fault.status}` } }));
    }
    if (fault?.kind === 'junk' || fault?.kind === 'json') {
      entry.status = 200;
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(fault.kind === 'junk' ? '{"results": [ {"id": "x", "stat' : JSON.stringify(fault.body));
    }
    if (fault?.kind === 'stall' && !fault.forward) {
      entry.stalled = true;
      return; // no reply: the socket hangs until setDown(true) or close()
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    const onError = () => {
      entry.status = 0;
      req.socket.destroy();
    };
    forward(req, body, (up) => {
      entry.status = up.statusCode ?? 0;
      if (fault?.kind === 'stall') {
        // The target processed it and answered; the answer never leaves this proxy.
        up.resume();
        up.on('end', () => {
          entry.upstream = up.statusCode ?? 0;
          entry.stalled = true;
          entry.status = 0;
        });
        return;
      }
      if (fault?.kind === 'cut' || fault?.kind === 'reset') {
        // Declare the full length, send part of it, then drop the connection.
        const parts: Buffer[] = [];
        up.on('data', (c: Buffer) => parts.push(c));
        up.on('end', () => {
          const all = Buffer.concat(parts);
          const headers = { ...up.headers, 'content-length': String(all.length) };
          delete headers['transfer-encoding'];
          res.writeHead(up.statusCode ?? 200, headers);
          res.flushHeaders();
          const sent = Math.max(0, Math.min(fault.afterBytes ?? 0, all.length - 1));
          const drop = () => (fault.kind === 'reset' ? req.socket.resetAndDestroy() : req.socket.destroy());
          res.write(all.subarray(0, sent), drop);
          entry.status = 0;
        });
        return;
      }
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    }, onError);
  }

  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return proxy;
}

/** Requests in the proxy log whose line matches. */
export const hits = (p: Proxy, match: RegExp) => p.log.filter((e) => match.test(e.line));
