/**
 * Scores for the journey map, read from the JSON that `cxspec score --format json` writes: each
 * metric's value and verdict. Only those fields are read, so the preview does not depend on the
 * metrics package; anything else in the file is ignored.
 */
export type ScoreVerdict = 'met' | 'missed' | 'inconclusive' | 'insufficient';

export interface MetricScore {
    /** The value in its unit, as the report prints it (`27.4 pts`, `84.1%`); `–` without one. */
    value: string;
    verdict: ScoreVerdict | null;
}

export type PreviewResults = Record<string, MetricScore>;

export class ResultsError extends Error {}

const VERDICTS: readonly (ScoreVerdict | null)[] = ['met', 'missed', 'inconclusive', 'insufficient', null];

/** The metric scores of a result file's parsed JSON; a clear error when it is not such a file. */
export function readResults(json: unknown): PreviewResults {
    const metrics = (json as { metrics?: unknown } | null)?.metrics;
    if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) {
        throw new ResultsError('it has no "metrics" object; pass the JSON that `cxspec score --format json` writes');
    }
    const out: PreviewResults = {};
    for (const [name, m] of Object.entries(metrics as Record<string, unknown>)) {
        const { value, unit, verdict } = (m ?? {}) as { value?: unknown; unit?: unknown; verdict?: unknown };
        if ((value !== null && typeof value !== 'number') || typeof unit !== 'string' || !VERDICTS.includes(verdict as ScoreVerdict | null)) {
            throw new ResultsError(`metric "${name}" has no number value, unit and verdict`);
        }
        out[name] = { value: valueText(value, unit), verdict: verdict as ScoreVerdict | null };
    }
    return out;
}

function valueText(value: number | null, unit: string): string {
    if (value === null) return '–';
    switch (unit) {
        case 'points': return `${value.toFixed(1)} pts`;
        case 'percent': return `${value.toFixed(1)}%`;
        case 'scale': return value.toFixed(2);
        default: return Math.abs(value) >= 1000 ? String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : value.toFixed(2);
    }
}

/** Missed first, then inconclusive, insufficient, met: the map shows a touchpoint's worst news. */
const SEVERITY: Record<ScoreVerdict, number> = { missed: 3, inconclusive: 2, insufficient: 1, met: 0 };

export function worstVerdict(verdicts: (ScoreVerdict | null)[]): ScoreVerdict | null {
    let worst: ScoreVerdict | null = null;
    for (const v of verdicts) if (v !== null && (worst === null || SEVERITY[v] > SEVERITY[worst])) worst = v;
    return worst;
}
