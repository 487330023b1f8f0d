import { Box, Callout } from '@rocket.chat/fuselage';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Realtime } from '../api/realtime';
import { RestError, type Rest } from '../api/rest';
import { runSlashCommand } from '../api/runSlashCommand';
import type { ActionButton, Me, PresenceStatus } from '../api/types';
import { useActionButtons } from '../hooks/useActionButtons';
import { useBroadcastDisabled } from '../hooks/useBroadcastDisabled';
import { useCommands } from '../hooks/useCommands';
import { useMessages } from '../hooks/useMessages';
import { useOwnUser } from '../hooks/useOwnUser';
import { usePresenceFeed } from '../hooks/usePresenceFeed';
import { roomName, useRooms } from '../hooks/useRooms';
import { useI18n } from '../i18n/I18n';
import { preloadMarkup } from '../markup/MarkdownText';
import type { PresenceStore } from '../presence/PresenceStore';
import { usePresenceVersion } from '../presence/usePresence';
import { ContextualBarHost, ModalHost } from '../uikit/SurfaceHosts';
import { useSurfaces } from '../uikit/Surfaces';
import { Composer } from './Composer';
import { parseSlashCommand } from './slashCommands';
import { LanguageSelect } from './LanguageSelect';
import { MemberList } from './MemberList';
import { MessageList } from './MessageList';
import { PresenceBanner } from './PresenceBanner';
import { UserMenu } from './UserMenu';

type Page = 'room' | 'settings' | 'presence';

// what only admins use loads when it is first opened (a chunk each)
const AppSettingsPage = lazy(() => import('../admin/AppSettingsPage').then((m) => ({ default: m.AppSettingsPage })));
const PresencePanel = lazy(() => import('../admin/PresencePanel').then((m) => ({ default: m.PresencePanel })));

const USER_DROPDOWN = 'userDropdownAction';

interface ShellProps {
    rest: Rest;
    realtime: Realtime;
    store: PresenceStore;
    me: Me;
    app: { id: string; name: string };
    onLanguage: (language: string) => Promise<void>;
    onLogout: () => void;
    notice?: string;
    onDismissNotice: () => void;
}

const randomId = () => Math.random().toString(36).slice(2, 12) + Math.random().toString(36).slice(2, 9);

