/**
 * At most `size` sends at a time, the others waiting in order. The client holds messages here
 * rather than in nodemailer's queue so that each one, when its turn comes, can still be kept from
 * a server that has meanwhile paused or gone down.
 */
export class SendSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = size;
  }

  /** Resolves once a slot is free, with the function that frees it again. */
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    return () => this.release();
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}
