#!/usr/bin/env node
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    process.stderr.write(`cxspec needs Node.js 22 or newer (this is ${process.version}); run it through npm ('npx cxspec ...' or an npm script), which uses the project's own Node.\n`);
    process.exit(2);
}
// The bundle is a few megabytes of JavaScript; V8's on-disk code cache saves compiling it on every run.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
await import('../dist/cxspec.mjs');
