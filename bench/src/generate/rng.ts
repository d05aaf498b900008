/**
 * A small seeded generator (sfc32): the dataset must be the same for the same seed on every machine,
 * and Math.random cannot be seeded.
 */
export interface Rng {
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [from, to], both included. */
  int(from: number, to: number): number;
  pick<T>(xs: readonly T[]): T;
  /** True with the given probability in percent. */
  chance(percent: number): boolean;
  /** A version-4 UUID made from the stream (deterministic ids keep reruns comparable). */
  uuid(): string;
}

export function createRng(seed: number): Rng {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 + seed;
  let c = 0xb7e15162 ^ (seed * 31);
  let d = 1;
  const u32 = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return r >>> 0;
  };
  for (let i = 0; i < 15; i++) u32();
  const next = () => u32() / 4_294_967_296;
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return {
    next,
    int: (from, to) => from + Math.floor(next() * (to - from + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (percent) => next() * 100 < percent,
    uuid() {
      const s = hex(u32()) + hex(u32()) + hex(u32()) + hex(u32());
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${'89ab'[u32() & 3]}${s.slice(17, 20)}-${s.slice(20, 32)}`;
    },
  };
}
