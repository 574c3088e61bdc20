/**
 * The journey map of a spec as a Mermaid `flowchart LR`: one subgraph per journey, one nested
 * subgraph per stage, touchpoints in order joined by arrows. Code hosts render it in comments.
 */
import type { CxModel } from '@cxspec/model';

export interface MermaidHighlights {
    added: ReadonlySet<string>;
    moved: ReadonlySet<string>;
}

const NO_HIGHLIGHTS: MermaidHighlights = { added: new Set(), moved: new Set() };

export function journeyFlowchart(model: CxModel, highlights: MermaidHighlights = NO_HIGHLIGHTS): string {
    const locale = model.spec.defaultLocale;
    const lines = ['flowchart LR'];
    for (const journey of model.journeys) {
        lines.push(`  subgraph ${journeyId(journey.name)}[${mermaidLabel(journey.title[locale] ?? journey.name)}]`, '    direction LR');
        for (const stage of journey.stages) {
            const id = stageId(journey.name, stage.name);
            lines.push(`    subgraph ${id}[${mermaidLabel(stage.title[locale] ?? stage.name)}]`);
            if (stage.touchpoints.length === 0) lines.push(`      ${id}_empty[${mermaidLabel('(no touchpoints)')}]`);
            for (const tp of stage.touchpoints) {
                lines.push(`      ${touchpointId(tp.name)}[${mermaidLabel(`${tp.title[locale] ?? tp.name}\n${tp.channel}`)}]`);
            }
            lines.push('    end');
        }
        lines.push('  end');
        const path = journey.stages.flatMap(s => s.touchpoints.map(t => touchpointId(t.name)));
        for (let i = 1; i < path.length; i++) lines.push(`  ${path[i - 1]} --> ${path[i]}`);
    }
    const all = new Set(model.journeys.flatMap(j => j.stages.flatMap(s => s.touchpoints.map(t => t.name))));
    const mark = (names: ReadonlySet<string>, cls: string, style: string) => {
        const ids = [...names].filter(n => all.has(n)).map(touchpointId);
        if (ids.length > 0) lines.push(`  classDef ${cls} ${style}`, `  class ${ids.join(',')} ${cls}`);
    };
    mark(highlights.added, 'added', 'fill:#dafbe1,stroke:#1a7f37');
    mark(highlights.moved, 'moved', 'fill:#fff8c5,stroke:#9a6700');
    return lines.join('\n');
}

// Ids get a prefix because spec names may be Mermaid keywords (`end` is a legal CXSpec name).
const journeyId = (journey: string) => `j_${journey}`;
const stageId = (journey: string, stage: string) => `s_${journey}_${stage}`;
const touchpointId = (touchpoint: string) => `t_${touchpoint}`;

const ENTITIES: Record<string, string> = { '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '`': '#96;' };

/**
 * A quoted node label. Mermaid reads `#name;` / `#code;` as entities inside labels, so every
 * character that could end the string, start markup or an entity is written as one; line breaks
 * become `<br/>` (the only markup emitted).
 */
export function mermaidLabel(text: string): string {
    const escaped = text
        .split(/\r\n|\r|\n/)
        .map(line => line.replace(/[#"<>&`]/g, ch => ENTITIES[ch]))
        .join('<br/>');
    return `"${escaped}"`;
}
