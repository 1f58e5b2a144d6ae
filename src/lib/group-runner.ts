/**
 * Runs many small requests as few statements: what arrives while earlier groups are in flight goes out
 * together in the next one (no timer: a lone request goes out at once, so an idle server adds no latency).
 * Under load the groups grow by themselves, which is what lets one PostgreSQL connection answer a burst of
 * session lookups, or commit a burst of pledges, with one round trip and one commit.
 *
 * One group in flight by default: the next one fills while the first is answered. Measured on pledges here, one in
 * flight wrote about 4,700/s against 4,200/s with two and 2,600/s with eight in flight: fewer, larger statements
 * cost PostgreSQL less a row than many small ones.
 *
 * `run` receives the items of one group and returns one result per item, in order. When a group fails and has
 * more than one item, each item is run again alone, so one bad item fails only its own caller.
 * @example
 * const lookups = new GroupRunner(async (ids: string[]) => { const rows = await find(ids); return ids.map((id) => rows.get(id)); });
 * const row = await lookups.run('ses_1');
 */
export class GroupRunner<I, O> {
  private queue: { item: I; resolve: (out: O) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    private readonly runGroup: (items: I[]) => Promise<O[]>,
    private readonly maxInFlight = 1,
    private readonly maxGroup = 64,
  ) {}

  /** Runs one item, together with whatever else is waiting. */
  run(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  /** Groups in flight now (for tests and figures). */
  get busy(): number {
    return this.inFlight;
  }

  private pump() {
    while (this.inFlight < this.maxInFlight && this.queue.length) {
      const group = this.queue.splice(0, this.maxGroup);
      this.inFlight++;
      void this.flush(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(group: typeof this.queue): Promise<void> {
    try {
      const results = await this.runGroup(group.map((g) => g.item));
      for (const [i, g] of group.entries()) g.resolve(results[i]!);
    } catch (e) {
      if (group.length === 1) return group[0]!.reject(e);
      await Promise.all(group.map((g) => this.flush([g])));
    }
  }
}
