import { describeWorkingHours, WorkingHours } from '../../core/status/workingHours';
import { clearWorkingHours, readWorkingHours, setWorkingHours } from '../../services/workingHours';
import { changeEnvOf, CommandContext, CommandReply, reply, errorReply } from '../CommandContext';
import { zoneName } from '../../i18n/format';

/** `hours`: the user's working hours; `hours 09:00-17:00 [mon-fri]`: set them; `hours off`: opt out. */
export async function workingHours(ctx: CommandContext, hours?: WorkingHours | 'off'): Promise<CommandReply> {
    const { t, sender } = ctx;
    if (hours === 'off') {
        const cleared = await clearWorkingHours(changeEnvOf(ctx), sender);
        return cleared.ok ? reply(t('hours_off')) : errorReply(t, cleared.error);
    }
    if (hours) {
        const set = await setWorkingHours(changeEnvOf(ctx), sender, hours, ctx.now);
        if (!set.ok) {
            return errorReply(t, set.error);
        }
        return reply(t('hours_set', { hours: describeWorkingHours(set.value), zone: zoneName(set.value.utcOffset) }));
    }
    const record = await readWorkingHours(ctx.read, sender.id);
    return reply(
        record ? t('hours_show', { hours: describeWorkingHours(record), zone: zoneName(record.utcOffset) }) : t('hours_none', { command: ctx.command }),
    );
}
