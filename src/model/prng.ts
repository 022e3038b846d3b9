/**
 * The random numbers of the market simulation (SPEC §11, §14): the same
 * bytes on any machine, in any order of blocks, on any number of threads.
 *
 * Paths are simulated in blocks of BLOCK_PATHS; block b of seed s draws from
 * its own xoshiro128** generator (Blackman and Vigna, 2018), whose 128-bit
 * state is four words of SplitMix64 (Steele, Lea and Flood) started at
 * mix(s) XOR mix(b + golden), so blocks are independent streams that can be
 * computed anywhere and merged. Normal variates are Box–Muller pairs from
 * 53-bit uniforms. Only integer operations and Math.log/sqrt/cos/sin (V8's
 * fdlibm ports) are involved, so a given Node version gives the same bits.
 */

export const BLOCK_PATHS = 4096;

const MASK64 = (1n << 64n) - 1n;
const GOLDEN = 0x9e3779b97f4a7c15n;

function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** xoshiro128**: four 32-bit words of state, a 32-bit output per step. */
export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;

  constructor(words: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = words;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the one state it must not start in
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** A standard normal variate (Box–Muller; the second of each pair is kept for the next call). */
  nextNormal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const u1 = 1 - this.nextDouble(); // (0, 1]: the logarithm stays finite
    const u2 = this.nextDouble();
    const r = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * u2;
    this.spare = r * Math.sin(angle);
    this.hasSpare = true;
    return r * Math.cos(angle);
  }
}

/** The generator of block `block` of a simulation seeded with `seed` (an integer 0..2^53 − 1). */
export function blockGenerator(seed: number, block: number): Xoshiro128 {
  let state = mix64(BigInt(seed)) ^ mix64((BigInt(block) + GOLDEN) & MASK64);
  const words: number[] = [];
  for (let i = 0; i < 2; i++) {
    state = (state + GOLDEN) & MASK64;
    const z = mix64(state);
    words.push(Number(z & 0xffffffffn), Number(z >> 32n));
  }
  return new Xoshiro128(words as [number, number, number, number]);
}
