// The engine's status as the UI sees it: one typed union, pushed to subscribers
// on every change. `state` is what data-sync-state shows; reachability comes from
// real requests (and the heartbeat), never from navigator.onLine alone.
import type { SyncErrorKind } from './errors';
import type { PullProgress } from './pull';

export interface SyncProblem {
  kind: SyncErrorKind;
  message: string;
  /** Device-clock ms. */
  at: number;
}

interface Base {
  /** Pending check-ins (the outbox), as of the last count. */
  outbox: number;
  /** ISO instant of the last pass that completed without error. */
  lastSyncAt?: string;
  /** Estimated (server − device) clock difference, ms. */
  clockOffsetMs?: number;
}

export type SyncStatus =
  /** The last pass reached the server and everything succeeded. */
  | (Base & { state: 'online' })
  /** A pass is running; `progress` while pulling. */
  | (Base & { state: 'syncing'; progress?: PullProgress })
  /** The server could not be reached; `retryAt` when the next attempt is scheduled. */
  | (Base & { state: 'offline'; lastError?: SyncProblem; retryAt?: number })
  /** The server answered with an error, or this device was revoked (`stopped`: no more syncing until re-paired). */
  | (Base & { state: 'error'; lastError: SyncProblem; retryAt?: number; stopped?: boolean });

export type SyncState = SyncStatus['state'];

export type SyncEvent =
  | { type: 'status'; status: SyncStatus }
  /** The server revoked (or no longer knows) this device: roster wiped, `unsent` own check-ins kept for export. */
  | { type: 'revoked'; unsent: number }
  /** A pass brought a new event config (checkpoints, hours…). */
  | { type: 'config' };
