import { Box } from '@rocket.chat/fuselage';
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
 * for the `userDropdownAction` context, then the page's own entries.
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
    useEffect(() => {
        if (!open) return;
        const close = (event: MouseEvent) => {
            if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
        };
        document.addEventListener('mousedown', close);
        return () => document.removeEventListener('mousedown', close);
    }, [open]);
    const choose = (action: () => void) => {
        setOpen(false);
        action();
    };
    return (
        <div className="page-user-menu" ref={root}>
            <button type="button" className="page-user-button" data-qa="user-menu" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
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
                <Box is="ul" className="page-menu" role="menu" data-qa="user-menu-items">
                    {buttons.map((b) => (
                        <li key={`${b.appId}/${b.actionId}`} role="none">
                            <button
                                type="button"
                                role="menuitem"
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
                            <button type="button" role="menuitem" data-qa={`menu-${item.id}`} onClick={() => choose(item.onClick)}>
                                {item.label}
                            </button>
                        </li>
                    ))}
                </Box>
            )}
        </div>
    );
}
