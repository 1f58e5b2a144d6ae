import { describe, expect, it } from 'vitest';
import { GroupRunner } from './group-runner.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe(GroupRunner.name, () => {
  describe('run', () => {
    it('sends a lone item at once, and groups what arrives while a group is in flight', async () => {
      const groups: number[][] = [];
      const runner = new GroupRunner(
        async (xs: number[]) => {
          groups.push(xs);
          await tick();
          return xs.map((x) => x * 10);
        },
        1,
        3,
      );
      const first = runner.run(1);
      expect(groups).toEqual([[1]]);
      const rest = [2, 3, 4, 5].map((x) => runner.run(x));
      expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40, 50]);
      // Items 2–5 waited behind the first group, then went out at most three at a time.
      expect(groups).toEqual([[1], [2, 3, 4], [5]]);
      expect(runner.busy).toBe(0);
    });

    it('keeps up to maxInFlight groups going at once', async () => {
      let peak = 0;
      let now = 0;
      const runner = new GroupRunner(
        async (xs: string[]) => {
          peak = Math.max(peak, ++now);
          await tick();
          now--;
          return xs;
        },
        2,
        1,
      );
      expect(await Promise.all(['a', 'b', 'c', 'd'].map((x) => runner.run(x)))).toEqual(['a', 'b', 'c', 'd']);
      expect(peak).toBe(2);
    });

    it('fails only the bad item of a failed group: the others are run again alone', async () => {
      const calls: string[][] = [];
      const runner = new GroupRunner(
        async (xs: string[]) => {
          calls.push(xs);
          await tick();
          if (xs.includes('bad')) throw new Error('bad item');
          return xs.map((x) => x.toUpperCase());
        },
        1,
        10,
      );
      const blocker = runner.run('first');
      const results = await Promise.allSettled(['ok', 'bad', 'fine'].map((x) => runner.run(x)));
      await blocker;
      expect(results[0]).toEqual({ status: 'fulfilled', value: 'OK' });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: new Error('bad item') });
      expect(results[2]).toEqual({ status: 'fulfilled', value: 'FINE' });
      expect(calls).toContainEqual(['ok', 'bad', 'fine']);
      expect(calls).toContainEqual(['bad']);
    });
  });
});
