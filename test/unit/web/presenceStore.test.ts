import { PresenceStore, statusFromNumber } from '../../../web/src/presence/PresenceStore';

describe("the page's presence store", () => {
    it("reads Rocket.Chat's status numbers", () => {
        expect(['offline', 'online', 'away', 'busy', 'disabled'].map((_, i) => statusFromNumber(i))).toEqual(['offline', 'online', 'away', 'busy', 'disabled']);
        expect(statusFromNumber('busy')).toBe('busy');
        expect(statusFromNumber(9)).toBe('offline');
    });

    it('takes stream-user-presence and user-status events, and shows everyone disabled while broadcast is off', () => {
        const store = new PresenceStore();
        let changes = 0;
        store.subscribe(() => changes++);
        store.update({ _id: 'u1', username: 'alice', name: 'Alice', status: 'online' });
        store.fromPresenceStream('u1', [['alice', 3, 'Meeting']]);
        expect(store.get('u1')).toEqual({ _id: 'u1', username: 'alice', name: 'Alice', status: 'busy', statusText: 'Meeting' });
        expect(store.fromUserStatusStream([['u2', 'bob', 2, 'Lunch', 'Bob', ['user']]])).toBe('u2');
        expect(store.fromUserStatusStream(['u3', 'carol', 1, '', 'Carol', []])).toBe('u3');
        expect(store.fromUserStatusStream([42])).toBeUndefined();
        expect(store.list().map((u) => `${u.username}:${u.status}`)).toEqual(['alice:busy', 'bob:away', 'carol:online']);
        store.setBroadcastDisabled(true);
        expect(store.list().every((u) => u.status === 'disabled')).toBe(true);
        store.setBroadcastDisabled(false);
        expect(store.get('u2')?.status).toBe('away');
        expect(changes).toBe(6);
    });
});
