// Survey statistics: pure functions, no I/O. Each file documents its formulas; tests check known values.
export * from './distributions.js';
export * from './proportions.js';
export * from './summary.js';
export * from './nps.js';
export * from './borda.js';
export * from './price-sensitivity.js';
