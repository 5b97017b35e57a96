import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

/** The packages whose behaviour the verdicts depend on; a report names the versions it ran under. */
export const reportedPackages = ['next', 'jose', 'iron-session', 'better-sqlite3'] as const;
export type PackageVersions = Record<(typeof reportedPackages)[number], string | null>;

let cached: PackageVersions | null = null;

/** Read from the installed package.json files at run time (not from our own package.json's ranges). */
export function packageVersions(): PackageVersions {
  if (cached) return cached;
  const versions = {} as PackageVersions;
  for (const name of reportedPackages) {
    try {
      const file = path.join(process.cwd(), 'node_modules', name, 'package.json');
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown };
      versions[name] = typeof parsed.version === 'string' ? parsed.version : null;
    } catch {
      versions[name] = null;
    }
  }
  cached = versions;
  return versions;
}
