// The main job on the bundled examples: validate every spec (later steps compile and score them).
import { spawnSync } from 'node:child_process';

const cxspec = ['packages/cli/bin/cxspec.js'];
const steps = [
    ['validate', 'examples'],
    ['compile', 'examples', '--out', 'dist/examples']
];

for (const args of steps) {
    process.stdout.write(`\n$ cxspec ${args.join(' ')}\n`);
    const result = spawnSync(process.execPath, [...cxspec, ...args], { stdio: 'inherit' });
    if (result.status !== 0) {
        process.stderr.write(`demo: 'cxspec ${args.join(' ')}' exited with ${result.status}\n`);
        process.exit(result.status ?? 1);
    }
}
