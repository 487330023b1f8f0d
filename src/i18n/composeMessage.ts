import { MessageRef } from '../core/change/Change';
import { PRESENCE_MESSAGES } from './presenceMessages';
import { STATUS_MESSAGES } from './statusMessages';
import { Catalog, translator } from './translate';

const CATALOGS: Record<MessageRef['catalog'], Catalog<string>> = {
    presence: PRESENCE_MESSAGES as Catalog<string>,
    status: STATUS_MESSAGES as Catalog<string>,
};

/** A stored message, in a recipient's language (parameters that are messages too, in the same one). */
export function composeMessage(message: MessageRef, language: string | undefined): string {
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(message.params ?? {})) {
        params[name] = typeof value === 'object' ? composeMessage(value, language) : value;
    }
    return translator(CATALOGS[message.catalog], language)(message.key, params);
}
