import type { Credentials } from './rest';

/** The login kept across reloads, as Rocket.Chat's web client keeps `Meteor.loginToken`. */
const KEY = 'user-status-page:login';

export function loadCredentials(): Credentials | undefined {
    try {
        const raw = window.localStorage.getItem(KEY);
        if (!raw) return undefined;
        const parsed = JSON.parse(raw) as Partial<Credentials>;
        return typeof parsed.userId === 'string' && typeof parsed.authToken === 'string' ? { userId: parsed.userId, authToken: parsed.authToken } : undefined;
    } catch {
        return undefined;
    }
}

export function saveCredentials(credentials: Credentials | undefined): void {
    if (credentials) window.localStorage.setItem(KEY, JSON.stringify(credentials));
    else window.localStorage.removeItem(KEY);
}
