/** Something a test starts and must stop: a server, a browser, a client. */
export interface Closable {
  close(): unknown;
}

/** What a test started, kept to be closed together. */
export interface Closer<T extends Closable> {
  /** Keep `item` (returned as is) for the next {@link Closer.closeAll}. */
  keep<U extends T>(item: U): U;
  /** Close everything kept so far, in parallel (awaiting each `close()` that returns a promise), and forget it: `afterEach(servers.closeAll)`. */
  closeAll(): Promise<void>;
}

/** A list of the servers (or anything with `close()`) a test starts, closed together by one `closeAll()`. */
export function closer<T extends Closable = Closable>(): Closer<T> {
  const kept: T[] = [];
  return {
    keep: (item) => {
      kept.push(item);
      return item;
    },
    closeAll: async () => {
      await Promise.all(kept.splice(0).map((item) => item.close()));
    },
  };
}
