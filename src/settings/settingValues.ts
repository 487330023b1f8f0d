import { ISetting, SettingType } from '@rocket.chat/apps-engine/definition/settings';

/**
 * Whether a value fits the type its setting is declared with: text for text settings, `true` or
 * `false` for switches, a finite number (or a text that is one: a number field may send it so)
 * for numbers. A value of another type (sent through the settings API) is refused, not stored.
 */
export function fitsDeclaredType(declared: Pick<ISetting, 'type'>, value: unknown): boolean {
    switch (declared.type) {
        case SettingType.STRING:
        case SettingType.CODE:
        case SettingType.PASSWORD:
            return typeof value === 'string';
        case SettingType.BOOLEAN:
            return typeof value === 'boolean';
        case SettingType.NUMBER:
            return (
                (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
            );
        default:
            return true;
    }
}
