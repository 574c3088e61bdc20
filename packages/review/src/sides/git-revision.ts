/**
 * Reads spec files as they were at a git revision, for `cxspec diff --base main`. Files are
 * written to a temporary folder laid out like the repository, so the old side's paths (in
 * diagnostics and locations) read exactly like the working tree's.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '@cxspec/model';

const run = promisify(execFile);

async function git(args: string[], cwd: string): Promise<string> {
    try {
        const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
        return stdout;
    } catch (error) {
        const e = error as { code?: string | number; stderr?: string };
        if (e.code === 'ENOENT') throw new InputError('git', 'the git command is not installed; it is needed to read a revision');
        throw new InputError(`git ${args.join(' ')}`, (e.stderr ?? String(error)).trim().split('\n')[0]);
    }
}

/** True when `rev` names a commit of the repository around `cwd`. */
export async function isGitRevision(rev: string, cwd: string): Promise<boolean> {
    if (rev.startsWith('-')) return false;
    try {
        await run('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd });
        return true;
    } catch {
        return false;
    }
}

export interface RevisionCheckout {
    /** Folder that stands in for `cwd` at that revision: load with it as the root. */
    root: string;
    /** The requested paths inside `root`. */
    inputs: string[];
    /** Number of .cx files found. */
    fileCount: number;
    dispose(): Promise<void>;
}

/** Writes the `.cx` files under `paths` (relative to `cwd`) as of `rev` into a temporary folder. */
export async function checkoutRevision(rev: string, paths: readonly string[], cwd: string): Promise<RevisionCheckout> {
    if (!(await isGitRevision(rev, cwd))) throw new InputError(rev, 'is not a git revision of the repository here');
    const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).trim();
    const listing = await git(['ls-tree', '-r', '-z', '--name-only', '--full-name', rev, '--', ...paths], cwd);
    const files = listing.split('\0').filter(f => f.endsWith('.cx')).sort();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cxspec-rev-'));
    const dispose = () => fs.rm(dir, { recursive: true, force: true });
    try {
        for (const file of files) {
            const target = path.join(dir, ...file.split('/'));
            await fs.mkdir(path.dirname(target), { recursive: true });
            await fs.writeFile(target, await git(['show', `${rev}:${file}`], cwd));
        }
        const root = path.join(dir, ...prefix.split('/').filter(Boolean));
        await fs.mkdir(root, { recursive: true });
        // A path missing at that revision (a spec the change adds) is an empty old side, not an error.
        const inputs: string[] = [];
        for (const p of paths) {
            const inside = path.resolve(root, p);
            if (await fs.stat(inside).then(() => true, () => false)) inputs.push(inside);
        }
        return { root, inputs, fileCount: files.length, dispose };
    } catch (error) {
        await dispose();
        throw error;
    }
}
