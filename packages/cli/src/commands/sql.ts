import { parseArgs } from 'node:util';
import { formatDiagnostic } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import {
    DIALECTS, SpecShapeError, UnsafeTextError, createTablesSql, dialectOf, generateMetricsSql, type DialectName, type TableNames
} from '@cxspec/sql';
import { EXIT, UsageError, type Command } from '../command.js';
import { pickSpec } from './model.js';
import { writeOutput } from '../write-output.js';

export const sqlCommand: Command = {
    usage: `Usage: cxspec sql <files or folders...> --dialect duckdb|postgres [options]

Prints one SQL query computing every metric of the spec with its segment and period breakdowns,
95% intervals and target verdicts, one result row per metric x (overall | segment | period),
from one table per survey (responses_<Survey>) and per dataset (dataset_<Dataset>) with the
columns of docs/response-format.md. Names and labels are quoted, so none can change the SQL.

Options:
  --dialect duckdb|postgres   SQL dialect (required)
  --out <file>                write the SQL to a file instead of stdout (and name it on stdout)
  --ddl                       put CREATE TABLE statements for the expected tables first
  --schema <name>             read the tables from this schema
  --table <Name>=<table>      read survey or dataset <Name> from <table> (repeatable; schema.table allowed)
  --spec <Name>               the spec, when the files hold several

Exit codes: 0 written, 1 the spec has errors (printed as file:line:col), 2 bad input or usage.`,
    async run(args, io) {
        const { positionals, values } = parseArgs({
            args, allowPositionals: true, options: {
                dialect: { type: 'string' },
                out: { type: 'string' },
                ddl: { type: 'boolean' },
                schema: { type: 'string' },
                table: { type: 'string', multiple: true },
                spec: { type: 'string' }
            }
        });
        if (positionals.length === 0) throw new UsageError('name the spec files or folder');
        const dialect = values.dialect as DialectName | undefined;
        if (!dialect || !DIALECTS.includes(dialect)) throw new UsageError(`choose --dialect ${DIALECTS.join(' or ')}`);
        const workspace = await loadWorkspace(positionals);
        const specName = pickSpec(workspace.specNames, values.spec);
        const errors = workspace.diagnostics.filter(d => d.severity === 'error');
        if (errors.length > 0) {
            for (const d of errors) io.err(formatDiagnostic(d));
            io.err(`cxspec sql: the spec has ${errors.length} error(s); no SQL was written`);
            return EXIT.failed;
        }
        const model = workspace.model(specName);
        const tables = tableNames(values.table ?? [], values.schema, model.surveys.map(s => s.name), model.datasets.map(d => d.name));
        let sql: string;
        try {
            sql = generateMetricsSql(model, { dialect, tables });
            if (values.ddl) sql = `${createTablesSql(model, dialectOf(dialect), tables)}\n${sql}`;
        } catch (error) {
            if (error instanceof SpecShapeError || error instanceof UnsafeTextError) {
                const loc = (error instanceof SpecShapeError ? error.loc : undefined) ?? model.spec.loc;
                io.err(`${loc.file}:${loc.line}:${loc.column} error ${error.message}`);
                return EXIT.failed;
            }
            throw error;
        }
        if (!values.out) {
            io.out(sql.replace(/\n$/, ''));
            return EXIT.ok;
        }
        return writeOutput('sql', values.out, sql, `${dialect} SQL of ${specName}`, io) ? EXIT.ok : EXIT.badInput;
    }
};

/** `--table Name=table` options, each naming a survey or dataset of the spec. */
function tableNames(args: string[], schema: string | undefined, surveys: string[], datasets: string[]): TableNames {
    const names: Required<Pick<TableNames, 'surveys' | 'datasets'>> & TableNames = { surveys: {}, datasets: {}, schema };
    for (const arg of args) {
        const eq = arg.indexOf('=');
        const name = eq > 0 ? arg.slice(0, eq) : '';
        const table = arg.slice(eq + 1);
        if (eq <= 0 || table === '') throw new UsageError(`--table takes <Survey or Dataset>=<table>, got '${arg}'`);
        if (surveys.includes(name)) names.surveys[name] = table;
        else if (datasets.includes(name)) names.datasets[name] = table;
        else throw new UsageError(`--table: the spec has no survey or dataset '${name}' (surveys: ${surveys.join(', ') || 'none'}; datasets: ${datasets.join(', ') || 'none'})`);
    }
    return names;
}
