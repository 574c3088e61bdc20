import { type LangiumDocuments, type ValidationAcceptor, type IndexManager, type AstNodeLocator } from 'langium';
import { isQuestion, type Journey, type Stage, type Touchpoint } from '../generated/ast.js';
import { KNOWN_CHANNELS } from '../model/question-facts.js';
import { report, reportDuplicates } from './validation-utils.js';

export class JourneyValidator {
    constructor(
        private readonly index: IndexManager,
        private readonly documents: LangiumDocuments,
        private readonly locator: AstNodeLocator
    ) {}

    checkJourney(journey: Journey, accept: ValidationAcceptor): void {
        reportDuplicates(accept, journey.stages, 'stage', `journey '${journey.name}'`);
    }

    checkStage(stage: Stage, accept: ValidationAcceptor): void {
        if (stage.touchpoints.length === 0) {
            report(accept, 'CX203', `Stage '${stage.name}' has no touchpoints; add \`touchpoint Name channel web\` or remove the stage.`, stage, { property: 'name' });
        }
    }

    checkTouchpoint(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        if (touchpoint.channel && !KNOWN_CHANNELS.includes(touchpoint.channel)) {
            report(accept, 'CX201', `Unknown channel '${touchpoint.channel}' on touchpoint '${touchpoint.name}'; use one of ${KNOWN_CHANNELS.join(', ')}.`, touchpoint, { property: 'channel' });
        }
        if (!this.isMeasured(touchpoint)) {
            report(accept, 'CX202', `No question measures touchpoint '${touchpoint.name}' (coverage gap); add a question with \`about ${touchpoint.name}\` to a survey.`, touchpoint, { property: 'name' });
        }
    }

    /** A touchpoint is measured when some question of any file says `about` it. */
    private isMeasured(touchpoint: Touchpoint): boolean {
        const path = this.locator.getAstNodePath(touchpoint);
        for (const ref of this.index.findAllReferences(touchpoint, path)) {
            const doc = this.documents.getDocument(ref.sourceUri);
            if (!doc) continue;
            const source = this.locator.getAstNode(doc.parseResult.value, ref.sourcePath);
            if (isQuestion(source)) return true;
        }
        return false;
    }
}
