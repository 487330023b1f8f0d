import { Box, Button, TextInput } from '@rocket.chat/fuselage';
import { useMemo, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { SlashCommand } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { matchingCommands } from './slashCommands';

export function Composer({ commands, onSend }: { commands: SlashCommand[]; onSend: (text: string) => Promise<void> }) {
    const { t, appT } = useI18n();
    const [text, setText] = useState('');
    const [busy, setBusy] = useState(false);
    const [selected, setSelected] = useState(0);
    const matches = useMemo(() => matchingCommands(text, commands), [text, commands]);
    const typingName = text.startsWith('/') && !/\s/.test(text);

    const complete = (command: SlashCommand) => setText(`/${command.command} `);

    const submit = async (event?: FormEvent) => {
        event?.preventDefault();
        const value = text.trim();
        if (!value || busy) return;
        setBusy(true);
        try {
            await onSend(value);
            setText('');
        } finally {
            setBusy(false);
        }
    };

    const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
        if (!typingName || matches.length === 0) return;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setSelected((i) => (i + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        } else if (event.key === 'Tab') {
            event.preventDefault();
            complete(matches[Math.min(selected, matches.length - 1)]);
        }
    };

    const describe = (c: SlashCommand) => ({
        params: c.appId ? appT(c.appId, c.params) : (c.params ?? ''),
        description: c.appId ? appT(c.appId, c.description) : (c.description ?? ''),
    });

    return (
        <Box is="form" className="page-composer" onSubmit={submit} data-qa="composer">
            {matches.length > 0 && (
                <Box is="ul" className="page-command-popup" role="listbox" data-qa="command-popup">
                    {matches.map((c, i) => {
                        const { params, description } = describe(c);
                        return (
                            <Box
                                is="li"
                                key={c.command}
                                role="option"
                                aria-selected={typingName && i === selected}
                                className={`page-command${typingName && i === selected ? ' page-command--selected' : ''}`}
                                data-qa="command-item"
                                data-command={c.command}
                                onMouseDown={(e) => {
                                    e.preventDefault();
                                    complete(c);
                                }}
                            >
                                <Box fontScale="p2b">
                                    /{c.command}{' '}
                                    <Box is="span" fontScale="p2" color="hint" data-qa="command-params">
                                        {params}
                                    </Box>
                                </Box>
                                <Box fontScale="c1" color="hint">
                                    {description}
                                </Box>
                            </Box>
                        );
                    })}
                </Box>
            )}
            <Box display="flex">
                <TextInput
                    data-qa="composer-input"
                    placeholder={t('composer_placeholder')}
                    value={text}
                    onChange={(e) => {
                        setText((e.target as HTMLInputElement).value);
                        setSelected(0);
                    }}
                    onKeyDown={onKeyDown}
                    readOnly={busy}
                    aria-busy={busy}
                    autoComplete="off"
                />
                <Button primary type="submit" mis="x8" disabled={busy || !text.trim()} data-qa="composer-send">
                    {t('composer_send')}
                </Button>
            </Box>
        </Box>
    );
}
