import { DefaultLinker, type LinkingError, type ReferenceInfo, type AstNodeDescription, type ScopeProvider } from 'langium';
import { didYouMean, spellingSuggestions } from './spelling.js';

const KIND_HINTS: Record<string, string> = {
    Touchpoint: 'declare it in a stage of a journey of this spec, or fix the name',
    Question: 'declare the question in the survey, or fix the name',
    Segment: 'declare it with `segment`, or fix the name',
    Dataset: 'declare it with `dataset`, or fix the name',
    Column: 'declare it with `column` in the dataset, or fix the name',
    Referable: 'name a question of this survey, or a `Survey.question` / `Dataset.column`',
    Field: 'name a question of that survey or a column of that dataset',
    Source: 'name a survey or a dataset of this spec',
    ValueSymbol: 'use one of the option ids of the question (or values of the column) compared'
};

/**
 * Unresolved references say what kind of thing was expected and how to fix them, and name the
 * closest names in the reference's own scope (so only names of the right kind, in the right
 * survey or spec) when the reference looks like a misspelling of one.
 */
export class CxSpecLinker extends DefaultLinker {
    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const type = this.reflection.getReferenceType(refInfo);
        const noun = type === 'Referable' || type === 'Field' ? 'field' : type === 'ValueSymbol' ? 'option' : type.toLowerCase();
        const refText = refInfo.reference.$refText;
        const suggestions = referenceSuggestions(this.scopeProvider, refInfo);
        const fix = suggestions.length > 0 ? didYouMean(suggestions) : `${KIND_HINTS[type] ?? 'fix the name'}.`;
        return { info: refInfo, message: `Unknown ${noun} '${refText}'; ${fix}`, targetDescription };
    }
}

/** The names in a reference's scope closest to its text; the message and the quick fixes share them. */
export function referenceSuggestions(scopes: ScopeProvider, refInfo: ReferenceInfo): string[] {
    const names = scopes.getScope(refInfo).getAllElements().map(d => d.name);
    return spellingSuggestions(refInfo.reference.$refText, names);
}
