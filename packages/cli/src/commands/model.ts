import { parseArgs } from 'node:util';
import { formatDiagnostic } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { EXIT, UsageError, type Command } from '../command.js';

export const modelCommand: Command = {
    usage: `Usage: cxspec model <files or folders...> [--spec Name]

Prints the CX model of the spec as JSON. When the files hold several specs, --spec picks one.
Exit codes: 0 printed, 1 the spec has errors (printed instead), 2 bad input.`,
    async run(args, io) {
        const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { spec: { type: 'string' } } });
        if (positionals.length === 0) throw new UsageError('name the spec files or folder');
        const workspace = await loadWorkspace(positionals);
        const specName = pickSpec(workspace.specNames, values.spec);
        // Errors in another spec of the same folder do not make this one's model wrong.
        const files = new Set(workspace.diagnosticFilesOf(specName));
        const errors = workspace.diagnostics.filter(d => d.severity === 'error' && files.has(d.file));
        if (errors.length > 0) {
            for (const d of errors) io.err(formatDiagnostic(d));
            return EXIT.failed;
        }
        io.out(JSON.stringify(workspace.model(specName), null, 2));
        return EXIT.ok;
    }
};

/** The spec a command works on: the only one, or the one named with --spec. */
export function pickSpec(specNames: string[], wanted: string | undefined): string {
    if (wanted) {
        if (!specNames.includes(wanted)) throw new UsageError(`no spec named '${wanted}' (found: ${specNames.join(', ') || 'none'})`);
        return wanted;
    }
    if (specNames.length !== 1) {
        throw new UsageError(specNames.length === 0 ? 'no spec found in the given files' : `the files hold several specs (${specNames.join(', ')}); choose one with --spec`);
    }
    return specNames[0];
}
