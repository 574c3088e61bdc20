/**
 * `check --format sarif` output validated with ajv against the official SARIF 2.1.0 JSON Schema
 * (the OASIS 2.1.0 schema as published on SchemaStore, shipped in @microsoft/jest-sarif), and its
 * rules and results checked field by field.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ajvDraft04, { type ValidateFunction } from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_RULES, type SpecDiagnostic } from '@cxspec/model';
import { loadWorkspace } from '@cxspec/language';
import { checkReport, formatCheckSarif, type CheckReport } from '@cxspec/review';
import { FIXTURES } from './support.js';

const require = createRequire(import.meta.url);
const SCHEMA_FILE = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');

// Both packages are CommonJS; under NodeNext their default export is the `default` property.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

let compiled: ValidateFunction | undefined;

function sarifValidator() {
    if (compiled) return compiled;
    const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    // The official schema's language-tag pattern is only valid as a non-unicode RegExp.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    compiled = ajv.compile(schema);
    return compiled;
}

let report: CheckReport;
let sarif: string;

beforeAll(async () => {
    const workspace = await loadWorkspace([path.join(FIXTURES, 'check'), path.join(FIXTURES, 'diff/v1')], { root: FIXTURES });
    report = checkReport(workspace, FIXTURES);
    sarif = formatCheckSarif(report, { version: '0.1.0' });
});

describe('SARIF 2.1.0 output', () => {
    it('is the official 2.1.0 schema that the validator loads', () => {
        const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as { title: string; properties: { version: { enum: string[] } } };
        expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0-rtm.5 JSON Schema');
        expect(schema.properties.version.enum).toEqual(['2.1.0']);
    });

    it('validates against the SARIF 2.1.0 JSON Schema', () => {
        const validate = sarifValidator();
        const valid = validate(JSON.parse(sarif));
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
    });

    it('is rejected by the schema when broken, so the validation above is real', () => {
        const validate = sarifValidator();
        const log = JSON.parse(sarif) as { runs: Array<{ results: Array<{ level: string }> }> };
        log.runs[0].results[0].level = 'fatal';
        expect(validate(log)).toBe(false);
        expect(validate.errors?.some(e => e.instancePath === '/runs/0/results/0/level')).toBe(true);
    });

    it('lists every rule of the language with name, help and default level', () => {
        const rules = JSON.parse(sarif).runs[0].tool.driver.rules as Array<Record<string, unknown>>;
        expect(rules.map(r => r.id)).toEqual(DIAGNOSTIC_RULES.map(r => r.code));
        expect(rules.find(r => r.id === 'CX102')).toEqual({
            id: 'CX102',
            name: 'missing-label',
            shortDescription: { text: 'CX102 missing-label' },
            fullDescription: { text: 'Every text should exist in every declared locale, or respondents see the default language.' },
            help: { text: 'Every text should exist in every declared locale, or respondents see the default language.' },
            defaultConfiguration: { level: 'warning' }
        });
        expect(rules.find(r => r.id === 'CX705')?.defaultConfiguration).toEqual({ level: 'note' });
    });

    it('has one result per diagnostic, with rule, level, message and region', () => {
        const run = JSON.parse(sarif).runs[0];
        expect(run.columnKind).toBe('utf16CodeUnits');
        expect(run.artifacts).toEqual([
            { location: { uri: 'check/broken.cx', uriBaseId: 'SRCROOT' } },
            { location: { uri: 'diff/v1/spec.cx', uriBaseId: 'SRCROOT' } }
        ]);
        expect(run.results.map((r: { ruleId: string; level: string }) => `${r.ruleId} ${r.level}`))
            .toEqual(['CX102 warning', 'CX001 error', 'CX101 error', 'CX402 error', 'CX001 error']);
        expect(run.results[3]).toEqual({
            ruleId: 'CX402',
            ruleIndex: DIAGNOSTIC_RULES.findIndex(r => r.code === 'CX402'),
            level: 'error',
            message: { text: "NPS question 'recommend' is answered on 0..10, so 11 can never match; use a number in 0..10." },
            locations: [{
                physicalLocation: {
                    artifactLocation: { uri: 'check/broken.cx', uriBaseId: 'SRCROOT', index: 0 },
                    region: { startLine: 10, startColumn: 43, endLine: 10, endColumn: 45 }
                }
            }]
        });
    });

    it('maps info and hint to note, percent-encodes paths, and keeps unlisted codes as rules', () => {
        const diagnostic = (over: Partial<SpecDiagnostic>): SpecDiagnostic => ({
            file: 'specs/日本 #1.cx', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'hint', code: 'CX705', message: 'm', ...over
        });
        const log = JSON.parse(formatCheckSarif({
            files: ['specs/日本 #1.cx'], specs: ['S'],
            diagnostics: [diagnostic({}), diagnostic({ severity: 'info', code: 'CX999' })]
        }, { version: '0.1.0' }));
        expect(sarifValidator()(log)).toBe(true);
        const run = log.runs[0];
        expect(run.results.map((r: { level: string }) => r.level)).toEqual(['note', 'note']);
        expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('specs/%E6%97%A5%E6%9C%AC%20%231.cx');
        expect(run.tool.driver.rules.at(-1)).toMatchObject({ id: 'CX999', name: 'unlisted', defaultConfiguration: { level: 'note' } });
        expect(run.results[1].ruleIndex).toBe(DIAGNOSTIC_RULES.length);
    });

    it('is the same bytes on every run', async () => {
        const again = await loadWorkspace([path.join(FIXTURES, 'check'), path.join(FIXTURES, 'diff/v1')], { root: FIXTURES });
        expect(formatCheckSarif(checkReport(again, FIXTURES), { version: '0.1.0' })).toBe(sarif);
    });
});
