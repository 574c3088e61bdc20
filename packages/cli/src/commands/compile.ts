import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { compileProblems, compileSpec, formatProblem, type CompiledFile } from '@cxspec/compiler';
import { EXIT, UsageError, type Command } from '../command.js';
import { pickSpec } from './model.js';

export const compileCommand: Command = {
    usage: `Usage: cxspec compile <files or folders...> --out <dir> [--spec Name] [--clean]

Writes, for each survey, <Survey>.survey.json (SurveyJS form library), <Survey>.schema.json
(JSON Schema 2020-12 of one response record) and <Survey>.distribution.json (trigger, sampling,
quarantine), plus <Spec>.model.json (the CX model). With several specs, each goes to <dir>/<Spec>/;
--spec compiles only the one named. The same specs always give the same bytes.
--clean then removes, from each folder this run wrote to, the *.survey.json, *.schema.json,
*.distribution.json and *.model.json files it did not write (a renamed or removed survey), printing
'removed <path>' for each after the written paths. Other files and subfolders are kept, and so is
the <dir>/<Spec>/ folder of a spec that no longer exists: delete that one yourself.
Nothing is written or removed when a spec has errors: they are printed as
'file:line:col severity CODE message'.
Exit codes: 0 written, 1 the specs have errors (nothing written), 2 bad input, unwritable --out or
a file --clean cannot remove.`,
    async run(args, io) {
        const { positionals, values } = parseArgs({
            args, allowPositionals: true,
            options: { out: { type: 'string', short: 'o' }, spec: { type: 'string' }, clean: { type: 'boolean' } }
        });
        if (positionals.length === 0) throw new UsageError('name the spec files or folders');
        if (!values.out) throw new UsageError('choose the output folder with --out <dir>');
        const workspace = await loadWorkspace(positionals);
        const specNames = values.spec ? [pickSpec(workspace.specNames, values.spec)] : workspace.specNames;
        if (specNames.length === 0) throw new UsageError('no spec found in the given files');
        for (const d of workspace.diagnostics) io.err(formatDiagnostic(d));
        if (workspace.hasErrors) {
            io.err('cxspec compile: the specs have errors; nothing was written');
            return EXIT.failed;
        }
        const models = specNames.map(name => workspace.model(name));
        const problems = models.flatMap(compileProblems);
        if (problems.length > 0) {
            for (const p of problems) io.err(formatProblem(p));
            io.err('cxspec compile: the specs cannot be compiled; nothing was written');
            return EXIT.failed;
        }
        const outputs = models.map(model => ({
            dir: specNames.length > 1 ? path.join(values.out!, model.spec.name) : values.out!,
            files: compileSpec(model)
        }));
        for (const { dir, files } of outputs) {
            const failure = await writeFiles(dir, files, written => io.out(written));
            if (failure) {
                io.err(`cxspec compile: ${failure}`);
                return EXIT.badInput;
            }
        }
        // Only after every file is written, so a failed run never leaves a folder with fewer surveys.
        if (values.clean) {
            for (const { dir, files } of outputs) {
                const failure = await removeStaleOutputs(dir, files, removed => io.out(`removed ${removed}`));
                if (failure) {
                    io.err(`cxspec compile: ${failure}`);
                    return EXIT.badInput;
                }
            }
        }
        return EXIT.ok;
    }
};

/** File names `compile` writes: what `--clean` may remove. */
const OUTPUT_NAME = /^.+\.(survey|schema|distribution|model)\.json$/;

/** Writes the files into `dir`, reporting each path; returns a message when the folder cannot be written. */
async function writeFiles(dir: string, files: CompiledFile[], report: (file: string) => void): Promise<string | undefined> {
    for (const file of files) {
        const target = path.join(dir, file.path);
        try {
            await fs.mkdir(dir, { recursive: true });
            await fs.writeFile(target, file.content);
        } catch (error) {
            return `cannot write ${target} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
        }
        report(target);
    }
    return undefined;
}

/**
 * Removes from `dir` the regular files named like compile outputs that are not among `files`,
 * in name order, reporting each path; returns a message when one cannot be removed.
 */
async function removeStaleOutputs(dir: string, files: CompiledFile[], report: (file: string) => void): Promise<string | undefined> {
    // Compared by file identity, not name: on a case-insensitive disk, renaming survey `nps` to `Nps`
    // overwrites nps.survey.json, which keeps its old name and must not be taken for a stale file.
    const written = new Set<string>();
    const stale: string[] = [];
    try {
        for (const file of files) written.add(fileId(await fs.stat(path.join(dir, file.path), { bigint: true })));
        for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
            if (!entry.isFile() || !OUTPUT_NAME.test(entry.name)) continue;
            const target = path.join(dir, entry.name);
            if (!written.has(fileId(await fs.lstat(target, { bigint: true })))) stale.push(target);
        }
    } catch (error) {
        return `cannot read ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
    stale.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const target of stale) {
        try {
            await fs.unlink(target);
        } catch (error) {
            return `cannot remove ${target} (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
        }
        report(target);
    }
    return undefined;
}

function fileId(stats: { dev: bigint; ino: bigint }): string {
    return `${stats.dev}:${stats.ino}`;
}
