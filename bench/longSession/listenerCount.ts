/** Live event listeners on some targets: addEventListener minus the matching removeEventListener, by patching the targets. */
export class ListenerCount {
  readonly #entries = new Set<string>();
  readonly #restore: (() => void)[] = [];

  constructor(targets: EventTarget[]) {
    let next = 0;
    const ids = new WeakMap<object, number>();
    const id = (listener: unknown) => {
      if (listener === null || (typeof listener !== 'object' && typeof listener !== 'function')) return 0;
      const key = listener as object;
      if (!ids.has(key)) ids.set(key, (next += 1));
      return ids.get(key) ?? 0;
    };
    const flags = (options: unknown) => (typeof options === 'boolean' ? { capture: options } : ((options ?? {}) as AddEventListenerOptions));
    targets.forEach((target, index) => {
      const add = target.addEventListener;
      const remove = target.removeEventListener;
      const key = (type: string, listener: unknown, options: unknown) => `${index}:${type}:${id(listener)}:${Boolean(flags(options).capture)}`;
      target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
        const entry = key(type, listener, options);
        this.#entries.add(entry);
        add.call(target, type, listener, options);
        // A `once` listener goes when it fires; so does its entry.
        if (flags(options).once) add.call(target, type, () => this.#entries.delete(entry), { once: true, capture: flags(options).capture });
      };
      target.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
        this.#entries.delete(key(type, listener, options));
        remove.call(target, type, listener, options);
      };
      this.#restore.push(() => {
        target.addEventListener = add;
        target.removeEventListener = remove;
      });
    });
  }

  live(): number {
    return this.#entries.size;
  }

  restore(): void {
    for (const undo of this.#restore) undo();
  }
}