export function Shell({ rest, realtime, store, me: initialMe, app, onLanguage, onLogout, notice, onDismissNotice }: ShellProps) {
    const { t } = useI18n();
    const surfaces = useSurfaces();
    const [me] = useOwnUser(initialMe, realtime, store);
    const isAdmin = (me.roles ?? []).includes('admin');
    const [page, setPage] = useState<Page>('room');
    const [error, setError] = useState<string>();
    const [languageError, setLanguageError] = useState<string>();
    const [appNotices, setAppNotices] = useState<string[]>([]);

    // the one-time notice an app endpoint's answer may carry after a presence turn-off
    useEffect(() => rest.onNotice((text) => setAppNotices((current) => (current.includes(text) ? current : [...current, text]))), [rest]);

    usePresenceFeed(rest, realtime, store, me._id);
    usePresenceVersion(store);
    const broadcastDisabled = useBroadcastDisabled(rest, store);
    const commands = useCommands(rest);
    const buttons = useActionButtons(rest, initialMe, USER_DROPDOWN);
    const { rooms, reload: reloadRooms } = useRooms(rest);
    const [selectedId, setSelectedId] = useState<string>();
    const defaultRoom = rooms.find((r) => r.t === 'd' && (r.usernames ?? []).some((u) => u.endsWith('.bot'))) ?? rooms[0];
    const room = rooms.find((r) => r._id === selectedId) ?? defaultRoom;

    const onUnknownRoom = useCallback(
        (rid: string) => {
            if (!rooms.some((r) => r._id === rid))
                void reloadRooms()
                    .then(() => setSelectedId((current) => current ?? rid))
                    .catch(() => undefined);
        },
        [rooms, reloadRooms],
    );
    const { messages, repliesReady } = useMessages(rest, realtime, me._id, room, onUnknownRoom);
    // messages are markdown: start loading its renderer now
    useEffect(preloadMarkup, []);

    // views the app opens by itself (Rocket.Chat pushes them on <uid>/uiInteraction)
    const applySurface = surfaces.apply;
    useEffect(() => {
        const off = realtime.onStream('stream-notify-user', (eventName, args) => {
            if (eventName === `${me._id}/uiInteraction`) applySurface(args[0] as Parameters<typeof applySurface>[0], app.id);
        });
        const sub = realtime.subscribe('stream-notify-user', `${me._id}/uiInteraction`, { useCollection: false, args: [] });
        return () => {
            off();
            sub.stop();
        };
    }, [realtime, me._id, applySurface, app.id]);

    const ownStatus: PresenceStatus = store.get(me._id)?.status ?? (broadcastDisabled ? 'disabled' : ((me.status as PresenceStatus | undefined) ?? 'online'));

    const send = async (text: string) => {
        setError(undefined);
        const slash = parseSlashCommand(text);
        const triggerId = randomId();
        try {
            if (slash) {
                // a command runs in a room (Rocket.Chat refuses one without): none is there before the rooms are read
                if (!room) throw new Error(t('command_no_room'));
                // a command typed right after the login waits for the stream its reply comes on
                await repliesReady();
                await runSlashCommand(realtime, rest, { ...slash, text, roomId: room._id, triggerId, messageId: randomId() });
            } else {
                if (!room) return;
                await realtime.call('sendMessage', { _id: randomId(), rid: room._id, msg: text });
            }
        } catch (err) {
            const reason =
                err instanceof RestError ? err.message : ((err as { reason?: string; message?: string })?.reason ?? (err as Error)?.message ?? String(err));
            setError(slash ? t('command_failed', { command: `/${slash.command}`, error: reason }) : t('message_failed', { error: reason }));
        }
    };

    const onActionButton = async (button: ActionButton) => {
        setError(undefined);
        try {
            await surfaces.interact(button.appId, {
                type: 'actionButton',
                actionId: button.actionId,
                payload: { context: button.context },
                ...(room ? { rid: room._id } : {}),
            });
        } catch (err) {
            setError(t('ui_error', { error: err instanceof RestError ? err.message : String(err) }));
        }
    };

    const changeLanguage = async (language: string) => {
        setLanguageError(undefined);
        try {
            await onLanguage(language);
        } catch (err) {
            setLanguageError(err instanceof RestError ? err.message : String(err));
        }
    };

    const menuItems = [
        ...(isAdmin
            ? [
                  { id: 'app-settings', label: t('app_settings'), onClick: () => setPage('settings') },
                  { id: 'presence-panel', label: t('presence_panel'), onClick: () => setPage('presence') },
              ]
            : []),
        ...(page !== 'room' ? [{ id: 'room', label: t('back_to_room'), onClick: () => setPage('room') }] : []),
        { id: 'logout', label: t('logout'), onClick: onLogout },
    ];

    return (
        <div className="page-shell" data-qa="shell">
            <header className="page-header">
                <Box is="h1" fontScale="h4" m={0}>
                    {t('title')}
                </Box>
                <Box display="flex" alignItems="center">
                    <LanguageSelect onChange={(l) => void changeLanguage(l)} error={languageError} />
                    <UserMenu me={me} status={ownStatus} buttons={buttons} onButton={(b) => void onActionButton(b)} items={menuItems} />
                </Box>
            </header>
            <nav className="page-sidebar" aria-labelledby="page-rooms-title">
                <PresenceBanner disabled={broadcastDisabled} isAdmin={isAdmin} onGoToSettings={() => setPage('presence')} />
                <h2 id="page-rooms-title" className="page-sidebar-heading">
                    {t('rooms')}
                </h2>
                <Box is="ul" className="page-rooms" data-qa="room-list">
                    {rooms.map((r) => {
                        const current = room?._id === r._id && page === 'room';
                        return (
                            <li key={r._id}>
                                <button
                                    type="button"
                                    className={`page-room${current ? ' page-room--selected' : ''}`}
                                    aria-current={current ? 'page' : undefined}
                                    data-qa="room"
                                    onClick={() => {
                                        setSelectedId(r._id);
                                        setPage('room');
                                    }}
                                >
                                    {r.t === 'd' ? '@' : '#'}
                                    {roomName(r, me.username)}
                                </button>
                            </li>
                        );
                    })}
                </Box>
            </nav>
            <main className="page-main">
                {notice && (
                    <Callout type="info" m="x16" data-qa="page-notice">
                        {notice}{' '}
                        <button type="button" className="page-link" onClick={onDismissNotice}>
                            {t('dismiss')}
                        </button>
                    </Callout>
                )}
                {appNotices.map((text) => (
                    <Callout key={text} type="warning" m="x16" data-qa="app-notice">
                        {text}{' '}
                        <button type="button" className="page-link" onClick={() => setAppNotices((current) => current.filter((n) => n !== text))}>
                            {t('dismiss')}
                        </button>
                    </Callout>
                ))}
                {page === 'room' && (
                    <div className="page-room-view" data-qa="room-view">
                        <Box is="h2" className="page-room-title" fontScale="h4" p="x16" m={0} data-qa="room-title">
                            {room ? `${room.t === 'd' ? '@' : '#'}${roomName(room, me.username)}` : ''}
                        </Box>
                        <MessageList messages={messages} appId={app.id} />
                        {error && (
                            <Callout type="danger" mi="x16" role="alert" data-qa="composer-error">
                                {error}
                            </Callout>
                        )}
                        <Composer commands={commands} onSend={send} />
                    </div>
                )}
                <Suspense
                    fallback={
                        <Box color="hint" p="x24" data-qa="page-loading">
                            {t('loading')}
                        </Box>
                    }
                >
                    {page === 'settings' && isAdmin && <AppSettingsPage rest={rest} appId={app.id} appName={app.name} />}
                    {page === 'presence' && isAdmin && (
                        <PresencePanel rest={rest} appId={app.id} broadcastDisabled={broadcastDisabled} onOpenSettings={() => setPage('settings')} />
                    )}
                </Suspense>
            </main>
            <aside className="page-right" aria-labelledby="page-members-title">
                <ContextualBarHost />
                <MemberList store={store} />
            </aside>
            <ModalHost />
        </div>
    );
}
