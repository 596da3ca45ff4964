import type { SandboxRoute } from './types';

/** A route with its path pattern compiled. */
export interface CompiledRoute {
  route: SandboxRoute;
  match(path: string): Record<string, string> | undefined;
}

/** Compile `/v1/items/:id` into a matcher that returns `{ id }` for `/v1/items/42`. */
export function compileRoute(route: SandboxRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':') && segment.length > 1) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  const pattern = new RegExp(`^${source}/?$`);
  return {
    route,
    match(path) {
      const found = pattern.exec(path);
      if (!found) return undefined;
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        const raw = found[i + 1] ?? '';
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          params[name] = raw; // malformed escape: hand the handler what was sent
        }
      });
      return params;
    },
  };
}

/** The first route matching method and path, and the path params; `methodMismatch` when only the path matched. */
export function findRoute(routes: CompiledRoute[], method: string, path: string): { route: SandboxRoute; params: Record<string, string> } | { methodMismatch: boolean } {
  let methodMismatch = false;
  for (const compiled of routes) {
    const params = compiled.match(path);
    if (!params) continue;
    if (compiled.route.method.toUpperCase() !== method.toUpperCase()) {
      methodMismatch = true;
      continue;
    }
    return { route: compiled.route, params };
  }
  return { methodMismatch };
}
