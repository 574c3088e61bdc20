/**
 * The shipped TextMate grammar, tokenized by vscode-textmate with the Oniguruma engine VS Code
 * uses: names, numbers, strings, durations, percentages and locale codes each get their scope.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
// @ts-expect-error plain JS build script without type declarations
import { buildGrammar, OUTPUT } from '../../../scripts/build-grammar.mjs';

let grammar: textmate.IGrammar;

beforeAll(async () => {
    const require = createRequire(import.meta.url);
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({ createOnigScanner: p => new oniguruma.OnigScanner(p), createOnigString: s => new oniguruma.OnigString(s) }),
        loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(OUTPUT as string, 'utf8'), OUTPUT as string)
    });
    grammar = (await registry.loadGrammar('source.cxspec'))!;
});

/** The line's tokens as [text, most specific scope], neighbours with the same scope joined, blanks dropped. */
function tokens(line: string): Array<[string, string]> {
    const joined: Array<[string, string]> = [];
    for (const t of grammar.tokenizeLine(line, textmate.INITIAL).tokens) {
        const scope = t.scopes[t.scopes.length - 1];
        const text = line.slice(t.startIndex, t.endIndex);
        const last = joined[joined.length - 1];
        if (last && last[1] === scope) last[0] += text;
        else joined.push([text, scope]);
    }
    return joined.map(([text, scope]) => [text.trim(), scope] as [string, string]).filter(([text]) => text !== '');
}

describe('syntaxes/cxspec.tmLanguage.json', () => {
    it('is what scripts/build-grammar.mjs makes of the generated grammar and the hand-written patterns', () => {
        expect(fs.readFileSync(OUTPUT as string, 'utf8')).toBe((buildGrammar as () => string)());
    });

    it('colours declared names and question kinds', () => {
        expect(tokens('journey MobileOrder {')).toEqual([
            ['journey', 'keyword.control.cxspec'], ['MobileOrder', 'entity.name.type.cxspec'], ['{', 'source.cxspec']
        ]);
        expect(tokens('  question recommend: nps required {')).toEqual([
            ['question', 'keyword.control.cxspec'], ['recommend', 'entity.name.function.cxspec'], [':', 'punctuation.separator.cxspec'],
            ['nps', 'support.type.question-kind.cxspec'], ['required', 'keyword.control.cxspec'], ['{', 'source.cxspec']
        ]);
    });

    it('colours durations, percentages and numbers', () => {
        expect(tokens('trigger after PickupShelf delay 2h sample 20% quarantine 30d expect 1600 per month')).toEqual([
            ['trigger', 'keyword.control.cxspec'], ['after', 'keyword.control.cxspec'], ['PickupShelf', 'entity.name.type.cxspec'],
            ['delay', 'keyword.control.cxspec'], ['2h', 'constant.numeric.duration.cxspec'],
            ['sample', 'keyword.control.cxspec'], ['20%', 'constant.numeric.percentage.cxspec'],
            ['quarantine', 'keyword.control.cxspec'], ['30d', 'constant.numeric.duration.cxspec'],
            ['expect', 'keyword.control.cxspec'], ['1600', 'constant.numeric.cxspec'],
            ['per', 'keyword.control.cxspec'], ['month', 'keyword.control.cxspec']
        ]);
        expect(tokens('} = nps(AfterPickup.recommend) target >= -10 warn 2.5')).toEqual([
            ['}', 'source.cxspec'], ['=', 'keyword.operator.cxspec'], ['nps', 'keyword.control.cxspec'], ['(', 'source.cxspec'],
            ['AfterPickup', 'entity.name.type.cxspec'], ['.', 'punctuation.accessor.cxspec'], ['recommend', 'variable.other.member.cxspec'],
            [')', 'source.cxspec'], ['target', 'keyword.control.cxspec'], ['>=', 'keyword.operator.cxspec'],
            ['-10', 'constant.numeric.cxspec'], ['warn', 'keyword.control.cxspec'], ['2.5', 'constant.numeric.cxspec']
        ]);
    });

    it('colours locale codes and strings, and leaves numbers inside strings alone', () => {
        expect(tokens('  locales ja default, en-US')).toEqual([
            ['locales', 'keyword.control.cxspec'], ['ja', 'constant.language.locale.cxspec'], ['default', 'keyword.control.cxspec'],
            [',', 'punctuation.separator.cxspec'], ['en-US', 'constant.language.locale.cxspec']
        ]);
        expect(tokens('low { ja "まったく 0 点" en "Not at all" }')).toEqual([
            ['low', 'keyword.control.cxspec'], ['{', 'source.cxspec'], ['ja', 'constant.language.locale.cxspec'],
            ['"まったく 0 点"', 'string.quoted.double.cxspec'], ['en', 'constant.language.locale.cxspec'],
            ['"Not at all"', 'string.quoted.double.cxspec'], ['}', 'source.cxspec']
        ]);
        expect(tokens('// 20% of 2h')).toEqual([['// 20% of 2h', 'comment.line.cxspec']]);
    });
});
