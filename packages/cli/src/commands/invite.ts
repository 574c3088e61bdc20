import { parseArgs } from 'node:util';
import { formatDiagnostic } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { SKIP_REASONS, formatInvitations, parseTime, runInvite, type BadEvent, type InviteResult } from '@cxspec/program';
import { EXIT, UsageError, type CliIO, type Command } from '../command.js';
import { pickSpec } from './model.js';
import { writeOutput } from '../write-output.js';

/** Bad events listed one by one on stderr before the rest are only counted. */
const LISTED_BAD_EVENTS = 20;

export const inviteCommand: Command = {
    usage: `Usage: cxspec invite <spec files or folder> --events <file> [options]

Reads touchpoint events (CSV or NDJSON with customer, touchpoint and time, plus context fields;
see docs/distribution.md), applies each survey's trigger, delay, sample, quarantine and priority
and the spec's contact rules, and writes the invitations due, in the format of the events.
Every decision is recorded in the state in one transaction, so a re-run of the same events
invites no one twice. Skipped events are counted by reason on stderr.

Options:
  --events <file>      touchpoint events (.csv, or .ndjson/.jsonl) (required)
  --state <file>       SQLite contact history (created when missing); without it the history
                       lives in memory for this run only
  --now <time>         decide invitations due at or before this ISO 8601 time with an offset
                       (default: the current time); later ones wait for a later run
  --opt-outs <file>    customer keys that opted out, one per line
  --out <file>         write the invitations to a file instead of stdout (and name it on stdout)
  --dry-run            decide and report, but record nothing and write no file
  --strict             any bad event is an error (exit 2)
  --spec <Name>        the spec, when the files hold several

Exit codes: 0 done, 1 the spec has errors (printed as file:line:col), 2 bad input or usage
(unreadable events, a state file that is not a cxspec state, with --strict a bad event).`,
    async run(args, io) {
        const { positionals, values } = parseArgs({
            args, allowPositionals: true, options: {
                events: { type: 'string' },
                state: { type: 'string' },
                now: { type: 'string' },
                'opt-outs': { type: 'string' },
                out: { type: 'string' },
                'dry-run': { type: 'boolean' },
                strict: { type: 'boolean' },
                spec: { type: 'string' }
            }
        });
        if (positionals.length === 0) throw new UsageError('name the spec files or folder');
        if (!values.events) throw new UsageError('give the touchpoint events with --events <file>');
        const now = values.now === undefined ? Date.now() : parseTime(values.now);
        if (now === undefined) throw new UsageError(`--now takes an ISO 8601 time with an offset, such as 2026-03-01T00:00:00Z, got '${values.now}'`);
        const workspace = await loadWorkspace(positionals);
        const specName = pickSpec(workspace.specNames, values.spec);
        const errors = workspace.diagnostics.filter(d => d.severity === 'error');
        if (errors.length > 0) {
            for (const d of errors) io.err(formatDiagnostic(d));
            io.err(`cxspec invite: the spec has ${errors.length} error(s); no invitation was decided`);
            return EXIT.failed;
        }
        const model = workspace.model(specName);
        const dryRun = values['dry-run'] ?? false;
        const result = runInvite(model, {
            events: values.events, state: values.state, now, optOuts: values['opt-outs'], dryRun, strict: values.strict,
            // The marker a crash test waits for: the run's transaction has begun writing.
            onRecording: count => io.err(`cxspec invite: recording ${count} decision(s)${values.state ? ` in ${values.state}` : ''}`)
        });
        reportBadEvents(result.file.file, result.bad, values.strict ?? false, io);
        io.err(summary(result, values.state));
        if (values.strict && result.bad.length > 0) {
            io.err(`cxspec invite: --strict: ${result.bad.length} bad event(s); nothing was recorded or written`);
            return EXIT.badInput;
        }
        const text = formatInvitations(result.invitations, result.file.format, result.file.contextColumns);
        if (dryRun) return EXIT.ok;
        if (!values.out) {
            // No invitations in NDJSON is no line at all, not an empty one.
            if (text !== '') io.out(text.replace(/\n$/, ''));
            return EXIT.ok;
        }
        return writeOutput('invite', values.out, text, `${result.invitations.length} invitation(s) of ${specName}, ${result.file.format}`, io) ? EXIT.ok : EXIT.badInput;
    }
};

function reportBadEvents(file: string, bad: readonly BadEvent[], strict: boolean, io: CliIO): void {
    for (const b of bad.slice(0, LISTED_BAD_EVENTS)) {
        const where = b.column === null ? `${file}:${b.row}` : typeof b.column === 'number' ? `${file}:${b.row}:${b.column}` : `${file}:${b.row} field '${b.column}'`;
        io.err(`${strict ? 'error' : 'warning'}: ${where} ${b.reason}: the event ${b.message}`);
    }
    if (bad.length > LISTED_BAD_EVENTS) io.err(`... and ${bad.length - LISTED_BAD_EVENTS} more bad event(s)`);
}

function summary(result: InviteResult, state: string | undefined): string {
    const perSurvey = new Map<string, number>();
    for (const inv of result.invitations) perSurvey.set(inv.survey, (perSurvey.get(inv.survey) ?? 0) + 1);
    const surveys = [...perSurvey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([s, n]) => `${s} ${n}`).join(', ');
    const read = result.file.events.length + result.bad.length;
    const recorded = !result.recorded ? `${result.decisions.length} decision(s) not recorded`
        : `${result.decisions.length} decision(s) recorded ${state ? `in ${state}` : 'in memory (no --state)'}`;
    const skipped = SKIP_REASONS.filter(r => result.skipped[r] > 0).map(r => `${r} ${result.skipped[r]}`);
    const bad = Object.entries(result.badByReason).filter(([, n]) => n > 0).map(([r, n]) => `${r} ${n}`);
    return [
        `cxspec invite: ${read} event(s) read, ${result.invitations.length} invitation(s)${surveys ? ` (${surveys})` : ''}; ${recorded}`,
        `skipped: ${[...bad, ...skipped].join(', ') || 'none'}`
    ].join('\n');
}
