import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { LOGIC_CASES } from './cases/logic-cases.js';

describeDiagnosticCases('Display logic and condition validation', LOGIC_CASES);
