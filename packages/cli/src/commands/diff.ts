import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatDiagnostic, InputError, type CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { checkoutRevision, diffWorkspaces, formatDiffJson, formatDiffMarkdown, formatDiffText, hasBreaking, isGitRevision, summarizeDiff } from '@cxspec/review';
import { EXIT, UsageError, type CliIO, type Command } from '../command.js';
import { writeOutput } from '../write-output.js';

const FORMATS = ['md', 'json', 'text'] as const;
type DiffFormat = (typeof FORMATS)[number];

export const diffCommand: Command = {
    usage: `Usage: cxspec diff <old> <new> [--format md|json|text] [--fail-on breaking] [--out <file>]
       cxspec diff --base <rev> <paths...> [--format md|json|text] [--fail-on breaking] [--out <file>]

Compares two versions of the specs: journeys, stages and touchpoints added, removed or moved,
touchpoints renamed; questions added, removed, renamed (recognised by kind, wording, options and
position), reworded per locale, rescaled, with new options, logic or required flag; segments,
datasets, metrics, targets and driver analyses. Specs are paired by name.
Each side is a file or folder, a git revision (all .cx files under the current folder at that
commit), or <rev>:<path>; a revision or <rev>:<path> holding no .cx file is an error (a typo
would otherwise read as every spec added). With --base, the new side is the given paths in the
working tree and the old side is the same paths at <rev> (e.g. --base origin/main in a pull
request), where a path missing is one the change adds.
  --format md           Markdown for a pull-request comment, with a Mermaid journey map (default)
  --format json         { summary, specs: [{ spec, summary, changes }] }
  --format text         one line per change
  --fail-on breaking    exit 1 when any change is breaking
  --out <file>          write the diff to a file instead of stdout (e.g. the PR comment's body)
Breaking changes are those after which responses or metric values already collected are no
longer comparable: a changed scale, kind or option set, a reworded NPS question, a renamed
question id, a removed question that fed a metric, a changed metric or segment definition.
Exit codes: 0 diff printed, 1 breaking changes with --fail-on breaking, 2 bad input (a side
cannot be read or has errors).`,
    async run(args, io) {
        const { positionals, values } = parseArgs({
            args, allowPositionals: true,
            options: { format: { type: 'string', default: 'md' }, base: { type: 'string' }, 'fail-on': { type: 'string' }, out: { type: 'string' } }
        });
        const format = values.format as DiffFormat;
        if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}' (use ${FORMATS.join(', ')})`);
        if (values['fail-on'] !== undefined && values['fail-on'] !== 'breaking') throw new UsageError(`--fail-on takes 'breaking' (got '${values['fail-on']}')`);
        const cwd = process.cwd();
        let sides: [Side, Side];
        if (values.base !== undefined) {
            if (positionals.length === 0) throw new UsageError('with --base, name the files or folders to compare');
            sides = [{ rev: values.base, paths: positionals, mayBeAdded: true }, { paths: positionals }];
        } else {
            if (positionals.length !== 2) throw new UsageError('name exactly two sides: <old> <new> (or use --base <rev> <paths...>)');
            sides = [await parseSide(positionals[0], cwd), await parseSide(positionals[1], cwd)];
        }
        const before = await loadSide(sides[0], 'old', cwd, io);
        const after = await loadSide(sides[1], 'new', cwd, io);
        if (!before || !after) return EXIT.badInput;
        const result = diffWorkspaces(before, after);
        const output = { md: () => formatDiffMarkdown(result, after).trimEnd(), json: () => formatDiffJson(result), text: () => formatDiffText(result) }[format]();
        if (values.out === undefined) io.out(output);
        else if (!writeOutput('diff', values.out, output + '\n', `${format} diff, ${summarizeDiff(result).breaking} breaking change(s)`, io)) return EXIT.badInput;
        return values['fail-on'] === 'breaking' && hasBreaking(result) ? EXIT.failed : EXIT.ok;
    }
};

/** Files in the working tree, or the same paths at a git revision. */
interface Side {
    paths: string[];
    rev?: string;
    /** With --base a path missing at the revision is one the change adds (an empty old side). */
    mayBeAdded?: boolean;
}

async function parseSide(arg: string, cwd: string): Promise<Side> {
    if (await fs.stat(arg).then(() => true, () => false)) return { paths: [arg] };
    const colon = arg.indexOf(':');
    if (colon > 0 && (await isGitRevision(arg.slice(0, colon), cwd))) return { rev: arg.slice(0, colon), paths: [arg.slice(colon + 1) || '.'] };
    if (await isGitRevision(arg, cwd)) return { rev: arg, paths: ['.'] };
    throw new InputError(arg, 'is neither a file or folder nor a git revision (use <rev>:<path> for a path at a revision)');
}

/** The CX models of one side, or undefined (after printing why) when it has errors. */
async function loadSide(side: Side, label: 'old' | 'new', cwd: string, io: CliIO): Promise<CxModel[] | undefined> {
    const checkout = side.rev !== undefined ? await checkoutRevision(side.rev, side.paths, cwd, { requireSpecs: !side.mayBeAdded }) : undefined;
    try {
        const root = checkout?.root ?? cwd;
        const workspace = await loadWorkspace(checkout?.inputs ?? side.paths, { root });
        const name = side.rev !== undefined ? `${side.paths.join(' ')} at ${side.rev}` : side.paths.join(' ');
        if (workspace.hasErrors) {
            for (const d of workspace.diagnostics.filter(x => x.severity === 'error')) io.err(formatDiagnostic(d));
            io.err(`cxspec diff: the ${label} side (${name}) has errors; a diff needs specs that validate.`);
            return undefined;
        }
        return workspace.specNames.map(n => workspace.model(n));
    } finally {
        await checkout?.dispose();
    }
}
