import DataLoader from 'dataloader';
import type { Db } from '@duikou/db';

/**
 * Coalesces calls made at about the same time into one call of `run` with all their inputs (DECISIONS 25):
 * under the morning check-in peak one statement writes the taps of many phones, so the database parses,
 * plans and commits once for them and the API sends one message instead of many. A batch leaves at once
 * when none is under way; while `maxInFlight` are, the next one gathers what arrives meanwhile (up to
 * `maxBatchSize`), so batches grow with the load and a quiet server adds no wait.
 *
 * `run` answers each input in order, with a value or an Error for that input alone.
 */
export function createBatcher<I, O>(run: (inputs: readonly I[]) => Promise<(O | Error)[]>, opts: { maxBatchSize: number; maxInFlight: number }): (input: I) => Promise<O> {
  // Batches sent or about to be: counted when scheduled, so a burst cannot send more than maxInFlight.
  let active = 0;
  const waiting: (() => void)[] = [];
  const loader = new DataLoader<I, O>(async (inputs) => {
    try {
      return await run(inputs);
    } finally {
      const next = waiting.shift();
      if (next) setImmediate(next);
      else active--;
    }
  }, {
    cache: false,
    maxBatchSize: opts.maxBatchSize,
    batchScheduleFn: (dispatch) => {
      if (active < opts.maxInFlight) {
        active++;
        setImmediate(dispatch);
      } else {
        waiting.push(dispatch);
      }
    },
  });
  return (input) => loader.load(input);
}

/**
 * Runs a batch; if it fails as a whole (one input the database refuses), runs each input alone, one
 * after another in order (the batch's order of taps holds), so that only that one gets the error.
 */
export async function eachOnFailure<I, O>(inputs: readonly I[], run: (inputs: readonly I[]) => Promise<O[]>): Promise<(O | Error)[]> {
  const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));
  try {
    return await run(inputs);
  } catch (err) {
    if (inputs.length === 1) return [asError(err)];
    const results: (O | Error)[] = [];
    for (const input of inputs) {
      try {
        results.push((await run([input]))[0]!);
      } catch (e) {
        results.push(asError(e));
      }
    }
    return results;
  }
}

/** At most this many inputs per statement; two statements under way at once per batcher (the pools are small). */
export const BATCH = { maxBatchSize: 100, maxInFlight: 2 } as const;

/**
 * A batcher per database handle (test apps on different databases never share a batch), whose run
 * falls back to one input at a time when a batch fails (`eachOnFailure`).
 */
export function batchedPerDatabase<I, O>(run: (db: Db, inputs: readonly I[]) => Promise<O[]>): (db: Db, input: I) => Promise<O> {
  const batchers = new WeakMap<Db, (input: I) => Promise<O>>();
  return (db, input) => {
    let batcher = batchers.get(db);
    if (!batcher) {
      batcher = createBatcher((inputs: readonly I[]) => eachOnFailure(inputs, (part) => run(db, part)), BATCH);
      batchers.set(db, batcher);
    }
    return batcher(input);
  };
}

