// A tiny fault-injecting HTTP proxy for sync tests (unit and e2e): it forwards to a
// target server and, by rule, refuses connections, answers 500/429/junk, cuts a
// reply mid-body, delays, or stalls a request (with or without forwarding it)
// until the test drops every connection. No test-runner imports: Vitest and
// Playwright both use it.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'refuse' } // connection destroyed at once: "unreachable"
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'junk' } // 200 with a body that is not JSON
  | { kind: 'json'; body: unknown } // 200 with well-formed JSON of the wrong shape
  | { kind: 'cut'; afterBytes: number } // forward, but cut the connection mid-body
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
}

export interface Proxy {
  url: string;
  rules: Rule[];
  /** Every request seen. */
  log: LogEntry[];
  /** Down: every connection (new or kept alive) is dropped at once. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export async function startProxy(target: string, opts: { port?: number } = {}): Promise<Proxy> {
  const sockets = new Set<Socket>();
  let down = false;
  const proxy: Proxy = {
    url: '',
    rules: [],
    log: [],
    setDown(value) {
      down = value;
      if (down) for (const s of sockets) s.destroy();
    },
    close: async () => undefined,
  };
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

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const line = `${req.method} ${req.url}`;
    const entry: LogEntry = { line, status: 0, at: Date.now() };
    proxy.log.push(entry);
    const chunks: Buffer[] = [];
    try {
      for await (const c of req) chunks.push(c as Buffer);
    } catch {
      return; // the client went away mid-request
    }
    const body = Buffer.concat(chunks);
    const fault = pick(line);
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
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (up) => {
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
      if (fault?.kind === 'cut') {
        // Declare the full length, send part of it, then drop the connection.
        const parts: Buffer[] = [];
        up.on('data', (c: Buffer) => parts.push(c));
        up.on('end', () => {
          const all = Buffer.concat(parts);
          const headers = { ...up.headers, 'content-length': String(all.length) };
          delete headers['transfer-encoding'];
          res.writeHead(up.statusCode ?? 200, headers);
          res.flushHeaders();
          res.write(all.subarray(0, Math.min(fault.afterBytes, all.length - 1)), () => req.socket.destroy());
          entry.status = 0;
        });
        return;
      }
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      entry.status = 0;
      req.socket.destroy();
    });
    upstream.end(body);
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
