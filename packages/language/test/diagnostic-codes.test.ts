import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_RULES } from '@cxspec/model';
import type { DiagnosticCase } from './support/diagnostic-case.js';
import { SPEC_CASES } from './cases/spec-cases.js';
import { LIMIT_CASES } from './cases/limit-cases.js';
import { LOCALE_CASES } from './cases/locale-cases.js';
import { JOURNEY_CASES } from './cases/journey-cases.js';
import { SURVEY_CASES } from './cases/survey-cases.js';
import { LOGIC_CASES } from './cases/logic-cases.js';
import { METRIC_CASES } from './cases/metric-cases.js';
import { PROGRAM_CASES } from './cases/program-cases.js';
import { PIPING_CASES } from './cases/piping-cases.js';
import { CHOICE_CASES } from './cases/choice-cases.js';
import { TEXT_ANSWER_CASES } from './cases/text-answer-cases.js';

const ALL_CASES: DiagnosticCase[] = [...SPEC_CASES, ...LIMIT_CASES, ...LOCALE_CASES, ...JOURNEY_CASES, ...SURVEY_CASES, ...LOGIC_CASES, ...METRIC_CASES, ...PROGRAM_CASES, ...PIPING_CASES, ...CHOICE_CASES, ...TEXT_ANSWER_CASES];
const LINE = /^[^:]+:\d+:\d+ (error|warning|info|hint) (CX\d{3}) /;

describe('diagnostic codes', () => {
    it('every rule has a case that reports it, at the rule severity', () => {
        const reported = new Map<string, Set<string>>();
        for (const c of ALL_CASES) {
            expect(c.expected.map(line => LINE.exec(line)?.[2]), `${c.code} ${c.title}`).toContain(c.code);
            for (const line of c.expected) {
                const [, severity, code] = LINE.exec(line) ?? [];
                reported.set(code, (reported.get(code) ?? new Set()).add(severity));
            }
        }
        for (const rule of DIAGNOSTIC_RULES) {
            expect([...(reported.get(rule.code) ?? [])], rule.code).toEqual([rule.severity]);
        }
        expect([...reported.keys()].filter(code => !DIAGNOSTIC_RULES.some(r => r.code === code))).toEqual([]);
    });

    it('codes are unique, ordered and named in kebab case', () => {
        const codes = DIAGNOSTIC_RULES.map(r => r.code);
        expect(codes).toEqual([...new Set(codes)].sort());
        for (const rule of DIAGNOSTIC_RULES) {
            expect(rule.code).toMatch(/^CX\d{3}$/);
            expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
            expect(rule.help).toMatch(/^[A-Z].*\.$/);
        }
    });

    it('docs/language.md lists every rule exactly as DIAGNOSTIC_RULES defines it', () => {
        const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/language.md'), 'utf8');
        const rows = doc.split('\n').filter(line => /^\| `CX\d{3}` \|/.test(line));
        const expected = DIAGNOSTIC_RULES.map(r => `| \`${r.code}\` | ${r.severity} | ${r.name} | ${r.help.replace(/\|/g, '\\|')} |`);
        expect(rows, 'regenerate the table with `npx node scripts/diagnostics-table.mjs`, then paste it into docs/language.md').toEqual(expected);
    });
});
