import { describe, expect, it } from 'vitest';
import { definitelyBefore } from '../../../src/ingest/values/definitely-before.js';

describe('definitelyBefore', () => {
  it('compares partial dates only as far as both are known (00 = unknown month or day)', () => {
    // same year and month, the day of the first unknown: either could be first
    expect(definitelyBefore(20240600, 20240615)).toBe(false);
    // May before June whatever the days
    expect(definitelyBefore(20240514, 20240615)).toBe(true);
    // a bare year 2023 is before any day of 2024
    expect(definitelyBefore(20230000, 20240101)).toBe(true);
    // 2015 (20150000) is not before 2015-03-02, nor after it
    expect(definitelyBefore(20150000, 20150302)).toBe(false);
    expect(definitelyBefore(20150302, 20150000)).toBe(false);
  });
});
