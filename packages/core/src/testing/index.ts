/**
 * `@recon/core/testing`: what connector authors test with. A sandbox-server kit (real HTTP on
 * 127.0.0.1, one fault vocabulary for every connector), the connector conformance suite every
 * connector runs, and a small sample connector with its sandbox.
 * @packageDocumentation
 */
export * from './sandbox';
export * from './conformance';
export * from './sample';
