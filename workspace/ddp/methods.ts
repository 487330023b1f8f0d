import { instanceOf, type Workspace } from '../Workspace';
import type { DdpSession } from './DdpSession';
import { MethodError, matchFailed } from './DdpSession';
import type { UserDoc } from '../services/UserDoc';
import { setStatusText } from '../services/setStatusText';
import { CommandError, runCommand } from '../engine/commandRunner';
import { Commands } from '../services/Commands';

const LOGGED_OUT = new MethodError(403, "You've been logged out by the server. Please log in again.");
const invalidUser = (method: string) => new MethodError('error-invalid-user', 'Invalid user', { method });

type Method = (session: DdpSession, params: unknown[]) => Promise<unknown>;

/** The DDP methods Rocket.Chat's own clients call (web client, @rocket.chat/ddp-client, the bot SDK). */
export function ddpMethods(ws: Workspace): Record<string, Method> {
    const me = async (session: DdpSession, method: string): Promise<UserDoc> => {
        const user = session.userId ? await ws.users.findById(session.userId) : null;
        if (!user) throw invalidUser(method);
        return user;
    };
    return {
        // Meteor's login: resume or password (plain or sha-256 digest); IPostUserLoggedIn only when not a resume.
        async login(session, params) {
            const arg = (params[0] ?? {}) as { resume?: unknown; user?: { username?: string; email?: string }; password?: unknown };
            let user: UserDoc | null = null;
            let token: string | undefined;
            const resume = typeof arg.resume === 'string';
            if (resume) {
                user = await ws.users.resolveToken(arg.resume);
                token = arg.resume as string;
            } else if (arg.user && arg.password) {
                const name = arg.user.username ?? arg.user.email ?? '';
                const pw = arg.password as string | { digest?: string };
                const result =
                    typeof pw === 'string'
                        ? await ws.users.loginWithPassword(name, pw)
                        : typeof pw.digest === 'string'
                          ? await ws.users.loginWithPassword(name, pw.digest, true)
                          : null;
                user = result?.user ?? null;
                token = result?.token;
            }
            if (!user || !token) {
                throw resume ? LOGGED_OUT : new MethodError(403, 'User not found');
            }
            // validateLoginAttempt awaits the apps' IPostUserLoggedIn; then the connection is logged in and Accounts.onLogin counts it
            if (!resume) await instanceOf(ws, session.instance).engine.postUserLoggedIn((await ws.users.findById(user._id)) ?? user);
            session.userId = user._id;
            await ws.presence.login(session.id, user);
            return { id: user._id, token, tokenExpires: { $date: Date.now() + 90 * 86_400_000 }, type: resume ? 'resume' : 'password' };
        },
        async logout(session) {
            await ws.presence.logout(session.id);
            session.userId = undefined;
            session.subs.clear();
            return null;
        },
        // server/methods/logoutCleanUp.ts: what the web client calls after logging out; IPostUserLoggedOut with the object it sends.
        async logoutCleanUp(session, params) {
            const user = params[0];
            if (!user || typeof user !== 'object' || Array.isArray(user)) throw matchFailed();
            ws.events.emit('user.loggedOut', { user: user as Record<string, unknown>, instance: session.instance });
            return undefined;
        },
        // server/methods/userPresence.ts (7.x): nothing without a login
        async 'UserPresence:away'(session) {
            return session.userId ? ws.presence.setConnectionStatus(session.id, 'away') : undefined;
        },
        async 'UserPresence:online'(session) {
            return session.userId ? ws.presence.setConnectionStatus(session.id, 'online') : undefined;
        },
        async 'UserPresence:setDefaultStatus'(session, params) {
            if (!session.userId) return undefined;
            if (typeof params[0] !== 'string') throw matchFailed();
            return ws.presence.setStatus(session.userId, params[0], undefined, session.instance);
        },
        // app/user-status/server/methods/setUserStatus.ts (7.x): the status through the presence service, then the text
        async setUserStatus(session, params) {
            const user = await me(session, 'setUserStatus');
            const [statusType, statusText] = params;
            if (statusType) {
                if (typeof statusType !== 'string') throw matchFailed();
                if (statusType === 'offline' && ws.settings.value('Accounts_AllowInvisibleStatusOption') !== true) {
                    throw new MethodError('error-status-not-allowed', 'Invisible status is disabled', { method: 'setUserStatus' });
                }
                await ws.presence.setStatus(user._id, statusType, undefined, session.instance);
            }
            if (statusText || statusText === '') {
                if (typeof statusText !== 'string') throw matchFailed();
                if (ws.settings.value('Accounts_AllowUserStatusMessageChange') !== true) {
                    throw new MethodError('error-not-allowed', 'Not allowed', { method: 'setUserStatus' });
                }
                await setStatusText(ws.users, ws.events, user._id, statusText);
            }
            return undefined;
        },
        // app/lib/server/lib/slashCommand (slashCommand method): `{cmd, params, msg:{rid, tmid?}, triggerId}`
        async slashCommand(session, params) {
            const user = await me(session, 'slashCommand');
            const command = (params[0] ?? {}) as { cmd?: unknown; params?: unknown; msg?: { rid?: unknown; tmid?: unknown }; triggerId?: unknown };
            const cmd = typeof command.cmd === 'string' ? command.cmd : '';
            const instance = instanceOf(ws, session.instance);
            if (!cmd || Commands.normalize(cmd) !== cmd || !instance.commands.get(cmd)?.enabled) {
                throw new MethodError('error-invalid-command', 'Invalid Command Provided', { method: 'executeSlashCommandPreview' });
            }
            if (!command.msg || typeof command.msg.rid !== 'string' || !command.msg.rid) {
                throw new MethodError('invalid-command-usage', 'Executing a command requires at least a message with a room id.');
            }
            try {
                await runCommand(ws, instance, user, {
                    command: cmd,
                    params: typeof command.params === 'string' ? command.params : '',
                    roomId: command.msg.rid,
                    threadId: typeof command.msg.tmid === 'string' ? command.msg.tmid : undefined,
                    triggerId: typeof command.triggerId === 'string' ? command.triggerId : undefined,
                });
            } catch (err) {
                if (err instanceof CommandError) throw new MethodError('error-invalid-room', 'Invalid room', { method: 'slashCommand' });
                throw err;
            }
            return undefined;
        },
        // server/methods/createDirectMessage.ts: `{t:'d', rid, ...room}`
        async createDirectMessage(session, params) {
            const user = await me(session, 'createDirectMessage');
            if (!params.every((p) => typeof p === 'string')) throw matchFailed();
            const members = [user];
            for (const name of (params as string[]).filter((n) => n !== user.username)) {
                const other = await ws.users.findByUsername(name);
                if (!other) throw invalidUser('createDirectMessage');
                members.push(other);
            }
            const { _id: rid, ...room } = await ws.rooms.getOrCreateDirect(members, user);
            return { ...room, t: 'd', rid };
        },
        // app/lib/server/methods/sendMessage.ts: a message in a room the caller is in; answers the stored message
        async sendMessage(session, params) {
            const user = await me(session, 'sendMessage');
            const message = params[0] as { _id?: unknown; rid?: unknown; msg?: unknown; tmid?: unknown } | undefined;
            if (!message || typeof message !== 'object' || typeof message.rid !== 'string') throw matchFailed();
            for (const key of ['_id', 'msg', 'tmid'] as const) {
                if (message[key] !== undefined && typeof message[key] !== 'string') throw matchFailed();
            }
            const room = await ws.rooms.findById(message.rid);
            if (!room) throw new MethodError('error-invalid-room', 'Invalid room', { method: 'sendMessage' });
            if (room.t !== 'c' && !room.uids.includes(user._id)) throw new MethodError('error-not-allowed', 'Not allowed', { method: 'sendMessage' });
            const stored = await ws.rooms.insertMessage({
                ...(message._id ? { _id: message._id as string } : {}),
                rid: room._id,
                msg: (message.msg as string | undefined) ?? '',
                ts: new Date(),
                u: { _id: user._id, username: user.username, name: user.name },
                ...(message.tmid ? { tmid: message.tmid as string } : {}),
            });
            ws.events.emit('message.saved', { message: stored });
            return stored;
        },
    };
}
