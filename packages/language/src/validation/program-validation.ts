import type { ValidationAcceptor } from 'langium';
import type { ContactRules, SpecHeader, Survey } from '../generated/ast.js';
import type { SpecMembership } from '../references/spec-membership.js';
import { report } from './validation-utils.js';

const UNIT_SECONDS: Record<string, number> = { min: 60, h: 3600, d: 86400, w: 604800 };

/** Seconds of a DURATION token (`30d`), or undefined in a tree recovered from a syntax error. */
function seconds(text: string | undefined): number | undefined {
    const match = /^(\d+)(min|h|d|w)$/.exec(text ?? '');
    return match ? Number(match[1]) * UNIT_SECONDS[match[2]] : undefined;
}

/** How the program applies the spec (`cxspec invite`): contact rules, the sampling salt, priorities. */
export class ProgramValidator {
    constructor(private readonly membership: SpecMembership) {}

    checkContactRules(rules: ContactRules, accept: ValidationAcceptor): void {
        const windows = new Map<number, number>();
        rules.rules.forEach((rule, index) => {
            const window = seconds(rule.window);
            if (rule.count < 1) {
                report(accept, 'CX901', `Contact rule 'at most ${rule.count} per ${rule.window}' lets no invitation through; allow at least 1.`, rules, { property: 'rules', index });
            } else if (window !== undefined && window === 0) {
                report(accept, 'CX901', `Contact rule 'at most ${rule.count} per ${rule.window}' has an empty window; give a window of at least 1min.`, rules, { property: 'rules', index });
            } else if (window !== undefined && windows.has(window)) {
                report(accept, 'CX901', `Window ${rule.window} already has a contact rule; keep one rule per window.`, rules, { property: 'rules', index });
            }
            if (window !== undefined && !windows.has(window)) windows.set(window, index);
        });
        rules.rules.forEach((rule, index) => {
            const window = seconds(rule.window);
            if (window === undefined || rule.count < 1 || window === 0 || windows.get(window) !== index) return;
            // A rule is implied by one at least as strict over a window at least as long.
            const stricter = rules.rules.find((other, j) => j !== index && other.count >= 1 && other.count <= rule.count
                && (seconds(other.window) ?? 0) >= window && (other.count < rule.count || (seconds(other.window) ?? 0) > window));
            if (stricter) {
                report(accept, 'CX902', `Contact rule 'at most ${rule.count} per ${rule.window}' never applies: 'at most ${stricter.count} per ${stricter.window}' is at least as strict; remove it or loosen the other.`, rules, { property: 'rules', index });
            }
        });
    }

    checkSalt(header: SpecHeader, accept: ValidationAcceptor): void {
        if (header.salt !== undefined && header.salt.trim() === '') {
            report(accept, 'CX903', 'The sampling salt is empty; write a non-empty text such as `salt "2026-q1"`, or remove `salt` to use the spec name.', header, { property: 'salt' });
        }
    }

    checkPriority(survey: Survey, accept: ValidationAcceptor): void {
        const trigger = survey.trigger;
        if (!trigger || trigger.priority === undefined) return;
        if (trigger.priority < 1) {
            report(accept, 'CX904', `Priority ${trigger.priority} of survey '${survey.name}' is below 1; 1 goes first, write 1 or more.`, trigger, { property: 'priority' });
            return;
        }
        const spec = survey.$container.name;
        const rival = this.membership.documentsOf(spec).flatMap(root => root.elements)
            .find((e): e is Survey => e.$type === 'Survey' && e !== survey && e.trigger?.priority === trigger.priority);
        if (rival) {
            report(accept, 'CX905', `Surveys '${survey.name}' and '${rival.name}' both have priority ${trigger.priority}, so the survey name decides which is sent when they compete; give them different priorities.`, trigger, { property: 'priority' });
        }
    }
}
