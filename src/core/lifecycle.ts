/**
 * Reference-counted start/stop: the engine runs while anything started it or subscribes to it.
 * Explicit `stop()`s beyond the `start()`s do nothing, so they cannot stop a subscriber's engine.
 */
export class Lifecycle {
  readonly #onStart: () => void;
  readonly #onStop: () => void;
  #starts = 0;
  #subscribers = 0;
  #running = false;

  constructor(hooks: { onStart: () => void; onStop: () => void }) {
    this.#onStart = hooks.onStart;
    this.#onStop = hooks.onStop;
  }

  get running(): boolean {
    return this.#running;
  }

  start(): void {
    this.#starts += 1;
    this.#update();
  }

  stop(): void {
    if (this.#starts > 0) this.#starts -= 1;
    this.#update();
  }

  /** One subscriber more; the returned function (safe to call twice) is its leaving. */
  hold(): () => void {
    this.#subscribers += 1;
    this.#update();
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.#subscribers -= 1;
      this.#update();
    };
  }

  #update(): void {
    const running = this.#starts + this.#subscribers > 0;
    if (running === this.#running) return;
    this.#running = running;
    if (running) this.#onStart();
    else this.#onStop();
  }
}
