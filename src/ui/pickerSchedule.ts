import { parseSpan } from '../core/status/schedule';

/** What the picker's From and To fields ask for: nothing (set it now), a span, or which field is wrong. Pure. */
export type PickerSpan =
    | { kind: 'now' }
    | { kind: 'span'; start: Date; end: Date }
    | { kind: 'error'; field: 'from' | 'to'; reason: 'incomplete' | 'invalid' | 'past' | 'order' | 'too-far'; text: string };

export function readPickerSpan(from: string, to: string, now: Date, utcOffsetHours: number): PickerSpan {
    if (!from && !to) {
        return { kind: 'now' };
    }
    if (!from || !to) {
        return { kind: 'error', field: from ? 'to' : 'from', reason: 'incomplete', text: '' };
    }
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    const fromWords = words(from);
    const toWords = words(to);
    const span = parseSpan(['from', ...fromWords, 'to', ...toWords], now, utcOffsetHours);
    if (!span) {
        return { kind: 'error', field: 'from', reason: 'invalid', text: from };
    }
    if (!span.ok) {
        // a field that is not a time is the field to fix; otherwise the end is
        const fromAlone = parseSpan(['from', ...fromWords, 'to', '00:00'], now, utcOffsetHours);
        const fromIsTime = !(fromAlone && !fromAlone.ok && fromAlone.reason === 'invalid');
        const field = span.reason === 'invalid' && !fromIsTime ? 'from' : 'to';
        return { kind: 'error', field, reason: span.reason, text: `${from} – ${to}` };
    }
    if (span.take !== 2 + fromWords.length + toWords.length) {
        // words after the end time
        return { kind: 'error', field: 'to', reason: 'invalid', text: to };
    }
    return { kind: 'span', start: span.start, end: span.end };
}
