import { describeDiagnosticCases } from './support/diagnostic-case.js';
import { METRIC_CASES } from './cases/metric-cases.js';

describeDiagnosticCases('Segment, dataset, metric and driver validation', METRIC_CASES);
