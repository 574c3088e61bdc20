/** `check --format github`: GitHub Actions workflow commands, escaped as the runner parses them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '@cxspec/language';
import { checkReport, escapeData, escapeProperty, formatCheckGithub, githubAnnotation } from '@cxspec/review';
import { FIXTURES } from './support.js';

describe('github workflow-command annotations', () => {
    it('prints one exact command per diagnostic', async () => {
        const workspace = await loadWorkspace([path.join(FIXTURES, 'check')], { root: FIXTURES });
        expect(formatCheckGithub(checkReport(workspace, FIXTURES)).split('\n')).toEqual([
            "::warning file=check/broken.cx,line=6,col=8,endLine=6,endColumn=16,title=CX102::The survey title 'Feedback' has no 'en' text; add `en \"...\"` or respondents in 'en' see the default text.",
            "::error file=check/broken.cx,line=8,col=17,endLine=8,endColumn=24,title=CX001::Unknown touchpoint 'Nowhere'; declare it in a stage of a journey of this spec, or fix the name.",
            "::error file=check/broken.cx,line=9,col=12,endLine=9,endColumn=21,title=CX101::The question 'recommend' has no text in the default locale 'ja'; add `ja \"...\"`.",
            "::error file=check/broken.cx,line=10,col=43,endLine=10,endColumn=45,title=CX402::NPS question 'recommend' is answered on 0..10, so 11 can never match; use a number in 0..10.",
            "::error file=check/broken.cx,line=16,col=31,endLine=16,endColumn=38,title=CX001::Unknown field 'missing'; name a question of that survey or a column of that dataset."
        ]);
    });

    it('escapes %, CR and LF in messages and additionally : and , in properties', () => {
        expect(escapeData('100%: a,b\r\nc')).toBe('100%25: a,b%0D%0Ac');
        expect(escapeProperty('100%: a,b\r\nc')).toBe('100%25%3A a%2Cb%0D%0Ac');
        expect(githubAnnotation({
            file: 'specs/a,b:c%.cx', line: 3, column: 5, endLine: 4, endColumn: 1, severity: 'info', code: 'CX705',
            message: 'Expecting: one of\n  1. [ID]\nbut found: \'{\' (50% done, ok)'
        })).toBe("::notice file=specs/a%2Cb%3Ac%25.cx,line=3,col=5,endLine=4,endColumn=1,title=CX705::Expecting: one of%0A  1. [ID]%0Abut found: '{' (50%25 done, ok)");
    });

    it('escapes a real file name with , : and % and keeps each syntax error on one line', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-github-'));
        try {
            fs.writeFileSync(path.join(dir, 'odd, name: 1%.cx'), 'spec X {\n  locales en default\n}\nsurvey {\n');
            const workspace = await loadWorkspace([dir], { root: dir });
            const lines = formatCheckGithub(checkReport(workspace, dir)).split('\n');
            const syntax = lines.filter(l => l.includes('title=CX000'));
            expect(syntax.length).toBeGreaterThan(0);
            for (const line of syntax) {
                expect(line).toMatch(/^::error file=odd%2C name%3A 1%25\.cx,line=4,col=\d+,endLine=\d+,endColumn=\d+,title=CX000::[^\r\n]+$/);
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
