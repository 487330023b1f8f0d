import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/**
 * How the built page's files are sent: the compressed copy `scripts/build-web.js` wrote (`.br`,
 * `.gz`) when the browser accepts it, long caching for the files whose name carries a content hash,
 * revalidation (ETag) for the others. This concerns the page's own assets only; Rocket.Chat's REST
 * answers are not touched.
 */

export type Encoding = 'br' | 'gzip';

const EXTENSION: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** `Accept-Encoding` as RFC 9110 section 12.5.3 reads it: tokens with an optional `q`; `q=0` refuses; `*` stands for the rest. */
export function acceptedEncodings(header: string | undefined): Map<string, number> {
    const accepted = new Map<string, number>();
    for (const part of (header ?? '').split(',')) {
        const [token, ...params] = part.trim().split(';');
        const name = token.trim().toLowerCase();
        if (!name) continue;
        let q = 1;
        for (const param of params) {
            const [key, value] = param.split('=').map((s) => s.trim());
            if (key.toLowerCase() === 'q') q = Number.isFinite(Number(value)) ? Math.min(1, Math.max(0, Number(value))) : 0;
        }
        accepted.set(name, q);
    }
    return accepted;
}

/** The best encoding both sides have: brotli before gzip at equal weight; none when neither is accepted. */
export function pickEncoding(header: string | undefined, available: ReadonlyArray<Encoding>): Encoding | undefined {
    const accepted = acceptedEncodings(header);
    const weight = (encoding: Encoding) => accepted.get(encoding) ?? (encoding === 'gzip' ? accepted.get('x-gzip') : undefined) ?? accepted.get('*') ?? 0;
    let best: Encoding | undefined;
    for (const encoding of ['br', 'gzip'] as const) {
        if (!available.includes(encoding) || weight(encoding) <= 0) continue;
        if (!best || weight(encoding) > weight(best)) best = encoding;
    }
    return best;
}

/** A name `scripts/build-web.js` gave a content hash (`app-WPVUIJZF.js`, `chunks/Shell-3Q2B5XKA.js.map`). */
export const isHashed = (relative: string): boolean => /-[A-Z0-9]{8}\.[a-z0-9]+(\.map)?$/.test(path.basename(relative));

/** Hashed files never change under their name: cached for a year without asking again; the rest revalidated every time. */
export const cacheControlFor = (relative: string): string => (isHashed(relative) ? 'public, max-age=31536000, immutable' : 'no-cache');

export interface Asset {
    body: Buffer;
    encoding?: Encoding;
    etag: string;
}

const etags = new Map<string, { mtimeMs: number; size: number; etag: string }>();

function etagOf(file: string, stat: fs.Stats, body: Buffer): string {
    const known = etags.get(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.etag;
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    etags.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, etag });
    return etag;
}

/** Reads a file of the built page in the best encoding the request accepts; `undefined` when there is no such file. */
export function readAsset(file: string, acceptEncoding: string | undefined): Asset | undefined {
    const available = (['br', 'gzip'] as const).filter((encoding) => fs.existsSync(file + EXTENSION[encoding]));
    const encoding = pickEncoding(acceptEncoding, available);
    const chosen = encoding ? file + EXTENSION[encoding] : file;
    try {
        const stat = fs.statSync(chosen);
        if (!stat.isFile()) return undefined;
        const body = fs.readFileSync(chosen);
        return { body, encoding, etag: etagOf(chosen, stat, body) };
    } catch {
        return undefined;
    }
}

/** Whether `If-None-Match` names the asset's current tag (so a 304 will do). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
    if (!ifNoneMatch) return false;
    if (ifNoneMatch.trim() === '*') return true;
    return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
