import { parseArgs } from 'node:util';
import { formatDiagnostic, oneLine, type CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import {
    DataFileError, evaluate, loadMapping, openScoring, renderHtml, renderMarkdown,
    type ColumnMapping, type EvaluationResult, type Exclusion, type TextEncoding
} from '@cxspec/metrics';
import { SpecShapeError, evaluateWithDuckDb } from '@cxspec/sql';
import { EXIT, UsageError, type Command } from '../command.js';
import { pickSpec } from './model.js';
import { writeOutput } from '../write-output.js';

const FORMATS = ['json', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];

export const scoreCommand: Command = {
    usage: `Usage: cxspec score <spec files or folder> --responses [Survey=]<file> ... [options]

Reads response files (CSV, NDJSON or a JSON array of SurveyJS results; see docs/response-format.md)
and dataset files, checks every row against the spec, and computes each metric with its 95%
interval, verdict, segments and periods, and the driver analyses (see docs/scoring.md). Values
that fail the checks are left out of the metrics they affect and listed on stderr.

Options:
  --responses [Survey=]<file>  responses of a survey (repeatable; Survey= may be left out when the
                               spec has one survey; several files of one survey are read as one)
  --dataset <Dataset>=<file>   a dataset (CRM export) file (repeatable)
  --map [Survey=]<file.json>   column mapping and value recoding for files from other tools
                               (shape in docs/scoring.md)
  --encoding utf-8|shift_jis   encoding of the data files (detected when left out)
  --strict                     any excluded value or row is an error (exit 2)
  --format json|md|html        report format (default json)
  --out <file>                 write the report to a file instead of stdout
  --locale <code>              locale of titles in md/html reports (default: the spec's)
  --engine native|duckdb       compute the metrics natively (default) or by the generated SQL
                               on embedded DuckDB (same checks, result shape and values)
  --fail-on inconclusive       also exit 1 when a target is inconclusive or has too few answers
  --spec <Name>                the spec, when the files hold several

With --out the report's file is named on stdout. The last line on stderr, whatever the format,
counts the verdicts (met, missed, inconclusive, insufficient) and says what the exit code means.
Exit codes: 0 every target met (or no verdict), 1 a target missed (or inconclusive/insufficient
with --fail-on inconclusive), 2 invalid input, spec errors or (with --strict) excluded values.`,
    async run(args, io) {
        const { positionals, values } = parseArgs({
            args, allowPositionals: true, options: {
                responses: { type: 'string', multiple: true },
                dataset: { type: 'string', multiple: true },
                map: { type: 'string', multiple: true },
                encoding: { type: 'string' },
                strict: { type: 'boolean' },
                format: { type: 'string' },
                out: { type: 'string' },
                locale: { type: 'string' },
                'fail-on': { type: 'string' },
                engine: { type: 'string' },
                spec: { type: 'string' }
            }
        });
        if (positionals.length === 0) throw new UsageError('name the spec files or folder');
        const format = (values.format ?? 'json') as Format;
        if (!FORMATS.includes(format)) throw new UsageError(`--format is one of ${FORMATS.join(', ')}`);
        const encoding = values.encoding?.toLowerCase().replace('_', '-');
        if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'shift-jis') throw new UsageError('--encoding is utf-8 or shift_jis');
        if (values['fail-on'] !== undefined && values['fail-on'] !== 'inconclusive') throw new UsageError('--fail-on takes only inconclusive');
        if (values.engine !== undefined && values.engine !== 'native' && values.engine !== 'duckdb') throw new UsageError('--engine is native or duckdb');
        if (!values.responses?.length && !values.dataset?.length) throw new UsageError('give at least one --responses or --dataset file');
        const forcedEncoding = encoding === undefined ? undefined : (encoding === 'utf-8' ? 'utf-8' : 'shift_jis') as TextEncoding;
        // Opened before the spec loads, so what the data files need (a worker thread) is ready when it has.
        const session = openScoring([...values.responses ?? [], ...values.dataset ?? []].map(arg => arg.slice(arg.indexOf('=') + 1)), { encoding: forcedEncoding });

        const workspace = await loadWorkspace(positionals);
        const specName = pickSpec(workspace.specNames, values.spec);
        const errors = workspace.diagnostics.filter(d => d.severity === 'error');
        if (errors.length > 0) {
            for (const d of errors) io.err(formatDiagnostic(d));
            io.err(`cxspec score: the spec has ${errors.length} error(s); fix them before scoring`);
            await session.close();
            return EXIT.badInput;
        }
        const model = workspace.model(specName);
        const responses = (values.responses ?? []).map(arg => bySurvey(arg, model, '--responses'));
        const datasets = (values.dataset ?? []).map(arg => {
            const eq = arg.indexOf('=');
            if (eq <= 0) throw new UsageError(`--dataset takes <Dataset>=<file>, got '${arg}'`);
            return { dataset: arg.slice(0, eq), file: arg.slice(eq + 1) };
        });
        const mappings = new Map<string, ColumnMapping>();
        const progress = io.interactive ? new ProgressBar() : null;
        let result: EvaluationResult;
        try {
            for (const arg of values.map ?? []) {
                const { survey, file } = bySurvey(arg, model, '--map');
                mappings.set(survey, loadMapping(file));
            }
            result = await (values.engine === 'duckdb' ? evaluateWithDuckDb : evaluate)(model, {
                responses, datasets, mappings,
                encoding: forcedEncoding,
                onProgress: progress ? (file, read, total) => progress.draw(file, read, total) : undefined
            }, session);
        } catch (error) {
            if (error instanceof DataFileError) {
                io.err(`cxspec score: ${oneLine(error.message)}`);
                return EXIT.badInput;
            }
            // --engine duckdb on a metric the SQL does not compute (a median, a percentile).
            if (error instanceof SpecShapeError) {
                const loc = error.loc ?? model.spec.loc;
                io.err(`${loc.file}:${loc.line}:${loc.column} error ${oneLine(error.message)}`);
                return EXIT.failed;
            }
            throw error;
        } finally {
            progress?.clear();
        }

        const exclusions = result.input.exclusions;
        // A warning quotes cell values, which may hold line breaks and terminal escapes.
        for (const x of exclusions) io.err(`${values.strict ? 'error' : 'warning'}: ${oneLine(describeExclusion(x))}`);
        if (values.strict && exclusions.length > 0) {
            io.err(`cxspec score: --strict: ${exclusions.reduce((s, x) => s + x.count, 0)} value(s) or row(s) failed the checks above`);
            return EXIT.badInput;
        }
        const report = format === 'json' ? JSON.stringify(result, null, 2) + '\n'
            : format === 'md' ? renderMarkdown(result, { locale: values.locale })
                : renderHtml(result, { locale: values.locale });
        if (values.out) {
            if (!writeOutput('score', values.out, report, `${format} report of ${specName}`, io)) return EXIT.badInput;
        } else io.out(report.replace(/\n$/, ''));
        const outcome = scoreOutcome(result, values['fail-on'] === 'inconclusive');
        io.err(outcome.summary);
        return outcome.code;
    }
};

