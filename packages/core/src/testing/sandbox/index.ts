export * from './types';
export * from './faults';
export { createSandboxServer } from './server';
export { requireApiKey, requireBasic, requireBearer, constantTimeEqual } from './auth';
export { createRng, type Rng } from './rng';
export { DEFAULT_MAX_BODY_BYTES } from './body';
