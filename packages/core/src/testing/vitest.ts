/**
 * `@recon/core/testing/vitest`: the conformance suite registered as vitest tests. Kept apart from
 * `@recon/core/testing` because importing `vitest` outside a vitest run throws (and `require`
 * of it always throws), while the sandbox kit and sample connector must also work in plain
 * scripts such as the demo. `vitest` is an optional peer dependency of `@recon/core`.
 * @packageDocumentation
 */
export { describeConnectorConformance } from './conformance/describe-conformance';
