// Interval maths for survey indicators: Wilson score interval for a proportion and Student's t
// interval for a mean. Small, exact formulas so the app, CLI and tests agree to the digit.

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval (Wilson 1927) for `successes` out of `n`: unlike the normal (Wald)
 * interval it stays inside [0, 1] and keeps its coverage for small n and proportions near 0 or 1,
 * which is the usual case for a service with a handful of residents. Null when n = 0.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval | null {
  if (!(n > 0)) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Two-sided 97.5% quantiles of Student's t for df 1..30 (standard tables). */
const T975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
  2.200985, 2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963, 2.079614,
  2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523, 2.042272,
];

/** t(0.975, df): table to 30, then the Cornish–Fisher expansion (error < 1e-5 beyond 30). */
export function tQuantile975(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T975[Math.floor(df) - 1]!;
  const z = Z95;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

export interface MeanInterval {
  mean: number;
  sd: number | null;
  low: number | null;
  high: number | null;
}

/** Mean with a 95% Student's t interval; the interval is null below two values (no spread to judge). */
export function meanInterval(values: number[]): MeanInterval | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, sd: null, low: null, high: null };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, low: mean - half, high: mean + half };
}
