import { describeWorkingHours, WorkingHours } from '../../core/status/workingHours';
import { clearWorkingHours, readWorkingHours, setWorkingHours } from '../../services/workingHours';
import { CommandContext, CommandReply, reply } from '../CommandContext';
import { zoneName } from '../../i18n/format';

/** `hours`: the user's working hours; `hours 09:00-17:00 [mon-fri]`: set them; `hours off`: opt out. */
export async function workingHours(ctx: CommandContext, hours?: WorkingHours | 'off'): Promise<CommandReply> {
    const { t, sender } = ctx;
    const access = { read: ctx.read, modify: ctx.modify, persis: ctx.persistence };
    if (hours === 'off') {
        await clearWorkingHours(access, sender);
        return reply(t('hours_off'));
    }
    if (hours) {
        const record = await setWorkingHours(access, sender, hours, ctx.now);
        return reply(t('hours_set', { hours: describeWorkingHours(record), zone: zoneName(record.utcOffset) }));
    }
    const record = await readWorkingHours(ctx.read, sender.id);
    return reply(
        record ? t('hours_show', { hours: describeWorkingHours(record), zone: zoneName(record.utcOffset) }) : t('hours_none', { command: ctx.command }),
    );
}
