// A minimal Node `events` EventEmitter for the bench page's PouchDB bundle
// (pouchdb-browser imports 'events'; the npm polyfill is not a dependency here).
// Aliased in bench/page-server.ts. Methods are enumerable on the prototype because
// PouchDB copies `Object.keys(EE.prototype)` onto its constructor.
type Listener = (...args: unknown[]) => void;

const registry = new WeakMap<object, Map<string | symbol, Listener[]>>();
function listenersOf(ee: object): Map<string | symbol, Listener[]> {
  let m = registry.get(ee);
  if (!m) registry.set(ee, (m = new Map()));
  return m;
}

export default class EventEmitter {
  static listenerCount(ee: EventEmitter, type: string | symbol): number {
    return ee.listenerCount(type);
  }

  on(type: string | symbol, fn: Listener): this {
    listenersOf(this).set(type, [...(listenersOf(this).get(type) ?? []), fn]);
    return this;
  }

  addListener(type: string | symbol, fn: Listener): this {
    return this.on(type, fn);
  }

  once(type: string | symbol, fn: Listener): this {
    const wrapped: Listener & { inner?: Listener } = (...args) => {
      this.removeListener(type, wrapped);
      fn.apply(this, args);
    };
    wrapped.inner = fn;
    return this.on(type, wrapped);
  }

  removeListener(type: string | symbol, fn: Listener): this {
    const list = listenersOf(this).get(type);
    if (!list) return this;
    const i = list.findIndex((l) => l === fn || (l as { inner?: Listener }).inner === fn);
    if (i >= 0) listenersOf(this).set(type, [...list.slice(0, i), ...list.slice(i + 1)]);
    return this;
  }

  off(type: string | symbol, fn: Listener): this {
    return this.removeListener(type, fn);
  }

  removeAllListeners(type?: string | symbol): this {
    if (type === undefined) listenersOf(this).clear();
    else listenersOf(this).delete(type);
    return this;
  }

  listeners(type: string | symbol): Listener[] {
    return [...(listenersOf(this).get(type) ?? [])];
  }

  listenerCount(type: string | symbol): number {
    return listenersOf(this).get(type)?.length ?? 0;
  }

  setMaxListeners(_n: number): this {
    return this;
  }

  emit(type: string | symbol, ...args: unknown[]): boolean {
    const list = listenersOf(this).get(type);
    if (!list || list.length === 0) return false;
    for (const fn of [...list]) fn.apply(this, args);
    return true;
  }
}

for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (key !== 'constructor') Object.defineProperty(EventEmitter.prototype, key, { enumerable: true });
}
