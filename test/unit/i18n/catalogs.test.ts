/**
 * Every language carries every key, and every key is used: the engine's i18n files (setting
 * labels, sections, buttons, command hints) and the app's runtime catalogs (its replies).
 */
import * as fs from 'fs';
import * as path from 'path';

import { StatusCommand } from '../../../src/commands/StatusCommand';
import { CUSTOM_STATUS_MESSAGES } from '../../../src/i18n/customStatusMessages';
import { PRESENCE_MESSAGES } from '../../../src/i18n/presenceMessages';
import { STATUS_MESSAGES } from '../../../src/i18n/statusMessages';
import { Catalog } from '../../../src/i18n/translate';
import { UI_MESSAGES } from '../../../src/i18n/uiMessages';
import { APP_SETTINGS } from '../../../src/settings/AppSetting';

const I18N = path.resolve(__dirname, '..', '..', '..', 'i18n');
const files = fs.readdirSync(I18N).filter((f) => f.endsWith('.json'));
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(I18N, file), 'utf8')) as Record<string, string>;
const en = read('en.json');

describe('the i18n files the engine translates', () => {
    it('are English, German, Spanish and Portuguese (Brazil)', () => expect(files.sort()).toEqual(['de.json', 'en.json', 'es.json', 'pt-BR.json']));

    it.each(files.filter((f) => f !== 'en.json'))('%s has exactly the keys of en.json, none empty', (file) => {
        const other = read(file);
        expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
        expect(Object.entries(other).filter(([, text]) => text.trim() === '')).toEqual([]);
    });

    it('every key is used, and every key the app uses is there', () => {
        const app = { getID: () => 'x' } as never;
        const used = new Set<string>([
            ...APP_SETTINGS.flatMap((s) => [s.i18nLabel, s.i18nDescription ?? '', s.section ?? '']),
            'action_set_status',
            'action_manage_custom_statuses',
            ...['status', 'userstatus'].flatMap((name) => {
                const command = new StatusCommand(name, true, app);
                return [command.i18nParamsExample, command.i18nDescription];
            }),
        ]);
        used.delete('');
        expect(Object.keys(en).sort()).toEqual([...used].sort());
    });
});

describe("the app's runtime catalogs", () => {
    const catalogs: Array<[string, Catalog<string>]> = [
        ['status replies', STATUS_MESSAGES],
        ['custom statuses', CUSTOM_STATUS_MESSAGES],
        ['views', UI_MESSAGES],
        ['presence', PRESENCE_MESSAGES],
    ];
    it.each(catalogs)('%s: every language has every key', (_name, catalog) => {
        for (const language of ['pt-BR', 'de', 'es']) {
            expect(Object.keys(catalog[language] ?? {}).sort()).toEqual(Object.keys(catalog.en).sort());
        }
    });
    it.each(catalogs)('%s: German says "Sie", never "du"', (_name, catalog) => {
        const german = Object.values(catalog.de ?? {}).join('\n');
        expect(german).not.toMatch(/\b(du|dein|deine|dich|dir)\b/i);
    });
    it.each(catalogs)('%s: Spanish says "tú", never "usted"', (_name, catalog) => {
        const spanish = Object.values(catalog.es ?? {}).join('\n');
        expect(spanish).not.toMatch(/\b(usted|ustedes)\b/i);
    });
});
