#!/usr/bin/env node
// Generates the API reference (TypeDoc) into docs/api/ from the TypeScript sources, no build needed.
// Entry points come from each package's `exports` ("@recon/source" condition), so a new subpath is
// documented without touching typedoc.json; each module is named by its import specifier
// (`@recon/hdfc/sandbox`) rather than by its file path (`hdfc/src/sandbox`), which TypeDoc would use.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Application } from 'typedoc';

const root = resolve(import.meta.dirname, '..');
const specifierByFile = new Map();
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const source = typeof target === 'object' ? target['@recon/source'] : undefined;
    if (source) specifierByFile.set(join(root, 'packages', dir, source), join(pkg.name, subpath));
  }
}

const app = await Application.bootstrapWithPlugins({ options: join(root, 'typedoc.json'), entryPoints: [...specifierByFile.keys()] });
const getEntryPoints = app.getEntryPoints.bind(app);
app.getEntryPoints = () =>
  getEntryPoints()?.map((entry) => ({ ...entry, displayName: specifierByFile.get(resolve(entry.sourceFile.fileName)) ?? entry.displayName }));

const project = await app.convert();
if (!project) process.exit(1);
await app.generateOutputs(project);
app.validate(project);
if (app.logger.hasErrors() || (app.options.getValue('treatWarningsAsErrors') && app.logger.hasWarnings())) process.exit(1);
