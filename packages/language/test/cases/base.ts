/**
 * A minimal clean spec that cases extend: one locale, one journey with touchpoint `Tp`, and survey
 * `Sv` whose questions start on line 6. Keeping the frame fixed keeps expected line numbers readable.
 */
export function surveySpec(questions: string, after = '', header = 'locales en'): string {
    return `spec T { ${header} }
journey J { stage S { touchpoint Tp channel web } }
survey Sv {
    en "Survey"
    trigger after Tp
${questions}
}
${after}`;
}

/** Line 6: the NPS question every case's survey starts with; it measures `Tp`. */
export const NPS = '    question q: nps about Tp { en "Q?" }';
