import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { PROGRAM_CASES } from './cases/program-cases.js';

describeDiagnosticCases('Contact rules, sampling salt and priorities', PROGRAM_CASES);
