export * from './currencies';
export { money, zero, isMoney, exponentOf, type Money } from './money';
export * from './rounding';
export * from './arithmetic';
export * from './parse-amount';
export * from './format';
export * from './symbols';
export * from './wire';
