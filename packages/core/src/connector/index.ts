export * from './types';
export { defineConnector, toReconError } from './define-connector';
