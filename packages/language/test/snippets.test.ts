/**
 * The snippets the language server offers: each, expanded with its default placeholders in the
 * locales of a spec, parses and validates where it belongs with no locale diagnostics (every
 * declared locale has its text, none other), for Japanese and English, English only, and
 * locales the snippets have no wording for.
 */
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '@cxspec/language';
import { expandSnippet, SNIPPET_TEMPLATES, type SnippetLocales } from '../src/lsp/snippets.js';

/** What the editor inserts when every placeholder is left at its default (the first of a choice). */
function withDefaults(snippet: string): string {
    return snippet
        .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
        .replace(/\$\{\d+:((?:\\.|[^\\}])*)\}/g, (_, value: string) => value.replace(/\\(.)/g, '$1'))
        .replace(/\$\d+/g, '');
}

const header = (l: SnippetLocales) => `spec Snip {\n  locales ${l.locales.map(c => (c === l.defaultLocale ? `${c} default` : c)).join(', ')}\n}\n`;

/** A spec around the snippet, with the declarations its defaults refer to. */
function inContext(label: string, text: string, l: SnippetLocales): string {
    if (label === 'spec') return text.replace('spec Name', 'spec Snip');
    const journey = 'journey J { stage S { touchpoint Touchpoint channel web } }\n';
    if (label === 'stage') return `${header(l)}journey J {\n${text}\n}\n`;
    if (label === 'touchpoint') return `${header(l)}journey J {\n stage S {\n${text}\n }\n}\n`;
    const texts = (t: string) => l.locales.map(c => `${c} "${t}"`).join(' ');
    // The NPS snippet declares `recommend` itself; the text snippet's logic reads it.
    if (label.startsWith('question')) {
        return `${header(l)}${journey}survey Q { ${texts('Q')}\n${label === 'question nps' ? '' : `  question recommend: nps { ${texts('R')} }\n`}${text}\n}\n`;
    }
    if (label === 'journey') return `${header(l)}${text}\n`;
    if (label === 'metric' || label === 'drivers' || label === 'segment') {
        return `${header(l)}${journey}survey Survey { ${l.locales.map(c => `${c} "S"`).join(' ')}\n  question recommend: nps { ${l.locales.map(c => `${c} "R"`).join(' ')} }\n`
            + `  question driver: csat { ${l.locales.map(c => `${c} "D"`).join(' ')} }\n  question visit_reason: choice { ${l.locales.map(c => `${c} "V"`).join(' ')}\n`
            + `    option commute { ${l.locales.map(c => `${c} "C"`).join(' ')} } option other { ${l.locales.map(c => `${c} "O"`).join(' ')} } }\n}\n${text}\n`;
    }
    return `${header(l)}${journey}${text}\n`;
}

const LOCALE_SETS: SnippetLocales[] = [
    { locales: ['ja', 'en'], defaultLocale: 'ja' },
    { locales: ['en'], defaultLocale: 'en' },
    { locales: ['en', 'fr', 'de'], defaultLocale: 'en' }
];

describe('snippets served by the language server', () => {
    it('cover the spec, a journey, a survey, every question kind, a metric, a segment, a dataset and drivers', () => {
        expect(SNIPPET_TEMPLATES.map(t => t.label)).toEqual([
            'spec', 'journey', 'stage', 'touchpoint', 'survey',
            'question nps', 'question csat', 'question ces', 'question rating', 'question choice', 'question multichoice',
            'question boolean', 'question text', 'question matrix', 'question ranking', 'question number',
            'metric', 'segment', 'dataset', 'drivers'
        ]);
    });

    it('write one text per declared locale, numbering the tab stops in reading order', () => {
        const nps = SNIPPET_TEMPLATES.find(t => t.label === 'question nps')!;
        expect(expandSnippet(nps, { locales: ['en', 'fr'], defaultLocale: 'en' }, '  ')).toBe([
            'question ${1:recommend}: nps about ${2:Touchpoint} required {',
            '    en "${3:How likely are you to recommend us to a friend or colleague?}"',
            '    fr "${4:How likely are you to recommend us to a friend or colleague?}"',
            '    low { en "${5:Not at all likely}" fr "${6:Not at all likely}" }',
            '    high { en "${7:Extremely likely}" fr "${8:Extremely likely}" }',
            '  }'
        ].join('\n'));
        expect(expandSnippet(nps, { locales: ['ja', 'en'], defaultLocale: 'ja' })).toContain('ja "${3:友人や同僚に薦める可能性はどのくらいありますか?}"\n  en "${4:How likely');
    });

    for (const locales of LOCALE_SETS) {
        it(`expand to specs that parse and validate without locale problems in ${locales.locales.join(', ')}`, async () => {
            const sources = SNIPPET_TEMPLATES.map((t, i) => ({
                uri: URI.file(`/snippets/${i}.cx`),
                text: inContext(t.label, withDefaults(expandSnippet(t, locales)), locales).replace(/spec Snip\b/, `spec Snip${i}`)
            }));
            const workspace = await buildWorkspace(sources, { root: '/snippets' });
            const problems = workspace.diagnostics
                .filter(d => d.severity === 'error' || /^CX1\d\d$/.test(String(d.code)))
                .map(d => `${SNIPPET_TEMPLATES[Number(/(\d+)\.cx$/.exec(d.file)![1])].label}: ${d.code} ${d.message}`);
            expect(problems).toEqual([]);
        });
    }
});
