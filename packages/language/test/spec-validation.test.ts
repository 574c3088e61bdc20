import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { SPEC_CASES } from './cases/spec-cases.js';

describeDiagnosticCases('Syntax, names and the spec header', SPEC_CASES);
