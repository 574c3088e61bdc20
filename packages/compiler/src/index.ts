export { compileSpec, compileProblems, formatProblem, CompileError, type CompiledFile, type CompileProblem } from './compile-spec.js';
export { compileSurvey, type SurveyJson } from './survey-json.js';
export { responseSchema, type JsonSchema } from './response-schema.js';
export { distribution } from './distribution.js';
export { compileCondition, quoteString, ExpressionError } from './expression.js';
export { visibleQuestions } from './logic-interpreter.js';
export { toJsonText } from './json-text.js';
