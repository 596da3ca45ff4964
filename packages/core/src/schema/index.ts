export * from './transaction';
export * from './parse';
export * from './json-schema';
