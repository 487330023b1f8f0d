import { createHash, scryptSync, timingSafeEqual, randomBytes } from 'crypto';

/** Rocket.Chat hashes the SHA-256 hex digest of the password; clients may send that digest directly. */
export function digestOf(password: string): string {
    return createHash('sha256').update(password, 'utf8').digest('hex');
}

export function hashPassword(password: string): string {
    const salt = randomBytes(16);
    const key = scryptSync(digestOf(password), salt, 32);
    return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** `candidate` is either the plain password or its SHA-256 hex digest (DDP's `{digest, algorithm:'sha-256'}`). */
export function verifyPassword(stored: string, candidate: string, isDigest = false): boolean {
    const [scheme, saltB64, keyB64] = stored.split('$');
    if (scheme !== 'scrypt' || !saltB64 || !keyB64) {
        return false;
    }
    const key = Buffer.from(keyB64, 'base64');
    const actual = scryptSync(isDigest ? candidate.toLowerCase() : digestOf(candidate), Buffer.from(saltB64, 'base64'), key.length);
    return timingSafeEqual(actual, key);
}

export function hashToken(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('base64');
}
