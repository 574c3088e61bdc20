import type { ValidationAcceptor } from 'langium';
import { isQuestion, type DriverAnalysis } from '../generated/ast.js';
import type { QuestionKind } from '@cxspec/model';
import { NUMERIC_KINDS } from '@cxspec/model';
import { resolveFieldTarget } from '../references/field-resolution.js';
import { report } from './validation-utils.js';

export class DriverValidator {
    checkDrivers(analysis: DriverAnalysis, accept: ValidationAcceptor): void {
        const outcome = resolveFieldTarget(analysis.outcome);
        // A question left without a kind by its file's syntax errors is judged once they are fixed.
        if (!outcome || (isQuestion(outcome) && !outcome.kind)) return;
        if (!isQuestion(outcome) || !NUMERIC_KINDS.has(outcome.kind as QuestionKind)) {
            report(accept, 'CX801', `The outcome of driver analysis '${analysis.name}' must be a scaled question (nps, csat, ces, rating) written \`Survey.question\`.`, analysis, { property: 'outcome' });
            return;
        }
        const seen = new Set<string>();
        analysis.drivers.forEach((ref, index) => {
            const driver = ref.ref;
            if (!driver || !driver.kind) return;
            if (driver === outcome || seen.has(driver.name)) {
                report(accept, 'CX802', driver === outcome
                    ? `'${driver.name}' is the outcome of '${analysis.name}' and cannot also drive it; remove it from the drivers.`
                    : `Driver '${driver.name}' is listed twice in '${analysis.name}'; remove one.`, analysis, { property: 'drivers', index });
            } else if (!NUMERIC_KINDS.has(driver.kind as QuestionKind)) {
                report(accept, 'CX801', `Driver '${driver.name}' is a ${driver.kind} question; drivers are scaled ratings (csat, ces, rating, nps).`, analysis, { property: 'drivers', index });
            }
            seen.add(driver.name);
        });
    }
}
