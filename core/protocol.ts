// Sync protocol v1: zod schemas for every request and response between the
// kiosk (renderer/sync), the upstream server (server/) and admin tools.
// DESIGN.md "Sync protocol v1 — contract" is binding: change shapes here only
// with a protocol version bump. Pure: zod only, no Node built-ins.
//
// This file is the protocol's one import point; the schemas live in
// core/protocol/, one module per part of the protocol (what each owns is in its
// header). core/protocol/fields.ts stays internal.

export * from './protocol/common';
export * from './protocol/config';
export * from './protocol/pairing';
export * from './protocol/tickets';
export * from './protocol/checkins';
export * from './protocol/heartbeat';
export * from './protocol/admin';
export * from './protocol/reports';
export * from './protocol/voids';
export * from './protocol/walkins';
