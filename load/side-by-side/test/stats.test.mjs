import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentile, summary, median, round } from '../lib/stats.mjs';

test('percentiles by nearest rank, as LatencyStats and the Janus harness take them', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
  assert.equal(percentile(hundred, 50), 50);
  assert.equal(percentile(hundred, 90), 90);
  assert.equal(percentile(hundred, 99), 99);
  assert.equal(percentile(hundred, 100), 100);
  assert.equal(percentile([7, 3, 5], 50), 5);
  assert.equal(percentile([7, 3, 5], 1), 3);
  assert.equal(percentile([], 50), null);
});

test('a summary rounds to 0.01 ms and leaves its input unsorted', () => {
  const values = [3.14159, 1.005, 2.5, 10.12345];
  assert.deepEqual(summary(values), { n: 4, p50: 2.5, p90: 10.12, p99: 10.12, max: 10.12 });
  assert.deepEqual(values, [3.14159, 1.005, 2.5, 10.12345]);
  assert.equal(summary([]), null);
});

test('median of odd and even counts; round passes missing figures as null', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([]), null);
  assert.equal(round(NaN), null);
  assert.equal(round(undefined), null);
  assert.equal(round(1.23456), 1.23);
});
