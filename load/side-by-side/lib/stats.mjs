// Latency summaries: percentiles by nearest rank, as LatencyStats (the Java load client) and the Janus harness report
// them, so the two sides' figures mean the same thing.

/** The p-th percentile (0 < p ≤ 100) of the values by nearest rank, or null when there are none. */
export function percentile(values, p) {
  return values.length ? nearestRank([...values].sort((a, b) => a - b), p) : null;
}

/** {n, p50, p90, p99, max} in the unit of the values (ms here), rounded to 0.01; null when empty. */
export function summary(values) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => round(nearestRank(sorted, p));
  return { n: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: at(100) };
}

function nearestRank(sorted, p) {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

/** Rounded to 0.01; null, undefined and NaN pass through as null. */
export function round(x) {
  return x == null || Number.isNaN(x) ? null : Math.round(x * 100) / 100;
}

/** The median of numbers (the mean of the middle two for an even count), or null when there are none. */
export function median(values) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b), n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
