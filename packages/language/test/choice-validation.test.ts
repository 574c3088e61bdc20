import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { CHOICE_CASES } from './cases/choice-cases.js';

describeDiagnosticCases('Other and None options, drop-downs, selection bounds and random order', CHOICE_CASES);
