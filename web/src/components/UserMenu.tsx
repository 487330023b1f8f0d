import { Box } from '@rocket.chat/fuselage';
import type { KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { ActionButton, Me, PresenceStatus } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { StatusDot } from './StatusDot';

export interface MenuItem {
    id: string;
    label: string;
    onClick: () => void;
}

/**
 * The user menu (Rocket.Chat's user dropdown): one's status and message, the apps' action buttons
 * for the `userDropdownAction` context, then the page's own entries. A menu button as the WAI-ARIA
 * pattern has it: opening it focuses the first entry, the arrow keys (and Home, End) move between
 * entries, Escape closes it and gives focus back to the button, Tab leaves it.
 */
export function UserMenu({
    me,
    status,
    buttons,
    onButton,
    items,
}: {
    me: Me;
    status: PresenceStatus;
    buttons: ActionButton[];
    onButton: (button: ActionButton) => void;
    items: MenuItem[];
}) {
    const { appT } = useI18n();
    const [open, setOpen] = useState(false);
    const root = useRef<HTMLDivElement>(null);
    const button = useRef<HTMLButtonElement>(null);
    const list = useRef<HTMLUListElement>(null);
    useEffect(() => {
        if (!open) return;
        const close = (event: MouseEvent) => {
            if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
        };
        document.addEventListener('mousedown', close);
        return () => document.removeEventListener('mousedown', close);
    }, [open]);
    useEffect(() => {
        if (open) list.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    }, [open]);
    // an entry's action may open a dialog: the focus it will give back is the menu button's
    const choose = (action: () => void) => {
        button.current?.focus();
        setOpen(false);
        action();
    };
    const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
        const items = Array.from(list.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? []);
        const at = items.indexOf(document.activeElement as HTMLElement);
        const go = (index: number) => {
            event.preventDefault();
            items[(index + items.length) % items.length]?.focus();
        };
        switch (event.key) {
            case 'ArrowDown':
                return go(at + 1);
            case 'ArrowUp':
                return go(at - 1);
            case 'Home':
                return go(0);
            case 'End':
                return go(items.length - 1);
            case 'Escape':
                event.preventDefault();
                setOpen(false);
                button.current?.focus();
                return;
            case 'Tab':
                setOpen(false);
                return;
        }
    };
    return (
        <div className="page-user-menu" ref={root}>
            <button
                ref={button}
                type="button"
                className="page-user-button"
                data-qa="user-menu"
                aria-haspopup="menu"
                aria-expanded={open}
                aria-controls={open ? 'page-user-menu-items' : undefined}
                onClick={() => setOpen((v) => !v)}
            >
                <StatusDot status={status} />
                <Box is="span" className="page-user-button-text">
                    <Box is="span" fontScale="p2b" data-qa="own-username">
                        {me.username}
                    </Box>
                    <Box is="span" fontScale="c1" color="hint" className="page-ellipsis" data-qa="own-status-text">
                        {me.statusText ?? ''}
                    </Box>
                </Box>
            </button>
            {open && (
                <Box is="ul" ref={list} id="page-user-menu-items" className="page-menu" role="menu" data-qa="user-menu-items" onKeyDown={onMenuKeyDown}>
                    {buttons.map((b) => (
                        <li key={`${b.appId}/${b.actionId}`} role="none">
                            <button
                                type="button"
                                role="menuitem"
                                tabIndex={-1}
                                data-qa="app-action-button"
                                data-action-id={b.actionId}
                                onClick={() => choose(() => onButton(b))}
                            >
                                {appT(b.appId, b.labelI18n)}
                            </button>
                        </li>
                    ))}
                    {buttons.length > 0 && <li role="separator" className="page-menu-separator" />}
                    {items.map((item) => (
                        <li key={item.id} role="none">
                            <button type="button" role="menuitem" tabIndex={-1} data-qa={`menu-${item.id}`} onClick={() => choose(item.onClick)}>
                                {item.label}
                            </button>
                        </li>
                    ))}
                </Box>
            )}
        </div>
    );
}
