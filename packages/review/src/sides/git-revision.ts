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

export interface CheckoutOptions {
    /**
     * A path holding no `.cx` file at `rev` is an error (an explicit `<rev>:<path>`, where it is
     * most likely a typo that would otherwise read as "every spec added"), not an empty old side
     * (`--base`, where the change may add the path).
     */
    requireSpecs?: boolean;
}

/** Writes the `.cx` files under `paths` (relative to `cwd`) as of `rev` into a temporary folder. */
export async function checkoutRevision(rev: string, paths: readonly string[], cwd: string, options: CheckoutOptions = {}): Promise<RevisionCheckout> {
    if (!(await isGitRevision(rev, cwd))) throw new InputError(rev, 'is not a git revision of the repository here');
    const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).trim();
    const listing = await git(['ls-tree', '-r', '-z', '--name-only', '--full-name', rev, '--', ...paths], cwd);
    const files = listing.split('\0').filter(f => f.endsWith('.cx')).sort();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cxspec-rev-'));
    const dispose = () => fs.rm(dir, { recursive: true, force: true });
    try {
        const targets: string[] = [];
        for (const file of files) {
            const target = checkoutTarget(dir, rev, file);
            targets.push(target);
            await fs.mkdir(path.dirname(target), { recursive: true });
            await fs.writeFile(target, await git(['show', `${rev}:${file}`], cwd));
        }
        const root = path.join(dir, ...prefix.split('/').filter(Boolean));
        await fs.mkdir(root, { recursive: true });
        // A path missing at that revision (a spec the change adds) is an empty old side, not an error.
        const inputs: string[] = [];
        for (const p of paths) {
            const inside = path.resolve(root, p);
            if (targets.some(t => isWithin(inside, t))) inputs.push(inside);
            else if (options.requireSpecs) throw new InputError(p === '.' ? rev : `${rev}:${p}`, 'holds no .cx file at that revision');
        }
        return { root, inputs, fileCount: files.length, dispose };
    } catch (error) {
        await dispose();
        throw error;
    }
}

/**
 * Where a tree entry is written. Git trees can hold `..`, `.` or empty components (`git mktree`
 * accepts them), so a hostile commit could otherwise make the checkout write anywhere.
 */
function checkoutTarget(dir: string, rev: string, file: string): string {
    const parts = file.split('/');
    const target = path.join(dir, ...parts);
    if (path.isAbsolute(file) || parts.some(p => p === '' || p === '.' || p === '..') || !isWithin(dir, target)) {
        throw new InputError(rev, `tree entry ${JSON.stringify(file)} leaves the folder the revision is read into; refusing to write it`);
    }
    return target;
}

function isWithin(folder: string, p: string): boolean {
    const rel = path.relative(folder, p);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
