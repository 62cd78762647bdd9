/** Nearest-rank percentile: the smallest sample with at least p% of the samples at or below it. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

export const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** p50, p95 and max of a set of samples in milliseconds, rounded to 0.1 ms. */
export function summary(values) {
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    max: round(Math.max(...values)),
    samples: values.map((v) => round(v)),
  };
}
