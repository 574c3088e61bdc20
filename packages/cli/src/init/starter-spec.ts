import { starterTextsFor, type StarterTexts } from './starter-texts.js';

/** A locale of the starter spec whose texts `cxspec init` has. */
export interface StarterLocale {
    code: string;
    texts: StarterTexts;
}

/** The locales asked for, each with its texts, or the codes that have none. */
export function starterLocales(codes: readonly string[]): { locales: StarterLocale[] } | { missing: string[] } {
    const missing = codes.filter(code => starterTextsFor(code) === undefined);
    if (missing.length > 0) return { missing };
    return { locales: codes.map(code => ({ code, texts: starterTextsFor(code)! })) };
}

/**
 * The starter spec `cxspec init` writes: one journey of two stages, one survey after the last
 * touchpoint with a question about each touchpoint (so no coverage gap is reported), and one NPS
 * target. The first locale is the default. It validates with no diagnostic and compiles.
 */
export function starterSpec(name: string, locales: readonly StarterLocale[]): string {
    const texts = (pick: (t: StarterTexts) => string) => locales.map(l => `${l.code} "${pick(l.texts)}"`);
    const inline = (pick: (t: StarterTexts) => string) => texts(pick).join(' ');
    const block = (indent: string, pick: (t: StarterTexts) => string) => texts(pick).map(t => `${indent}${t}\n`).join('');
    const localeList = locales.map((l, i) => (i === 0 ? `${l.code} default` : l.code)).join(', ');
    return `// A starter spec made by \`cxspec init\`: one journey, one survey listening at its touchpoints and
// one metric target. Rename and reword freely, then run \`cxspec validate\` on this folder;
// docs/tutorial.md walks through preview, compile and score.
spec ${name} {
${block('  ', t => t.title.replace('{name}', name))}  locales ${localeList}
}

journey Purchase {
  ${inline(t => t.journey)}
  stage Buy {
    ${inline(t => t.buy)}
    touchpoint Checkout channel web { ${inline(t => t.checkout)} }
  }
  stage Receive {
    ${inline(t => t.receive)}
    touchpoint Delivery channel delivery { ${inline(t => t.delivery)} }
  }
}

survey AfterDelivery {
  ${inline(t => t.survey)}
  trigger after Delivery delay 1d sample 100% quarantine 30d
  question recommend: nps required {
${block('    ', t => t.recommend)}  }
  question reason: text when recommend <= 6 {
${block('    ', t => t.reason)}  }
  question checkout: csat about Checkout {
${block('    ', t => t.checkoutQuestion)}  }
  question delivery: csat about Delivery {
${block('    ', t => t.deliveryQuestion)}  }
}

metric nps_overall = nps(AfterDelivery.recommend) target >= 30
`;
}
