import { useCallback, useEffect, useRef, useState } from 'react';
import type { Realtime } from '../api/realtime';
import type { Rest } from '../api/rest';
import type { Message, Room } from '../api/types';
import { mergeMessages } from './mergeMessages';

/** How long a command waits at most for the reply stream (a lost connection must not hold it forever). */
const READY_WAIT_MS = 5_000;

/**
 * The messages of the open room: the stored ones (`im.messages` for a direct room), the app's
 * ephemeral replies (`stream-notify-user` `<uid>/message`) and new ones on `stream-room-messages`
 * (the open room and `__my_messages__`).
 */
export function useMessages(rest: Rest, realtime: Realtime, selfId: string, room: Room | undefined, onUnknownRoom: (rid: string) => void) {
    const [byRoom, setByRoom] = useState<Record<string, Message[]>>({});
    /** settles once the server has the subscription to the app's ephemeral replies (they are not kept: one sent before is lost) */
    const repliesReady = useRef<Promise<unknown>>(Promise.resolve());
    const add = useCallback(
        (rid: string, messages: Message[]) => setByRoom((current) => ({ ...current, [rid]: mergeMessages(current[rid] ?? [], messages) })),
        [],
    );

    const load = useCallback(async () => {
        if (!room || room.t !== 'd') return;
        try {
            const { messages } = await rest.get<{ messages: Message[] }>('/api/v1/im.messages', { roomId: room._id, count: 100 });
            add(room._id, messages);
        } catch {
            // a room without stored messages
        }
    }, [rest, room, add]);

    useEffect(() => {
        void load();
    }, [load]);

    useEffect(() => {
        const off = realtime.onStream('stream-notify-user', (eventName, args) => {
            if (eventName !== `${selfId}/message`) return;
            const message = args[0] as Message | undefined;
            if (!message || typeof message.rid !== 'string') return;
            add(message.rid, [{ ...message, _id: message._id ?? `${Date.now()}`, ephemeral: true }]);
            onUnknownRoom(message.rid);
        });
        const sub = realtime.subscribe('stream-notify-user', `${selfId}/message`, { useCollection: false, args: [] });
        repliesReady.current = sub.ready;
        return () => {
            off();
            sub.stop();
        };
    }, [realtime, selfId, add, onUnknownRoom]);

    // new stored messages: the open room's stream, and `__my_messages__` (every room one can read), as Rocket.Chat's client
    useEffect(() => {
        const off = realtime.onStream('stream-room-messages', (eventName, args) => {
            const first = args[0] as Message | undefined;
            if (!first || typeof first !== 'object' || typeof first.rid !== 'string') return;
            if (eventName !== first.rid && eventName !== '__my_messages__') return;
            add(first.rid, [first]);
            onUnknownRoom(first.rid);
        });
        const sub = realtime.subscribe('stream-room-messages', '__my_messages__', { useCollection: false, args: [] });
        return () => {
            off();
            sub.stop();
        };
    }, [realtime, add, onUnknownRoom]);

    useEffect(() => {
        if (!room) return;
        const sub = realtime.subscribe('stream-room-messages', room._id, { useCollection: false, args: [] });
        return sub.stop;
    }, [realtime, room]);

    return {
        messages: room ? (byRoom[room._id] ?? []) : [],
        reload: load,
        repliesReady: () => Promise.race([repliesReady.current, new Promise((resolve) => setTimeout(resolve, READY_WAIT_MS))]),
    };
}
