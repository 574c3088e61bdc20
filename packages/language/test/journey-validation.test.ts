import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { JOURNEY_CASES } from './cases/journey-cases.js';

describeDiagnosticCases('Journey validation', JOURNEY_CASES);
