// Minimal structural types the shell's modules share, so they accept Electron's
// objects in production and plain EventEmitter fakes in tests.

/** Node's EventEmitter listener type; Electron's typed events are narrower cases of it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- listener arguments are typed at each `on` call
export type Listener = (...args: any[]) => void;

export interface Emitter {
  on(event: string, listener: Listener): unknown;
}
