import type { AppSettingDoc } from '../api/types';

/** Settings grouped by their `section`, in the order the app declares them (Rocket.Chat's marketplace page: one accordion item per section). */
export function groupBySection(settings: AppSettingDoc[]): Array<[string, AppSettingDoc[]]> {
    const groups = new Map<string, AppSettingDoc[]>();
    for (const setting of settings) {
        const section = setting.section || 'general';
        groups.set(section, [...(groups.get(section) ?? []), setting]);
    }
    return [...groups.entries()];
}
