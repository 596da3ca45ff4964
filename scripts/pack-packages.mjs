// Shared by check-packages.mjs and check-install.mjs: packs every published package the way
// `pnpm publish` would (workspace: ranges rewritten), so both checks look at what ships.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The workspace root. */
export const root = resolve(import.meta.dirname, '..');

/** Every non-private package under packages/, sorted by folder: `{ name, dir, pkg }`. */
export function publishedPackages() {
  return readdirSync(join(root, 'packages'))
    .sort()
    .map((folder) => {
      const dir = join(root, 'packages', folder);
      return { dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) };
    })
    .filter(({ pkg }) => !pkg.private)
    .map(({ dir, pkg }) => ({ name: pkg.name, dir, pkg }));
}

/**
 * Packs every published package into `packDir` (emptied first) and returns `{ name, dir, pkg,
 * tarball }` per package, tarball an absolute path. One recursive `pnpm pack` for all of them: a
 * pnpm start per package (through npx) costs seconds each. Needs a prior build (dist/).
 */
export function packPackages(packDir) {
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const packages = publishedPackages();
  const filters = packages.flatMap(({ dir }) => ['--filter', `./${relative(root, dir)}`]);
  execFileSync('bash', [join(root, 'scripts', 'pnpm.sh'), '-r', ...filters, 'pack', '--pack-destination', packDir], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return packages.map((entry) => {
    // pnpm names a tarball <scope>-<name>-<version>.tgz.
    const tarball = join(packDir, `${entry.name.replace(/^@/, '').replace('/', '-')}-${entry.pkg.version}.tgz`);
    if (!existsSync(tarball)) throw new Error(`pnpm pack produced no ${tarball} for ${entry.name}`);
    return { ...entry, tarball };
  });
}