/** `Survey=file`, or a bare file when the spec has exactly one survey. */
function bySurvey(arg: string, model: CxModel, option: string): { survey: string; file: string } {
    const eq = arg.indexOf('=');
    const named = eq > 0 ? arg.slice(0, eq) : null;
    if (named && model.surveys.some(s => s.name === named)) return { survey: named, file: arg.slice(eq + 1) };
    if (named && /^[A-Za-z_]\w*$/.test(named)) {
        throw new UsageError(`${option}: spec ${model.spec.name} has no survey '${named}' (surveys: ${model.surveys.map(s => s.name).join(', ')})`);
    }
    if (model.surveys.length !== 1) {
        throw new UsageError(`${option}: the spec has several surveys (${model.surveys.map(s => s.name).join(', ')}); write ${option} <Survey>=${arg}`);
    }
    return { survey: model.surveys[0].name, file: arg };
}

function describeExclusion(x: Exclusion): string {
    const rows = x.rows.join(', ') + (x.count > x.rows.length ? `, … (${x.count} rows)` : '');
    return `${x.file}: ${x.reason.replace(/_/g, ' ')} in column '${x.column}', row${x.rows.length > 1 ? 's' : ''} ${rows}: ${x.message}`;
}

/**
 * The exit code (1 on a missed target; with --fail-on inconclusive also on an unresolved one) and
 * the line that says it on stderr whatever the format, so a run that wrote its report and exits 1
 * for a missed target does not read as a failed run.
 */
function scoreOutcome(result: EvaluationResult, failOnInconclusive: boolean): { code: number; summary: string } {
    const s = result.summary;
    const counts = `${s.met} met, ${s.missed} missed, ${s.inconclusive} inconclusive, ${s.insufficient} insufficient${s.none > 0 ? `, ${s.none} without a target` : ''}`;
    const unresolved = s.inconclusive + s.insufficient;
    const [code, reason] = s.missed > 0 ? [EXIT.failed, 'a target is missed']
        : failOnInconclusive && unresolved > 0 ? [EXIT.failed, 'a target is inconclusive or has too few answers, with --fail-on inconclusive']
            : [EXIT.ok, unresolved > 0 ? 'no target missed; --fail-on inconclusive would exit 1' : 'no target missed'];
    return { code, summary: `${Object.keys(result.metrics).length} metric(s): ${counts}; exit ${code}: ${reason}` };
}

/** Bytes read of the current file, drawn on one stderr line at most ten times a second. */
class ProgressBar {
    private last = 0;
    private drawn = false;

    draw(file: string, read: number, total: number): void {
        const now = Date.now();
        if (now - this.last < 100 && read < total) return;
        this.last = now;
        const width = 30;
        const share = total > 0 ? read / total : 1;
        const filled = Math.round(share * width);
        const mb = (b: number) => (b / 1048576).toFixed(1);
        process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${mb(read)}/${mb(total)} MB ${file}\x1b[K`);
        this.drawn = true;
    }

    clear(): void {
        if (this.drawn) process.stderr.write('\r\x1b[K');
    }
}
