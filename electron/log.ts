// A tiny main-process logger: one JSON line per event, to the console and to
// <userData>/logs/main.log (rotated once at 5 MB). Crashes, denied navigations and
// refused permissions end up here, so a venue's IT can see what a kiosk went through.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogData = Record<string, unknown>;

export interface Logger {
  info(message: string, data?: LogData): void;
  warn(message: string, data?: LogData): void;
  error(message: string, data?: LogData): void;
}

export interface LoggerOptions {
  /** Absolute path of the log file; omitted: console only. */
  file?: string;
  maxBytes?: number;
  console?: Pick<Console, 'log' | 'warn' | 'error'>;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const out = options.console ?? console;
  const now = options.now ?? (() => new Date());
  const file = options.file;
  if (file) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > (options.maxBytes ?? 5 * 1024 * 1024)) {
        renameSync(file, `${file}.1`);
      }
    } catch {
      // Logging must never stop the kiosk.
    }
  }
  const write = (level: 'info' | 'warn' | 'error', message: string, data?: LogData): void => {
    const line = JSON.stringify({ t: now().toISOString(), level, message, ...data });
    (level === 'info' ? out.log : level === 'warn' ? out.warn : out.error).call(out, line);
    if (!file) return;
    try {
      appendFileSync(file, `${line}\n`);
    } catch {
      // Disk full or read-only: the console still has it.
    }
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

/** A logger that remembers entries: for tests, and handy when wiring. */
export function memoryLogger(): Logger & { entries: { level: string; message: string; data?: LogData }[] } {
  const entries: { level: string; message: string; data?: LogData }[] = [];
  return {
    entries,
    info: (message, data) => entries.push({ level: 'info', message, data }),
    warn: (message, data) => entries.push({ level: 'warn', message, data }),
    error: (message, data) => entries.push({ level: 'error', message, data }),
  };
}
