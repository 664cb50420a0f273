/* eslint-disable no-loss-of-precision -- published constants and reference values are quoted with every digit their source prints */
import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalSf } from '../../../src/measures/trend/index.js';

// Expected values: mpmath 1.3.0 with 40 significant digits (erfc(x), ½·erfc(∓z/√2)).
function rel(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('erfc, normalCdf, normalSf (Cody rational Chebyshev)', () => {
  it('erfc in the three ranges of the approximation', () => {
    expect(erfc(0)).toBe(1);
    expect(rel(erfc(0.3), 0.67137324054087257236)).toBeLessThan(1e-15);
    expect(rel(erfc(1), 0.15729920705028513066)).toBeLessThan(1e-15);
    expect(rel(erfc(3), 2.2090496998585441373e-5)).toBeLessThan(1e-15);
    expect(rel(erfc(10), 2.088487583762544757e-45)).toBeLessThan(1e-15);
    // erfc(−x) = 2 − erfc(x)
    expect(rel(erfc(-1), 2 - 0.15729920705028513066)).toBeLessThan(1e-15);
    expect(erfc(30)).toBe(0);
    expect(erfc(Number.NaN)).toBeNaN();
  });

  it('normalCdf', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(rel(normalCdf(1.96), 0.97500210485177956586)).toBeLessThan(1e-15);
    expect(rel(normalCdf(-1), 0.15865525393145705141)).toBeLessThan(1e-15);
    // lower tail keeps its relative accuracy
    expect(rel(normalCdf(-8), 6.2209605742717841235e-16)).toBeLessThan(1e-14);
  });

  it('normalSf keeps relative accuracy far in the upper tail', () => {
    expect(rel(normalSf(1.96), 0.024997895148220434137)).toBeLessThan(1e-15);
    expect(rel(normalSf(-1), 0.84134474606854294859)).toBeLessThan(1e-15);
    expect(rel(normalSf(8), 6.2209605742717841235e-16)).toBeLessThan(1e-14);
    expect(rel(normalSf(37), 5.7255712225245768227e-300)).toBeLessThan(1e-13);
  });
});
