import type { CommandEntry } from '../command.js';

/** Every command of `cxspec`, in the order `--help` lists them. */
export const COMMANDS: CommandEntry[] = [
    {
        name: 'init',
        summary: 'Write a starter spec (one journey, one survey, one metric target) in the locales asked for',
        load: async () => (await import('./init.js')).initCommand
    },
    {
        name: 'validate',
        summary: 'Check specs and print diagnostics as file:line:col severity CODE message',
        load: async () => (await import('./validate.js')).validateCommand
    },
    {
        name: 'model',
        summary: 'Print the CX model (the resolved JSON every back end reads) of a spec',
        load: async () => (await import('./model.js')).modelCommand
    },
    {
        name: 'compile',
        summary: 'Compile specs into SurveyJS surveys, response JSON Schemas, distribution rules and the model',
        load: async () => (await import('./compile.js')).compileCommand
    },
    {
        name: 'check',
        summary: 'Report every diagnostic as text, JSON, SARIF 2.1.0 or GitHub annotations (for CI)',
        load: async () => (await import('./check.js')).checkCommand
    },
    {
        name: 'diff',
        summary: 'Semantic diff of two versions of a spec, each change classified (breaking, non-breaking, cosmetic)',
        load: async () => (await import('./diff.js')).diffCommand
    },
    {
        name: 'preview',
        summary: 'Write a standalone HTML preview of a spec (survey, journey map, metric targets)',
        load: async () => (await import('./preview.js')).previewCommand
    },
    {
        name: 'score',
        summary: 'Score response and dataset files against a spec\'s metric targets',
        load: async () => (await import('./score.js')).scoreCommand
    },
    {
        name: 'sql',
        summary: 'Generate warehouse SQL (DuckDB or PostgreSQL) that computes every metric of a spec',
        load: async () => (await import('./sql.js')).sqlCommand
    },
    {
        name: 'invite',
        summary: 'Turn touchpoint events into the survey invitations due, under sampling, quarantine and contact rules, with a state file',
        load: async () => (await import('./invite.js')).inviteCommand
    }
];
