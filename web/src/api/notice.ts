/** The app's endpoints: their answers may carry a one-time `notice` (the presence service is off). */
const APP_ENDPOINTS = '/api/apps/public/';

export function noticeOf(path: string, body: unknown): string | undefined {
    if (!path.startsWith(APP_ENDPOINTS) || !body || typeof body !== 'object') return undefined;
    const notice = (body as { notice?: unknown }).notice;
    return typeof notice === 'string' && notice.trim() ? notice : undefined;
}
