import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { PIPING_CASES } from './cases/piping-cases.js';

describeDiagnosticCases('Piping answers into texts', PIPING_CASES);
