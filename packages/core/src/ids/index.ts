export * from './derive-txn-id';
export * from './occurrences';
export { normaliseIdText } from './normalise-text';
