import { parseArgs } from 'node:util';
import { InputError, formatDiagnostic } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { checkReport, formatCheckSummary } from '@cxspec/review';
import { EXIT, UsageError, type Command } from '../command.js';

export const validateCommand: Command = {
    usage: `Usage: cxspec validate <files or folders...>

Parses, links and validates every .cx file (folders are searched recursively) and prints each
diagnostic as 'file:line:col severity CODE message'.
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 a file cannot be read or no .cx file was found.`,
    async run(args, io) {
        const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
        if (positionals.length === 0) throw new UsageError('name at least one file or folder');
        const workspace = await loadWorkspace(positionals);
        // Passing checks on nothing would hide a wrong path in CI.
        if (workspace.documents.length === 0) throw new InputError(positionals.join(', '), 'no .cx files found');
        for (const d of workspace.diagnostics) io.out(formatDiagnostic(d));
        // The same count line as `check`, hints and infos included.
        io.err(formatCheckSummary(checkReport(workspace, process.cwd())));
        return workspace.hasErrors ? EXIT.failed : EXIT.ok;
    }
};
