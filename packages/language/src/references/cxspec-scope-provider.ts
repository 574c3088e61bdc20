import {
    AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MultiMapScope, WorkspaceCache,
    type AstNode, type ReferenceInfo, type Scope, type LangiumCoreServices
} from 'langium';
import {
    isClvExpr, isComparison, isDriverAnalysis, isFieldRef, isInCondition, isQuestion, isColumn, isSymbolValue,
    type Document
} from '../generated/ast.js';
import type { SpecMembership } from './spec-membership.js';
import { enclosingRate, membersOf, resolveField, resolveFieldTarget } from './field-resolution.js';

export class CxSpecScopeProvider extends DefaultScopeProvider {
    private readonly membership: SpecMembership;
    private readonly specScopes: WorkspaceCache<string, Scope>;

    constructor(services: LangiumCoreServices & { references: { SpecMembership: SpecMembership } }) {
        super(services);
        this.membership = services.references.SpecMembership;
        this.specScopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const container = context.container;
        if (isFieldRef(container) && context.property === 'member') {
            // A syntax error can leave a reference without its head (`nps(.x)`), whatever the types say.
            return this.createScopeForNodes(membersOf(container.head?.ref));
        }
        if (isFieldRef(container) && context.property === 'head') {
            // Inside rate(Source where ...) the source's fields are readable by their plain name.
            const rate = enclosingRate(container);
            if (rate) return this.createScopeForNodes(membersOf(rate.source?.ref), super.getScope(context));
        }
        if (isSymbolValue(container)) {
            // While an id is typed, completion asks with a placeholder value whose container is
            // the value parsed so far (`= w`), so the comparison may sit one level higher.
            // (The generated type of $container does not know about the placeholder.)
            const parent: AstNode = container.$container;
            const predicate = isSymbolValue(parent) ? parent.$container : parent;
            if (isComparison(predicate) || isInCondition(predicate)) {
                const field = resolveField(predicate.field);
                if (isQuestion(field)) return this.createScopeForNodes(field.options);
                if (isColumn(field)) return this.createScopeForNodes(field.values);
            }
            return EMPTY_SCOPE;
        }
        if (isDriverAnalysis(container) && context.property === 'drivers') {
            const outcome = resolveFieldTarget(container.outcome);
            return this.createScopeForNodes(isQuestion(outcome) ? outcome.$container.questions : []);
        }
        if (isClvExpr(container) && context.property === 'value') {
            return this.createScopeForNodes(container.dataset?.ref?.columns ?? []);
        }
        return super.getScope(context);
    }

    /** Global names are those of the files that belong to the same spec. */
    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const root = AstUtils.findRootNode(context.container) as Document;
        return this.specScopes.get(`${root.name}\u0000${referenceType}`, () =>
            new MultiMapScope(this.indexManager.allElements(referenceType, this.membership.urisOf(root.name))));
    }
}
