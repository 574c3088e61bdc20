// Runs every benchmark of the project (`packages/*/bench/*.bench.mjs`), one after another, each as
// its own process so one benchmark's heap does not skew the next. `npm run bench -- lsp` runs only
// the files whose path contains "lsp".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const filter = process.argv[2] ?? '';
const files = fs.readdirSync('packages')
    .flatMap(pkg => {
        const dir = path.join('packages', pkg, 'bench');
        return fs.existsSync(dir) ? fs.readdirSync(dir).filter(f => f.endsWith('.bench.mjs')).map(f => path.join(dir, f)) : [];
    })
    .filter(file => file.includes(filter))
    .sort();

if (files.length === 0) {
    process.stderr.write(`bench: no benchmark matches '${filter}'\n`);
    process.exit(1);
}
let failed = 0;
for (const file of files) {
    process.stdout.write(`\n=== ${file}\n`);
    const result = spawnSync(process.execPath, ['--expose-gc', file], { stdio: 'inherit' });
    if (result.status !== 0) {
        failed++;
        process.stderr.write(`bench: ${file} exited with ${result.status}\n`);
    }
}
process.exit(failed ? 1 : 0);
