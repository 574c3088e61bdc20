import { parseArgs } from 'node:util';
import { loadWorkspace } from '@cxspec/language';
import { checkReport, formatCheckGithub, formatCheckJson, formatCheckSarif, formatCheckSummary, formatCheckText } from '@cxspec/review';
import cliPackage from '../../package.json' with { type: 'json' };
import { EXIT, UsageError, type Command } from '../command.js';
import { writeOutput } from '../write-output.js';

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type CheckFormat = (typeof FORMATS)[number];

export const checkCommand: Command = {
    usage: `Usage: cxspec check <files or folders...> [--format text|json|sarif|github] [--out <file>]

Parses, links and validates every .cx file (folders are searched recursively) and prints every
diagnostic to stdout in the chosen format; a count goes to stderr.
  --format text    'file:line:col severity CODE message' lines (default)
  --format json    { files, specs, summary, diagnostics } as JSON
  --format sarif   a SARIF 2.1.0 log with every rule, for code-scanning uploads
  --format github  GitHub Actions workflow commands (::error file=...,line=...::message)
  --out <file>     write that output to a file instead of stdout (e.g. a SARIF log to upload)
Paths are written relative to the current folder.
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 a file cannot be read or bad usage.`,
    async run(args, io) {
        const { positionals, values } = parseArgs({
            args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, out: { type: 'string' } }
        });
        if (positionals.length === 0) throw new UsageError('name at least one file or folder');
        const format = values.format as CheckFormat;
        if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}' (use ${FORMATS.join(', ')})`);
        const root = process.cwd();
        const workspace = await loadWorkspace(positionals, { root });
        const report = checkReport(workspace, root);
        const output = {
            text: () => formatCheckText(report),
            json: () => formatCheckJson(report),
            sarif: () => formatCheckSarif(report, { version: cliPackage.version }),
            github: () => formatCheckGithub(report)
        }[format]();
        if (values.out !== undefined) {
            if (!writeOutput('check', values.out, output === '' ? '' : output + '\n', `${format}, ${report.diagnostics.length} diagnostic(s)`, io)) return EXIT.badInput;
        } else if (output !== '') io.out(output);
        io.err(formatCheckSummary(report));
        return workspace.hasErrors ? EXIT.failed : EXIT.ok;
    }
};
