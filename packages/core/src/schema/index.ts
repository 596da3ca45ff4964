export * from './transaction';
export * from './parse';
