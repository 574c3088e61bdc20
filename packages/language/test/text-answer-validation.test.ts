import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { TEXT_ANSWER_CASES } from './cases/text-answer-cases.js';

describeDiagnosticCases('Limits of text answers', TEXT_ANSWER_CASES);
