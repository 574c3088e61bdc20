#!/usr/bin/env node
// Started by whatever `node` is on the PATH, so this file stays plain JavaScript old versions run.
import fs from 'node:fs';
// Default import: a named import of enableCompileCache, which Node 20 lacks, would fail to link.
import nodeModule from 'node:module';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const major = version => Number(version.replace(/^v/, '').split('.')[0]);

if (major(process.versions.node) < 22) {
    // An older Node re-runs this file on the Node 22 of the `node` npm package when the project has
    // one (this workspace has it as a devDependency, and a project using the packed CLI may add it),
    // so `node_modules/.bin/cxspec` works outside npm scripts too.
    const node = nodePackageBinary();
    if (node) {
        const run = spawnSync(node, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
        if (run.signal) process.kill(process.pid, run.signal);
        process.exit(run.status ?? 1);
    }
    process.stderr.write(`cxspec needs Node.js 22 or newer (this is ${process.version}). Install Node.js 22, or add it to this project with 'npm install --save-dev node@22' (npx and npm scripts then run cxspec on it).\n`);
    process.exit(2);
}

/** The binary of a `node` package of version 22 or newer that this file resolves, if any. */
function nodePackageBinary() {
    try {
        const manifest = nodeModule.createRequire(import.meta.url).resolve('node/package.json');
        const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
        const binary = path.resolve(path.dirname(manifest), typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.node);
        return major(pkg.version) >= 22 && fs.existsSync(binary) ? binary : undefined;
    } catch {
        return undefined;
    }
}

// The bundle is a few megabytes of JavaScript; V8's on-disk code cache saves compiling it on every run.
nodeModule.enableCompileCache?.();
await import('../dist/cxspec.mjs');
