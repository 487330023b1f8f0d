import { Box } from '@rocket.chat/fuselage';
import { kitContext } from '@rocket.chat/fuselage-ui-kit';
import type { ComponentProps } from 'react';
import { useEffect, useRef } from 'react';
import type { Message } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { MarkdownText } from '../markup/MarkdownText';
import { UiKitMessage } from '../uikit/renderer/PageSurfaceRenderer';
import { useSurfaces } from '../uikit/Surfaces';

type KitContextValue = ComponentProps<typeof kitContext.Provider>['value'];
type Blocks = Parameters<typeof UiKitMessage>[0];

function timeOf(m: Message): string {
    const ts = m.ts as unknown;
    const ms = typeof ts === 'string' ? Date.parse(ts) : ts && typeof ts === 'object' ? Number((ts as { $date?: number }).$date) : NaN;
    return Number.isFinite(ms) ? new Date(ms).toLocaleTimeString() : '';
}

/** Blocks in a message, rendered by the UIKit message surface; their actions go to the app with the message as container. */
function MessageBlocks({ message, appId }: { message: Message; appId: string }) {
    const { interact } = useSurfaces();
    const context: KitContextValue = {
        appId,
        values: {},
        errors: {},
        state: () => undefined,
        action: async ({ appId: target, actionId, blockId, value }) => {
            await interact(target || appId, {
                type: 'blockAction',
                actionId,
                payload: { blockId, value },
                container: { type: 'message', id: message._id },
                mid: message._id,
                rid: message.rid,
            }).catch(() => undefined);
        },
    };
    return <kitContext.Provider value={context}>{UiKitMessage(message.blocks as unknown as Blocks)}</kitContext.Provider>;
}

export function MessageList({ messages, appId }: { messages: Message[]; appId: string }) {
    const { t } = useI18n();
    const end = useRef<HTMLDivElement>(null);
    useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [messages.length]);
    return (
        <Box className="page-messages" data-qa="message-list">
            {messages.length === 0 && (
                <Box color="hint" p="x16">
                    {t('no_messages')}
                </Box>
            )}
            {messages.map((m) => (
                <Box
                    key={m._id}
                    className={`page-message${m.ephemeral ? ' page-message--ephemeral' : ''}`}
                    data-qa="message"
                    data-ephemeral={m.ephemeral ? 'true' : 'false'}
                >
                    <Box display="flex" alignItems="baseline">
                        <Box fontScale="p2b" mie="x8">
                            {m.u?.name ?? m.u?.username}
                        </Box>
                        <Box fontScale="c1" color="hint">
                            @{m.u?.username} · {timeOf(m)}
                        </Box>
                    </Box>
                    {m.msg && (
                        <Box className="page-message-text" data-qa="message-text">
                            <MarkdownText text={m.msg} />
                        </Box>
                    )}
                    {Array.isArray(m.blocks) && m.blocks.length > 0 && <MessageBlocks message={m} appId={appId} />}
                    {m.ephemeral && (
                        <Box fontScale="c1" color="hint">
                            {t('ephemeral')}
                        </Box>
                    )}
                </Box>
            ))}
            <div ref={end} />
        </Box>
    );
}
