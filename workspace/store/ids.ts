import { randomBytes, randomInt } from 'crypto';

const UNMISTAKABLE = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';

/** A Rocket.Chat-style random id (Meteor's Random.id: 17 unmistakable characters). */
export function randomId(length = 17): string {
    let out = '';
    for (let i = 0; i < length; i++) {
        out += UNMISTAKABLE[randomInt(UNMISTAKABLE.length)];
    }
    return out;
}

/** A secret token (login tokens, generated passwords). */
export function randomSecret(bytes = 32): string {
    return randomBytes(bytes).toString('base64url');
}
