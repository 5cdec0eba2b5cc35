/**
 * A value that a `beforeAll` hook makes, handed to the test file at once: `value` reads through to
 * it, and throws, naming `what`, if read before the hook has run (at the top level of the file, or
 * in a hook declared before the one that makes it) instead of yielding a half-built object.
 */
export function readyLater<T extends object>(what: string) {
  let current: T | undefined;
  const value = new Proxy({} as T, {
    get(_target, property) {
      if (current === undefined) {
        throw new Error(
          `${what} is not ready: read it in tests or in hooks declared after it, not before`,
        );
      }
      const field = Reflect.get(current, property);
      return typeof field === 'function' ? field.bind(current) : field;
    },
  });
  return {
    value,
    get current() {
      return current;
    },
    ready(made: T) {
      current = made;
    },
  };
}
