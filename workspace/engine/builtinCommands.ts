import type { HostContext } from './HostContext';
import { randomId } from '../store/ids';
import { setStatusText } from '../services/setStatusText';

/** Rocket.Chat's built-in `/status <message>` (apps/meteor/app/slashcommands-status): sets the caller's status message. */
export function registerBuiltinCommands(ws: HostContext): void {
    ws.commands.addBuiltin({
        command: 'status',
        params: 'Slash_Status_Params',
        description: 'Slash_Status_Description',
        providesPreview: false,
        builtin: async ({ caller, params, roomId }) => {
            const reply = (msg: string) =>
                ws.events.emit('notify.user', {
                    userId: caller._id,
                    event: 'message',
                    args: [
                        {
                            _id: randomId(),
                            rid: roomId,
                            ts: new Date(),
                            msg,
                            u: { _id: 'rocket.cat', username: 'rocket.cat', name: 'Rocket.Cat' },
                            private: true,
                            _updatedAt: new Date(),
                        },
                    ],
                });
            if (ws.settings.value('Accounts_AllowUserStatusMessageChange') !== true) {
                reply('Your Rocket.Chat administrator has disabled the customisation of status messages');
                return;
            }
            await setStatusText(ws.users, ws.events, caller._id, params);
            reply('Status message changed successfully.');
        },
    });
}
