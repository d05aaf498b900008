import { createHash, randomBytes } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A fresh seed for a random sample: 16 hex digits from the system's CSPRNG. */
export const newSeed = (): string => randomBytes(8).toString('hex');

/**
 * Draws `size` ids from `population` (in the order given: the caller sorts it by id) with a PRNG seeded
 * from `seed`, so anyone holding the seed and the population draws the same sample again.
 * The seed text is hashed (SHA-256, first 32 bits) into pure-rand's xoroshiro128+; a partial
 * Fisher–Yates shuffle with pure-rand's unbiased `uniformInt` picks the sample, in draw order.
 * pure-rand keeps its generators' output stable within a major version (pinned ^8 in package.json):
 * changing the generator would change every re-draw.
 */
export function drawSample(population: readonly string[], size: number, seed: string): string[] {
  const rng = xoroshiro128plus(createHash('sha256').update(seed, 'utf8').digest().readInt32BE(0));
  const ids = [...population];
  const n = Math.min(size, ids.length);
  for (let i = 0; i < n; i++) {
    const j = uniformInt(rng, i, ids.length - 1);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, n);
}
