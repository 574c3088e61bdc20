/**
 * Names SurveyJS cannot use as they are: it keeps questions (and a matrix answer's items) in plain
 * objects, so Object.prototype's keys break loading or comparing; and it answers a few variables
 * itself, so `{name}` in an expression would not read the question's answer.
 */
const PROTOTYPE_KEYS = new Set([
    'constructor', '__definegetter__', '__definesetter__', 'hasownproperty', '__lookupgetter__', '__lookupsetter__',
    'isprototypeof', 'propertyisenumerable', 'tostring', 'valueof', '__proto__', 'tolocalestring'
]);

/** Read case-insensitively by SurveyJS's variable lookup. */
const BUILT_IN_VARIABLES = new Set([
    'pageno', 'pagecount', 'correctanswers', 'correctedanswers', 'correctedanswercount',
    'incorrectanswers', 'incorrectedanswers', 'incorrectedanswercount', 'questioncount'
]);

/** Read with their exact spelling. */
const EXACT_VARIABLES = new Set(['self', 'locale']);

/** Why SurveyJS cannot take `name` as a question name, or undefined when it can. */
export function reservedBySurveyJs(name: string): string | undefined {
    const lower = name.toLowerCase();
    if (PROTOTYPE_KEYS.has(lower)) return 'SurveyJS fails to load a survey with a question of that name';
    if (BUILT_IN_VARIABLES.has(lower) || EXACT_VARIABLES.has(name)) return 'SurveyJS reads that name as one of its own variables in display logic';
    return undefined;
}

/** Why SurveyJS cannot take `id` as a matrix item (a key of the answer object), or undefined. */
export function reservedItemBySurveyJs(id: string): string | undefined {
    return PROTOTYPE_KEYS.has(id.toLowerCase()) ? 'SurveyJS fails on a matrix answer with an item of that name' : undefined;
}
