/** Runs the built `cxspec` bundle as a user does, in a given folder, and captures what it prints. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE = path.join(REPO, 'packages/cli/dist/cxspec.mjs');

export interface CliRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

export function runCli(args: string[], cwd = REPO, env: Record<string, string> = {}): CliRun {
    if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing; run 'npm run build' first ('npm test' does)`);
    const result = spawnSync(process.execPath, [BUNDLE, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What `score` printed on stderr before its closing verdict line (`N metric(s): ...; exit N: ...`), which every run ends with. */
export function scoreWarnings(stderr: string): string {
    return stderr.replace(/^\d+ metric\(s\): [^\n]*; exit \d: [^\n]*\n$/m, '');
}
