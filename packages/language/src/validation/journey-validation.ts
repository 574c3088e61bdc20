import { AstUtils, WorkspaceCache, type LangiumSharedCoreServices, type ValidationAcceptor } from 'langium';
import type { Document, Journey, Stage, Touchpoint } from '../generated/ast.js';
import type { SpecMembership } from '../references/spec-membership.js';
import { KNOWN_CHANNELS } from '@cxspec/model';
import { didYouMean, spellingSuggestions } from '../references/spelling.js';
import { report, reportDuplicates } from './validation-utils.js';

export class JourneyValidator {
    private readonly measured: WorkspaceCache<string, Set<string>>;

    constructor(private readonly membership: SpecMembership, shared: LangiumSharedCoreServices) {
        this.measured = new WorkspaceCache(shared);
    }

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
            const suggestions = spellingSuggestions(touchpoint.channel, KNOWN_CHANNELS);
            const fix = suggestions.length > 0 ? `${didYouMean(suggestions)} The channels are` : 'use one of';
            report(accept, 'CX201', `Unknown channel '${touchpoint.channel}' on touchpoint '${touchpoint.name}'; ${fix} ${KNOWN_CHANNELS.join(', ')}.`, touchpoint, { property: 'channel' }, { suggestions });
        }
        const measured = this.isMeasured(touchpoint);
        if (measured && touchpoint.notMeasured !== undefined) {
            report(accept, 'CX204', `Touchpoint '${touchpoint.name}' is marked \`not measured\`, but a question is \`about\` it; remove \`not measured\` or the question's \`about\`.`, touchpoint, { property: 'notMeasured' });
        }
        // A touchpoint left out on purpose, with its reason, is a decision rather than a gap.
        if (!measured && touchpoint.notMeasured === undefined) {
            report(accept, 'CX202', `No question measures touchpoint '${touchpoint.name}' (coverage gap); add a question with \`about ${touchpoint.name}\` to a survey, or mark it \`not measured "why"\` when that is deliberate.`, touchpoint, { property: 'name' });
        }
    }

    /**
     * A touchpoint is measured when some question in any file of its spec says `about` it. By
     * name, so a duplicate touchpoint gets its CX002 error without a coverage warning too. The
     * set is collected once per spec and build: asking the reference index per touchpoint scans
     * every reference each time, which grows with the square of the workspace.
     */
    private isMeasured(touchpoint: Touchpoint): boolean {
        const spec = (AstUtils.findRootNode(touchpoint) as Document).name;
        return this.measured.get(spec, () => {
            const touchpoints = new Set<string>();
            for (const root of this.membership.documentsOf(spec)) {
                for (const element of root.elements) {
                    if (element.$type !== 'Survey') continue;
                    for (const question of element.questions) {
                        const about = question.about?.ref;
                        if (about) touchpoints.add(about.name);
                    }
                }
            }
            return touchpoints;
        }).has(touchpoint.name);
    }
}
