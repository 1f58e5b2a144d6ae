// Pure ranking code (no I/O): the Bradley–Terry fit, the adaptive pair picker, Kendall's tau and the simulation.
export * from './bradley-terry.js';
export * from './pair-picker.js';
export * from './kendall.js';
export * from './random.js';
export * from './simulation.js';
export * from './linear-algebra.js';
