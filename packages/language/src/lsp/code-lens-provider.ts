import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isDocument, isJourney, isSurvey } from '../generated/ast.js';
import { guarded } from './guard.js';
import { PreviewJourneyCommand, PreviewSurveyCommand, type PreviewCommandArgs } from '../protocol.js';

/** "Preview survey" above each survey and "Preview journey" above each journey. */
export class CxSpecCodeLensProvider implements CodeLensProvider {
    provideCodeLens(document: LangiumDocument, _params: CodeLensParams, _cancelToken?: CancellationToken): MaybePromise<CodeLens[]> {
        return guarded('code lenses', () => {
            const root = document.parseResult.value;
            if (!isDocument(root)) return [];
            const lenses: CodeLens[] = [];
            for (const element of root.elements) {
                const range = element.$cstNode?.range;
                if (!range || !element.name) continue;
                const args: PreviewCommandArgs = { uri: document.uri.toString(), name: element.name };
                const lensRange = { start: range.start, end: range.start };
                if (isSurvey(element)) {
                    lenses.push({ range: lensRange, command: { title: 'Preview survey', command: PreviewSurveyCommand, arguments: [args] } });
                } else if (isJourney(element)) {
                    lenses.push({ range: lensRange, command: { title: 'Preview journey', command: PreviewJourneyCommand, arguments: [args] } });
                }
            }
            return lenses;
        });
    }
}
