// A stand-in for something a test file's beforeAll creates (a database, a running app), so the
// file can name it at the top level: every use is forwarded to the real one once it exists.

export function lateBound<T extends object>(current: () => T | undefined, what: string): T {
  const real = (): T => {
    const value = current();
    if (value === undefined) throw new Error(`${what} is created in beforeAll; use it inside a test or hook`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}
