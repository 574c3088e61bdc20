import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { SURVEY_CASES } from './cases/survey-cases.js';

describeDiagnosticCases('Survey validation', SURVEY_CASES);
