/** `cxspec check` end to end: formats, counts on stderr, exit codes 0/1/2. */
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const BROKEN = 'packages/review/test/fixtures/check/broken.cx';

describe('cxspec check', () => {
    it('exits 0 and prints nothing but the count for the clean examples', () => {
        const run = runCli(['check', 'examples']);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^\d+ file\(s\), 5 spec\(s\): 0 error\(s\), 0 warning\(s\)\n$/);
        expect(run.code).toBe(0);
    });

    it('prints the validate lines in text format and exits 1 on errors', () => {
        const run = runCli(['check', BROKEN]);
        expect(run.stdout.split('\n').filter(Boolean).map(l => l.split(' ').slice(0, 3).join(' '))).toEqual([
            `${BROKEN}:6:8 warning CX102`, `${BROKEN}:8:17 error CX001`, `${BROKEN}:9:12 error CX101`, `${BROKEN}:10:43 error CX402`, `${BROKEN}:16:31 error CX001`
        ]);
        expect(run.stderr).toBe('1 file(s), 1 spec(s): 4 error(s), 1 warning(s)\n');
        expect(run.code).toBe(1);
    });

    it('writes SARIF with paths relative to the current folder', () => {
        const run = runCli(['check', BROKEN, 'examples/coffee-mobile-order', '--format', 'sarif']);
        const log = JSON.parse(run.stdout);
        expect(log.version).toBe('2.1.0');
        expect(log.runs[0].tool.driver).toMatchObject({ name: 'cxspec', version: '0.1.0' });
        expect(log.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
            r.locations[0].physicalLocation.artifactLocation.uri)).toEqual(Array(5).fill(BROKEN));
        expect(log.runs[0].artifacts).toHaveLength(5);
        expect(run.code).toBe(1);
    });

    it('writes GitHub annotations and JSON', () => {
        const github = runCli(['check', BROKEN, '--format', 'github']);
        expect(github.stdout.split('\n').filter(Boolean).map(l => l.slice(0, l.indexOf('::', 2)))).toEqual([
            `::warning file=${BROKEN},line=6,col=8,endLine=6,endColumn=16,title=CX102`,
            `::error file=${BROKEN},line=8,col=17,endLine=8,endColumn=24,title=CX001`,
            `::error file=${BROKEN},line=9,col=12,endLine=9,endColumn=21,title=CX101`,
            `::error file=${BROKEN},line=10,col=43,endLine=10,endColumn=45,title=CX402`,
            `::error file=${BROKEN},line=16,col=31,endLine=16,endColumn=38,title=CX001`
        ]);
        expect(github.code).toBe(1);
        const json = runCli(['check', BROKEN, '--format', 'json']);
        expect(JSON.parse(json.stdout).summary).toEqual({ errors: 4, warnings: 1, infos: 0, hints: 0 });
        expect(json.code).toBe(1);
    });

    it('exits 2 with a clear message on an unknown format or a missing file', () => {
        const format = runCli(['check', 'examples', '--format', 'xml']);
        expect(format.code).toBe(2);
        expect(format.stderr).toMatch(/^cxspec check: unknown format 'xml' \(use text, json, sarif, github\)\n\nUsage: cxspec check/);
        const missing = runCli(['check', 'no/such.cx']);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toBe('cxspec check: no/such.cx: no such file or folder\n');
        expect(missing.stdout).toBe('');
    });
});
