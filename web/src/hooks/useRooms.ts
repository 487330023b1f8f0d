import { useCallback, useEffect, useState } from 'react';
import type { Rest } from '../api/rest';
import type { Room } from '../api/types';

/** The caller's rooms (`GET /api/v1/rooms.get`), reloadable when a message names a room not listed yet. */
export function useRooms(rest: Rest): { rooms: Room[]; reload: () => Promise<Room[]> } {
    const [rooms, setRooms] = useState<Room[]>([]);
    const reload = useCallback(async () => {
        const { update } = await rest.get<{ update: Room[] }>('/api/v1/rooms.get');
        const sorted = [...update].sort((a, b) => (a.t === b.t ? 0 : a.t === 'd' ? -1 : 1));
        setRooms(sorted);
        return sorted;
    }, [rest]);
    useEffect(() => {
        void reload().catch(() => undefined);
    }, [reload]);
    return { rooms, reload };
}

export function roomName(room: Room, selfUsername: string): string {
    if (room.t === 'd') {
        const others = (room.usernames ?? []).filter((u) => u !== selfUsername);
        return others.length ? others.join(', ') : selfUsername;
    }
    return room.fname ?? room.name ?? room._id;
}
