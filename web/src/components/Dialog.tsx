import { Modal } from '@rocket.chat/fuselage';
import { useUniqueId } from '@rocket.chat/fuselage-hooks';
import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18n';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
const FIELDS = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

const shown = (element: HTMLElement) => element.getClientRects().length > 0;

function focusables(root: HTMLElement): HTMLElement[] {
    return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(shown);
}

/** The first field of the dialog, else its first control (the close button). */
function focusFirst(root: HTMLElement): void {
    const field = Array.from(root.querySelectorAll<HTMLElement>(FIELDS)).find(shown);
    (field ?? focusables(root)[0] ?? root).focus();
}

interface DialogProps {
    title: ReactNode;
    onClose: () => void;
    footer?: ReactNode;
    children: ReactNode;
    /** changes when the dialog's content is replaced: focus lost with the old content comes back to the dialog */
    contentKey?: string;
    [data: `data-${string}`]: string | undefined;
}

/**
 * A modal dialog with fuselage's look, made usable without a mouse and by a screen reader: a
 * `dialog` named by its title (an `h2`, the header no second banner), focus moved into it when it
 * opens and kept inside it, Escape and a named close button to close it, and focus given back to
 * what had it before.
 */
export function Dialog({ title, onClose, footer, children, contentKey, ...data }: DialogProps) {
    const { t } = useI18n();
    const titleId = useUniqueId();
    const ref = useRef<HTMLDivElement>(null);

    useEffect(() => {
        const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        if (ref.current) focusFirst(ref.current);
        return () => {
            if (opener && opener.isConnected) opener.focus();
        };
    }, []);

    useEffect(() => {
        const root = ref.current;
        if (root && !root.contains(document.activeElement)) focusFirst(root);
    }, [contentKey]);

    const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
        if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
            return;
        }
        if (event.key !== 'Tab' || !ref.current) return;
        const items = focusables(ref.current);
        if (!items.length) return;
        const first = items[0];
        const last = items[items.length - 1];
        if (event.shiftKey && (document.activeElement === first || !ref.current.contains(document.activeElement))) {
            event.preventDefault();
            last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first.focus();
        }
    };

    return (
        <Modal.Backdrop>
            <Modal ref={ref} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown} {...data}>
                <Modal.Header is="div">
                    <Modal.Title is="h2" id={titleId} data-qa={data['data-qa'] ? `${data['data-qa']}-title` : undefined}>
                        {title}
                    </Modal.Title>
                    <Modal.Close aria-label={t('close')} title={t('close')} onClick={onClose} data-qa="dialog-close-icon" />
                </Modal.Header>
                <Modal.Content>{children}</Modal.Content>
                {footer && <Modal.Footer>{footer}</Modal.Footer>}
            </Modal>
        </Modal.Backdrop>
    );
}
