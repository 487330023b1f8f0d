import type { Message } from '../api/types';

function time(m: Message): number {
    const ts = m.ts as unknown;
    if (typeof ts === 'string') return Date.parse(ts);
    if (ts && typeof ts === 'object' && typeof (ts as { $date?: unknown }).$date === 'number') return (ts as { $date: number }).$date;
    return Date.now();
}

/**
 * Adds messages by id. A message that also came as a stored one (`im.messages`, `stream-room-messages`)
 * is not ephemeral, whichever copy came first (the local workspace also pushes a stored app message on
 * `<uid>/message`).
 */
export function mergeMessages(list: Message[], incoming: Message[]): Message[] {
    const byId = new Map(list.map((m) => [m._id, m]));
    for (const m of incoming) {
        const known = byId.get(m._id);
        const ephemeral = m.ephemeral === true && (!known || known.ephemeral === true);
        byId.set(m._id, { ...known, ...m, ephemeral });
    }
    return [...byId.values()].sort((a, b) => time(a) - time(b));
}
