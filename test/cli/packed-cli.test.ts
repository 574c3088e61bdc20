/**
 * The CLI as another repository uses it: `scripts/pack-cli.mjs` packs it (with the built bundles),
 * the tarball is installed with `npm install <tgz> --offline` into a fresh project outside this
 * repository (the registry set to a dead address, so any fetch would fail), and `npx cxspec` runs
 * there with an environment holding nothing of this workspace.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cliPackage from '../../packages/cli/package.json' with { type: 'json' };
import { REPO } from './run-cli.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cxspec-packed-'));
const project = path.join(work, 'hotel-cx');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** PATH without this workspace's node_modules/.bin (npm and vitest put it first), as a user's shell has it. */
const USER_PATH = (process.env.PATH ?? '').split(path.delimiter).filter(dir => dir !== '' && !dir.split(path.sep).includes('node_modules'));
/** The environment of a user's shell: no npm_* variables from the npm script running this test. */
function userEnv(pathDirs: string[]): NodeJS.ProcessEnv {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'));
    return { ...env, PATH: pathDirs.join(path.delimiter), CI: '1' };
}
/** A shell whose `node` is Node 22 (the one running this test). */
const NODE22_PATH = [path.dirname(process.execPath), ...USER_PATH];

function run(command: string, args: string[], pathDirs = NODE22_PATH, cwd = project) {
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: userEnv(pathDirs), maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The first `node` on the user's PATH, and its major version. */
function userNode(): { file: string; major: number } | undefined {
    for (const dir of USER_PATH) {
        const file = path.join(dir, 'node');
        if (!fs.existsSync(file)) continue;
        const version = spawnSync(file, ['--version'], { encoding: 'utf8' }).stdout.trim();
        return { file, major: Number(version.replace(/^v/, '').split('.')[0]) };
    }
    return undefined;
}
const oldNode = userNode();

const OFFLINE = ['--offline', '--registry', 'http://127.0.0.1:9/', '--no-audit', '--no-fund'];
let tarball: string;

beforeAll(() => {
    expect(USER_PATH.some(dir => fs.existsSync(path.join(dir, 'npm'))), `npm on the PATH outside node_modules (${USER_PATH.join(path.delimiter)})`).toBe(true);
    const pack = spawnSync(process.execPath, [path.join(REPO, 'scripts/pack-cli.mjs'), '--out-dir', path.join(work, 'packed')], { cwd: REPO, encoding: 'utf8' });
    expect(pack.stderr).toBe('');
    expect(pack.status).toBe(0);
    tarball = path.join(work, 'packed', `cxspec-cli-${cliPackage.version}.tgz`);
    expect(pack.stdout).toMatch(new RegExp(`^wrote ${tarball.replace(/[.]/g, '\\.')} \\(\\d+ files, [\\d.]+ MB; bundled: @cxspec/preview, @duckdb/node-api\\)\\n$`));
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'hotel-cx', private: true }) + '\n');
    const install = run('npm', ['install', tarball, ...OFFLINE]);
    expect(install.code, install.stderr).toBe(0);
}, 300_000);

