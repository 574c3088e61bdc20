import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileProblems, formatProblem } from '@cxspec/compiler';
import { formatDiagnostic, type CxModel } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { PreviewAssetsError, renderStandalonePreview } from '@cxspec/preview/node';
import { readResults, ResultsError, type PreviewResults } from '@cxspec/preview';
import type { PreviewFocus } from '@cxspec/preview';
import { EXIT, UsageError, type Command } from '../command.js';
import { pickSpec } from './model.js';

export const previewCommand: Command = {
    usage: `Usage: cxspec preview <files or folders...> --out <file.html> [--spec Name] [--survey Name | --journey Name]
       [--results result.json]

Writes one self-contained HTML file (SurveyJS and styles inlined, no network access, strict
Content-Security-Policy) showing the survey as a respondent sees it with a locale switcher, the
journey map with coverage gaps, and the metric targets. --survey or --journey picks what opens
first (default: the first survey, or the journey map when the spec has no survey). --results takes
the JSON that \`cxspec score --format json\` writes and colours each touchpoint of the journey map
by its metrics' values and verdicts.
Exit codes: 0 written, 1 the spec has errors (printed as validate prints them) or the preview
bundle is not built, 2 bad input (unknown spec, survey or journey; unreadable files; a results file
that is not a score result).`,
    async run(args, io) {
        const { positionals, values } = parseArgs({
            args,
            allowPositionals: true,
            options: { out: { type: 'string' }, spec: { type: 'string' }, survey: { type: 'string' }, journey: { type: 'string' }, results: { type: 'string' } }
        });
        if (positionals.length === 0) throw new UsageError('name the spec files or folder');
        if (!values.out) throw new UsageError('name the HTML file to write with --out');
        if (values.survey && values.journey) throw new UsageError('choose either --survey or --journey, not both');
        const workspace = await loadWorkspace(positionals);
        const specName = pickSpec(workspace.specNames, values.spec);
        const errors = workspace.diagnostics.filter(d => d.severity === 'error');
        if (errors.length > 0) {
            for (const d of errors) io.err(formatDiagnostic(d));
            return EXIT.failed;
        }
        const model = workspace.model(specName);
        const problems = compileProblems(model);
        if (problems.length > 0) {
            for (const p of problems) io.err(formatProblem(p));
            return EXIT.failed;
        }
        const focus = focusOf(model, values.survey, values.journey);
        let results: PreviewResults | null = null;
        if (values.results) {
            try {
                results = readResults(JSON.parse(await fs.readFile(values.results, 'utf8')));
            } catch (error) {
                const reason = error instanceof ResultsError || error instanceof SyntaxError ? error.message : (error as NodeJS.ErrnoException).code ?? String(error);
                io.err(`${values.results}: not a score result (${reason})`);
                return EXIT.badInput;
            }
        }
        let html: string;
        try {
            html = renderStandalonePreview(model, focus, results);
        } catch (error) {
            if (!(error instanceof PreviewAssetsError)) throw error;
            io.err(`cxspec preview: ${error.message}`);
            return EXIT.failed;
        }
        try {
            await fs.mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
            await fs.writeFile(values.out, html);
        } catch (error) {
            io.err(`cxspec preview: cannot write ${values.out} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
            return EXIT.badInput;
        }
        io.out(`wrote ${values.out} (${specName}, ${focus.kind}${focus.name ? ` ${focus.name}` : ''})`);
        return EXIT.ok;
    }
};

function focusOf(model: CxModel, survey: string | undefined, journey: string | undefined): PreviewFocus {
    if (survey) {
        const names = model.surveys.map(s => s.name);
        if (!names.includes(survey)) throw new UsageError(`spec '${model.spec.name}' has no survey named '${survey}' (found: ${names.join(', ') || 'none'})`);
        return { kind: 'survey', name: survey };
    }
    if (journey) {
        const names = model.journeys.map(j => j.name);
        if (!names.includes(journey)) throw new UsageError(`spec '${model.spec.name}' has no journey named '${journey}' (found: ${names.join(', ') || 'none'})`);
        return { kind: 'journey', name: journey };
    }
    if (model.surveys.length > 0) return { kind: 'survey', name: model.surveys[0].name };
    return model.journeys.length > 0 ? { kind: 'journey', name: model.journeys[0].name } : { kind: 'metrics' };
}
