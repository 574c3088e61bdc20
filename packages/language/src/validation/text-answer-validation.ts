/**
 * The limits of a text answer (`max`, `format`, `pattern`, CX308): only text questions take them,
 * a length is at least 1, and a pattern is a regular expression the survey, the response schema
 * and `score` can all run (ECMAScript with the `u` flag, as JSON Schema reads it).
 */
import { GrammarUtils, type ValidationAcceptor } from 'langium';
import type { Question } from '../generated/ast.js';
import { report } from './validation-utils.js';

export class TextAnswerValidator {
    checkQuestion(question: Question, accept: ValidationAcceptor): void {
        if (question.kind !== 'text') {
            for (const [property, keyword] of [['maxLength', 'max'], ['format', 'format'], ['pattern', 'pattern']] as const) {
                if (question[property] !== undefined) {
                    report(accept, 'CX308', `\`${keyword}\` limits a text answer, and '${question.name}' is ${question.kind}; remove it or make it \`text\`.`, question, { keyword });
                }
            }
            return;
        }
        for (const keyword of ['max', 'format', 'pattern']) {
            const written = GrammarUtils.findNodesForKeyword(question.$cstNode, keyword);
            // A second one would silently replace the first.
            if (written.length > 1) {
                report(accept, 'CX308', `Question '${question.name}' gives \`${keyword}\` ${written.length} times; keep one.`, question, { keyword, index: 1 });
            }
        }
        if (question.maxLength !== undefined && question.maxLength < 1) {
            report(accept, 'CX308', `\`max ${question.maxLength}\` leaves no room for an answer to '${question.name}'; give at least 1 character.`, question, { property: 'maxLength' });
        }
        if (question.pattern !== undefined) {
            try {
                new RegExp(question.pattern, 'u');
            } catch (error) {
                const why = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
                report(accept, 'CX308', `Pattern of question '${question.name}' is not a regular expression: ${why}; write backslashes doubled (\`"\\\\d+"\` for digits).`, question, { property: 'pattern' });
            }
        }
    }
}
