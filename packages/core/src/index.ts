/**
 * @recon/core: the standard transaction schema, exact money, errors, the HTTP kit, the
 * connector contract, the sync runner and sinks. Testing helpers live in `@recon/core/testing`.
 * @packageDocumentation
 */
export { VERSION } from './version';
export * from './errors';
export * from './logging/logger';
export * from './money';
export * from './ids';
export * from './schema';
export * from './http';
export * from './connector';
export * from './sync';
export * from './match';
export * from './report';
