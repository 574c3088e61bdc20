import { DefaultLinker, type LinkingError, type ReferenceInfo, type AstNodeDescription } from 'langium';

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

/** Unresolved references say what kind of thing was expected and how to fix them. */
export class CxSpecLinker extends DefaultLinker {
    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const type = this.reflection.getReferenceType(refInfo);
        const noun = type === 'Referable' || type === 'Field' ? 'field' : type === 'ValueSymbol' ? 'option' : type.toLowerCase();
        return {
            info: refInfo,
            message: `Unknown ${noun} '${refInfo.reference.$refText}'; ${KIND_HINTS[type] ?? 'fix the name'}.`,
            targetDescription
        };
    }
}
