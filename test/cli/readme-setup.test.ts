/**
 * The README's setup paragraph against the lockfile: on Node 20, `npm install` warns EBADENGINE
 * once (five lines) for each installed package whose `engines.node` excludes Node 20.19 (the
 * oldest Node the README promises); the README names exactly those, and the workspace accepts it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './run-cli.js';

// npm's own range checker (a dependency of the toolchain, without type declarations here).
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean };

interface LockedPackage {
    name?: string;
    engines?: { node?: string };
    optional?: boolean;
}

describe('README: npm install on Node 20', () => {
    it('names every package that asks for a newer Node, and only those', () => {
        const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
        const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
        // npm skips the check for optional packages (they are left out instead).
        const warned = Object.entries(lock.packages)
            .filter(([, p]) => !p.optional && p.engines?.node !== undefined && !semver.satisfies('20.19.0', p.engines.node))
            .map(([location, p]) => p.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length))
            .sort();
        expect(warned).not.toContain('cxspec-workspace');
        expect(lock.packages[''].engines).toEqual({ node: '>=20.19' });
        expect(readme).toContain('Needs only Node.js 20.19 or newer with npm');
        const paragraph = readme.slice(readme.indexOf('`npm install` prints about'), readme.indexOf('The test', readme.indexOf('`npm install` prints about')));
        expect(paragraph.slice(0, paragraph.indexOf(","))).toBe(`\`npm install\` prints about ${5 * warned.length} lines of \`npm warn EBADENGINE\``);
        const named = [...paragraph.matchAll(/`(@?[a-z][\w.-]*(?:\/[\w.-]+)?)`/g)].map(m => m[1]).filter(n => n !== 'npm install').sort();
        expect(named).toEqual(warned);
    });
});
