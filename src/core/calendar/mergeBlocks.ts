import { BusyKind } from './busyRules';

/** A span of busy or out-of-office time, instants in ms; `end` exclusive. Never carries a title. */
export interface BusyBlock {
    start: number;
    end: number;
    kind: BusyKind;
}

interface Span {
    start: number;
    end: number;
}

/** Sorted, disjoint spans; overlapping and touching ones joined. */
function union(spans: Span[]): Span[] {
    const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
    const out: Span[] = [];
    for (const span of sorted) {
        const last = out[out.length - 1];
        if (last && span.start <= last.end) {
            last.end = Math.max(last.end, span.end);
        } else {
            out.push({ start: span.start, end: span.end });
        }
    }
    return out;
}

/** `from` minus `cut`, both sorted and disjoint. */
function subtract(from: Span[], cut: Span[]): Span[] {
    const out: Span[] = [];
    let j = 0;
    for (const span of from) {
        let start = span.start;
        while (j < cut.length && cut[j].end <= start) {
            j++;
        }
        let k = j;
        while (k < cut.length && cut[k].start < span.end) {
            if (cut[k].start > start) {
                out.push({ start, end: cut[k].start });
            }
            start = Math.max(start, cut[k].end);
            k++;
        }
        if (start < span.end) {
            out.push({ start, end: span.end });
        }
    }
    return out;
}

/**
 * Blocks made minimal: overlapping or touching blocks of one kind become one; where busy and
 * out-of-office overlap, out of office wins its span (it says more, and lasts longer), so a busy
 * block is cut around it; a busy and an out-of-office block that only touch stay two. Sorted by start.
 */
export function mergeBlocks(blocks: ReadonlyArray<BusyBlock>): BusyBlock[] {
    const ooo = union(blocks.filter((b) => b.kind === 'ooo'));
    const busy = subtract(union(blocks.filter((b) => b.kind === 'busy')), ooo);
    return [...ooo.map((s): BusyBlock => ({ ...s, kind: 'ooo' })), ...busy.map((s): BusyBlock => ({ ...s, kind: 'busy' }))].sort((a, b) => a.start - b.start);
}
