#!/usr/bin/env node
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    process.stderr.write(`cxspec needs Node.js 22 or newer (this is ${process.version}); run it through npm ('npx cxspec ...' or an npm script), which uses the project's own Node.\n`);
    process.exit(2);
}
await import('../dist/cxspec.mjs');
