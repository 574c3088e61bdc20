import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { LOCALE_CASES } from './cases/locale-cases.js';

describeDiagnosticCases('Labels in every locale', LOCALE_CASES);
