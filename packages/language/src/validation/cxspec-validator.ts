import { DocumentValidator, DefaultDocumentValidator, type LangiumDocument, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isDocument, type CxSpecAstType, type LocalizedText } from '../generated/ast.js';
import type { SpecMembership } from '../references/spec-membership.js';
import type { CxSpecServices } from '../cxspec-module.js';
import { LocaleValidator } from './locale-validation.js';
import { SpecValidator } from './spec-validation.js';
import { JourneyValidator } from './journey-validation.js';
import { SurveyValidator } from './survey-validation.js';
import { LogicValidator } from './logic-validation.js';
import { MetricValidator } from './metric-validation.js';
import { DriverValidator } from './driver-validation.js';
import { checkConditionText } from './condition-text-validation.js';
import { nestingDiagnostics } from '../parser/nesting-limit.js';
import { ProgramValidator } from './program-validation.js';
import { PipingValidator } from './piping-validation.js';
import { ChoiceValidator } from './choice-validation.js';
import { TextAnswerValidator } from './text-answer-validation.js';

/** Registers every check, grouped by concept, in one place. */
export function registerValidationChecks(services: CxSpecServices): void {
    const registry = services.validation.ValidationRegistry;
    const membership = services.references.SpecMembership;
    const spec = new SpecValidator(membership, services.shared);
    const locales = new LocaleValidator(membership);
    const journeys = new JourneyValidator(membership, services.shared);
    const surveys = new SurveyValidator(membership);
    const logic = new LogicValidator();
    const metrics = new MetricValidator();
    const drivers = new DriverValidator();
    const program = new ProgramValidator(membership);
    const piping = new PipingValidator();
    const choices = new ChoiceValidator();
    const textAnswers = new TextAnswerValidator();
    const texts = (node: { texts: LocalizedText[] } & Parameters<LocaleValidator['checkTexts']>[0], accept: ValidationAcceptor) => locales.checkTexts(node, accept);
    const checks: ValidationChecks<CxSpecAstType> = {
        Document: (n, a) => spec.checkDocument(n, a),
        SpecHeader: [(n, a) => spec.checkHeader(n, a), (n, a) => program.checkSalt(n, a), texts],
        ContactRules: (n, a) => program.checkContactRules(n, a),
        Journey: [(n, a) => journeys.checkJourney(n, a), texts],
        Stage: [(n, a) => journeys.checkStage(n, a), texts],
        Touchpoint: [(n, a) => journeys.checkTouchpoint(n, a), texts],
        Description: texts,
        Survey: [(n, a) => surveys.checkSurvey(n, a), (n, a) => program.checkPriority(n, a), texts],
        Thanks: texts,
        Welcome: texts,
        Page: [(n, a) => logic.checkPageLogic(n, a), texts],
        Group: texts,
        Question: [(n, a) => surveys.checkQuestion(n, a), (n, a) => choices.checkQuestion(n, a), (n, a) => textAnswers.checkQuestion(n, a), (n, a) => logic.checkDisplayLogic(n, a), texts],
        Option: texts,
        MatrixItem: texts,
        ScaleLabel: texts,
        Segment: [(n, a) => metrics.checkSegment(n, a), texts],
        Dataset: [(n, a) => metrics.checkDataset(n, a), texts],
        Metric: [(n, a) => metrics.checkMetric(n, a), texts],
        DriverAnalysis: [(n, a) => drivers.checkDrivers(n, a), texts],
        LocalizedText: (n, a) => piping.checkPiping(n, a),
        StringValue: checkConditionText
    };
    registry.register(checks);
}

/** Parse and linking errors get stable codes too (CX000, CX001), so every diagnostic has one. */
export class CxSpecDocumentValidator extends DefaultDocumentValidator {
    private readonly membership: SpecMembership;

    constructor(services: CxSpecServices) {
        super(services);
        this.membership = services.references.SpecMembership;
    }

    /**
     * A file that does not parse is checked no further: checks on the recovered, partial tree only
     * report follow-on noise such as names that are missing because the parser skipped them.
     */
    override async validateDocument(...[document, options = {}, cancelToken]: Parameters<DefaultDocumentValidator['validateDocument']>): Promise<Diagnostic[]> {
        // Langium's own `stopAfterParsingErrors` looks for its parse-error code, which CX000 replaces.
        if (document.parseResult.parserErrors.length === 0) return super.validateDocument(document, options, cancelToken);
        if (options.categories && !options.categories.includes('built-in')) return [];
        const diagnostics: Diagnostic[] = [];
        this.processLexingErrors(document.parseResult, diagnostics, options);
        this.processParsingErrors(document.parseResult, diagnostics, options);
        return firstPerLine(diagnostics);
    }

    protected override processLexingErrors(...args: Parameters<DefaultDocumentValidator['processLexingErrors']>): void {
        super.processLexingErrors(...args);
        recode(args[1], DocumentValidator.LexingError, 'CX000');
        args[1].push(...nestingDiagnostics(args[0].lexerReport));
    }

    protected override processParsingErrors(...args: Parameters<DefaultDocumentValidator['processParsingErrors']>): void {
        super.processParsingErrors(...args);
        recode(args[1], DocumentValidator.ParsingError, 'CX000');
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: Parameters<DefaultDocumentValidator['processLinkingErrors']>[2]): void {
        super.processLinkingErrors(document, diagnostics, options);
        recode(diagnostics, DocumentValidator.LinkingError, 'CX001');
        // While another file of the spec does not parse, its declarations after the syntax error are
        // missing, and the names here that point at them would be reported as unknown (eight
        // CX001 for one misspelt keyword): the syntax error is the one to fix first.
        if (this.otherFileDoesNotParse(document)) {
            const kept = diagnostics.filter(d => d.code !== 'CX001');
            diagnostics.splice(0, diagnostics.length, ...kept);
        }
    }

    private otherFileDoesNotParse(document: LangiumDocument): boolean {
        const root = document.parseResult.value;
        if (!isDocument(root)) return false;
        return this.membership.documentsOf(root.name).some(other => other !== root && (other.$document?.parseResult.parserErrors.length ?? 0) > 0);
    }
}

/**
 * The first syntax error of each line: after a stray quote or word the parser re-synchronises
 * token by token, and one line would otherwise report every word after the real cause.
 */
function firstPerLine(diagnostics: Diagnostic[]): Diagnostic[] {
    const sorted = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return sorted.filter((d, i) => i === 0 || sorted[i - 1].range.start.line !== d.range.start.line);
}

function recode(diagnostics: Diagnostic[], from: string, to: string): void {
    for (const d of diagnostics) {
        const data = d.data as { code?: string } | undefined;
        if (data?.code === from) {
            d.code = to;
            d.data = { ...data, code: to, langiumCode: from };
        }
    }
}