describe('the packed CLI in a fresh project outside the repository', () => {
    it('is installed with its bundle, the preview assets and the external packages inside', () => {
        expect(path.relative(REPO, project).startsWith('..')).toBe(true);
        const installed = path.join(project, 'node_modules/@cxspec/cli');
        const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
        expect([manifest.bin, manifest.engines, manifest.bundleDependencies]).toEqual([
            { cxspec: './bin/cxspec.js' }, { node: '>=22' }, ['@cxspec/preview', '@duckdb/node-api']
        ]);
        for (const file of ['bin/cxspec.js', 'dist/cxspec.mjs', 'dist/score-worker.mjs', 'node_modules/@cxspec/preview/dist/preview-client.js',
            'node_modules/@cxspec/preview/dist/preview.css', 'node_modules/@duckdb/node-api/package.json']) {
            expect(fs.existsSync(path.join(installed, file)), file).toBe(true);
        }
        expect(fs.readlinkSync(path.join(project, 'node_modules/.bin/cxspec'))).toBe('../@cxspec/cli/bin/cxspec.js');
    });

    it('runs npx cxspec init, validate, preview and score (native and DuckDB) there on Node 22', () => {
        expect(run('npx', ['cxspec', '--version'])).toEqual({ code: 0, stdout: `cxspec ${cliPackage.version}\n`, stderr: '' });
        expect(run('npx', ['cxspec', 'init', '--locales', 'ja,en', '--name', 'HotelStay', 'specs']).code).toBe(0);
        expect(run('npx', ['cxspec', 'validate', 'specs'])).toEqual({ code: 0, stdout: '', stderr: '1 file(s), 1 spec(s): 0 error(s), 0 warning(s)\n' });
        const preview = run('npx', ['cxspec', 'preview', 'specs', '--out', 'preview.html']);
        expect(preview).toEqual({ code: 0, stdout: 'wrote preview.html (HotelStay, survey AfterDelivery)\n', stderr: '' });
        expect(fs.readFileSync(path.join(project, 'preview.html'), 'utf8')).toContain('<html');

        const rows = Array.from({ length: 120 }, (_, i) => `r${i},2026-03-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z,${[10, 9, 8, 3][i % 4]},,${1 + (i % 5)},4`);
        fs.writeFileSync(path.join(project, 'responses.csv'), ['respondent_id,submitted_at,recommend,reason,checkout,delivery', ...rows].join('\n') + '\n');
        const score = run('npx', ['cxspec', 'score', 'specs', '--responses', 'responses.csv', '--format', 'md', '--out', 'report.md']);
        expect(score).toEqual({
            code: 0, stdout: 'wrote report.md (md report of HotelStay)\n',
            stderr: '1 metric(s): 0 met, 0 missed, 1 inconclusive, 0 insufficient; exit 0: no target missed; --fail-on inconclusive would exit 1\n'
        });
        expect(fs.readFileSync(path.join(project, 'report.md'), 'utf8')).toContain('nps_overall');
        const native = run('npx', ['cxspec', 'score', 'specs', '--responses', 'responses.csv']);
        const duckdb = run('npx', ['cxspec', 'score', 'specs', '--responses', 'responses.csv', '--engine', 'duckdb']);
        expect(duckdb.code).toBe(0);
        expect(duckdb.stderr).toBe(native.stderr);
        // NPS 25 (50% promoters, 25% detractors) with the same n in both engines.
        const metric = (stdout: string) => JSON.parse(stdout).metrics.nps_overall;
        expect([metric(native.stdout).value, metric(native.stdout).n]).toEqual([25, 120]);
        expect([metric(duckdb.stdout).n, Math.abs(metric(duckdb.stdout).value - 25) < 1e-9]).toEqual([120, true]);
    });

    // Reads the `specs` folder the previous test wrote (tests of a file run in order).
    it.skipIf(!oldNode || oldNode.major >= 22)(`on an older Node (${oldNode?.file ?? 'none on PATH'}), refuses, then runs on the project's node@22 package`, () => {
        const refused = run('npx', ['cxspec', '--version'], USER_PATH);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(/^cxspec needs Node\.js 22 or newer \(this is v\d+\.\d+\.\d+\)\. Install Node\.js 22, or add it to this project with 'npm install --save-dev node@22' \(npx and npm scripts then run cxspec on it\)\.\n$/);
        // The `node` package this workspace installed from the registry, linked rather than fetched
        // (its install script is what downloads the binary, so it is not run again).
        const link = run('npm', ['install', '--no-save', '--ignore-scripts', path.join(REPO, 'node_modules/node'), ...OFFLINE], USER_PATH);
        expect(link.code, link.stderr).toBe(0);
        expect(run('npx', ['cxspec', 'validate', 'specs'], USER_PATH)).toEqual({ code: 0, stdout: '', stderr: '1 file(s), 1 spec(s): 0 error(s), 0 warning(s)\n' });
        // Outside npx too: the bin re-runs itself on that package's Node.
        expect(run(oldNode!.file, ['node_modules/.bin/cxspec', '--version'], USER_PATH)).toEqual({ code: 0, stdout: `cxspec ${cliPackage.version}\n`, stderr: '' });
    });
});
