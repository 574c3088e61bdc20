/**
 * One streaming pass over the response files of a survey: each record is checked and added to the
 * survey's accumulators (a large CSV file on two threads, see split-pass.ts).
 */
import type { CxModel, Survey } from '@cxspec/model';
import type { InputFile, TextAnswers } from '../result.js';
import type { DatasetTable } from '../check/dataset-table.js';
import type { ExclusionLog } from '../check/exclusions.js';
import { IdSet } from '../check/id-set.js';
import { SurveyRowChecker } from '../check/survey-rows.js';
import { emptyMapping } from '../input/mapping.js';
import type { ReadInfo } from '../input/read-records.js';
import type { EvaluateOptions } from '../evaluate-options.js';
import type { DriverPlan } from './drivers.js';
import { teeSink, type RowSink } from './row-sink.js';
import type { ScoringSession } from './scoring-session.js';
import { scoreSplit, splitPlanFor } from './split-pass.js';
import { SurveyAccumulation, scoreFile } from './survey-accumulation.js';
import type { SurveyMetric } from './survey-metric.js';

export interface SurveyPass {
    metrics: SurveyMetric[];
    drivers: DriverPlan[];
    files: InputFile[];
    texts: TextAnswers[];
}

export async function scoreSurvey(survey: Survey, files: string[], model: CxModel, tables: Map<string, DatasetTable>,
    options: EvaluateOptions, session: ScoringSession, log: ExclusionLog): Promise<SurveyPass> {
    const inputs: InputFile[] = [];
    let acc = new SurveyAccumulation(survey, model);
    let ids = new IdSet();
    const joinKey = survey.joins ? model.datasets.find(d => d.name === survey.joins)!.key : null;
    // An observer sees every row, so it takes the file on one thread.
    const observer = options.observer ? await options.observer.survey(survey) : null;
    try {
        for (const [i, file] of files.entries()) {
            log.registerFile(file);
            const data = session.file(file);
            const mapping = options.mappings?.get(survey.name) ?? emptyMapping();
            const joined = survey.joins ? tables.get(survey.joins) ?? null : null;
            // Only a survey's first file is split: the split pass starts from empty sums and ids.
            const plan = i === 0 && !observer ? splitPlanFor(data, session) : null;
            const split = plan && await scoreSplit(survey, model, data, mapping, plan, options, session, joined);
            if (split) {
                ({ acc, ids } = split);
                log.merge(split.log.list(), 0);
                inputs.push(inputFile(file, split.info, split.used));
                continue;
            }
            const checker = new SurveyRowChecker(survey, joinKey, joined, mapping, file, log, ids);
            const sink: RowSink = observer ? teeSink(acc, observer) : acc;
            const { info, used } = await scoreFile(sink, checker, data, { onProgress: (read, total) => options.onProgress?.(file, read, total) });
            inputs.push(inputFile(file, info, used));
        }
    } finally {
        await observer?.close();
    }
    const texts = acc.textQuestions.map((q, t): TextAnswers => ({
        survey: survey.name, surveyTitle: survey.title, question: survey.questions[q].name, title: survey.questions[q].text, answered: acc.textAnswers[t]
    }));
    return { metrics: acc.metrics, drivers: acc.drivers, files: inputs, texts };
}

function inputFile(path: string, info: ReadInfo, rowsUsed: number): InputFile {
    return { path, role: 'responses', dataset: null, format: info.format, encoding: info.encoding, rowsRead: info.rowsRead, rowsUsed };
}
