/**
 * The starter spec's texts in each locale `cxspec init` offers. Written by hand, not machine
 * translated, so a designer can show the first preview to a stakeholder as it is.
 */
export interface StarterTexts {
    /** The spec's title; `{name}` is the spec's name. */
    title: string;
    journey: string;
    buy: string;
    checkout: string;
    receive: string;
    delivery: string;
    survey: string;
    recommend: string;
    reason: string;
    checkoutQuestion: string;
    deliveryQuestion: string;
}

export const STARTER_TEXTS = {
    en: {
        title: '{name} customer experience', journey: 'Purchase', buy: 'Buy', checkout: 'Checkout',
        receive: 'Receive', delivery: 'Delivery', survey: 'After your delivery',
        recommend: 'How likely are you to recommend us to a friend or colleague?',
        reason: 'What is the main reason for your score?',
        checkoutQuestion: 'How satisfied were you with checkout?',
        deliveryQuestion: 'How satisfied were you with the delivery?'
    },
    ja: {
        title: '{name} 顧客体験', journey: '購入', buy: '注文', checkout: '購入手続き',
        receive: 'お届け', delivery: '配送', survey: 'お届け後アンケート',
        recommend: '友人や同僚に薦める可能性はどのくらいありますか?',
        reason: 'そう思われた理由を教えてください。',
        checkoutQuestion: '購入手続きにはどの程度満足されましたか?',
        deliveryQuestion: '配送にはどの程度満足されましたか?'
    },
    ko: {
        title: '{name} 고객 경험', journey: '구매', buy: '주문', checkout: '결제',
        receive: '수령', delivery: '배송', survey: '배송 후 설문',
        recommend: '친구나 동료에게 저희를 추천할 가능성은 얼마나 됩니까?',
        reason: '그렇게 평가하신 주된 이유는 무엇입니까?',
        checkoutQuestion: '결제 과정에 얼마나 만족하셨습니까?',
        deliveryQuestion: '배송에 얼마나 만족하셨습니까?'
    },
    'zh-Hans': {
        title: '{name} 客户体验', journey: '购买', buy: '下单', checkout: '结账',
        receive: '收货', delivery: '配送', survey: '收货后调查',
        recommend: '您向朋友或同事推荐我们的可能性有多大?',
        reason: '您给出这个分数的主要原因是什么?',
        checkoutQuestion: '您对结账过程满意吗?',
        deliveryQuestion: '您对配送满意吗?'
    },
    'zh-Hant': {
        title: '{name} 客戶體驗', journey: '購買', buy: '下單', checkout: '結帳',
        receive: '收貨', delivery: '配送', survey: '收貨後調查',
        recommend: '您向朋友或同事推薦我們的可能性有多大?',
        reason: '您給出這個分數的主要原因是什麼?',
        checkoutQuestion: '您對結帳過程滿意嗎?',
        deliveryQuestion: '您對配送滿意嗎?'
    },
    fr: {
        title: 'Expérience client {name}', journey: 'Achat', buy: 'Commande', checkout: 'Paiement',
        receive: 'Réception', delivery: 'Livraison', survey: 'Après votre livraison',
        recommend: 'Quelle est la probabilité que vous nous recommandiez à un ami ou à un collègue ?',
        reason: 'Quelle est la principale raison de votre note ?',
        checkoutQuestion: 'Êtes-vous satisfait du paiement ?',
        deliveryQuestion: 'Êtes-vous satisfait de la livraison ?'
    },
    de: {
        title: 'Kundenerlebnis {name}', journey: 'Kauf', buy: 'Bestellung', checkout: 'Bezahlvorgang',
        receive: 'Empfang', delivery: 'Lieferung', survey: 'Nach Ihrer Lieferung',
        recommend: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?',
        reason: 'Was ist der wichtigste Grund für Ihre Bewertung?',
        checkoutQuestion: 'Wie zufrieden waren Sie mit dem Bezahlvorgang?',
        deliveryQuestion: 'Wie zufrieden waren Sie mit der Lieferung?'
    },
    es: {
        title: 'Experiencia del cliente {name}', journey: 'Compra', buy: 'Pedido', checkout: 'Pago',
        receive: 'Recepción', delivery: 'Entrega', survey: 'Después de su entrega',
        recommend: '¿Qué probabilidad hay de que nos recomiende a un amigo o colega?',
        reason: '¿Cuál es el motivo principal de su puntuación?',
        checkoutQuestion: '¿Qué tan satisfecho quedó con el pago?',
        deliveryQuestion: '¿Qué tan satisfecho quedó con la entrega?'
    }
} as const satisfies Record<string, StarterTexts>;

export type StarterLanguage = keyof typeof STARTER_TEXTS;

/**
 * The texts for a BCP 47 locale code: by its language subtag, and for Chinese by script or
 * region (zh-TW, zh-HK, zh-MO and zh-Hant read Traditional characters); undefined when none.
 */
export function starterTextsFor(locale: string): StarterTexts | undefined {
    const [language, ...rest] = locale.toLowerCase().split('-');
    if (language === 'zh') {
        return rest.some(s => s === 'hant' || s === 'tw' || s === 'hk' || s === 'mo') ? STARTER_TEXTS['zh-Hant'] : STARTER_TEXTS['zh-Hans'];
    }
    return Object.hasOwn(STARTER_TEXTS, language) ? STARTER_TEXTS[language as StarterLanguage] : undefined;
}
