export * from './amount.ts';
export * from './decimal.ts';
export * from './digits.ts';
export * from './ratio.ts';
