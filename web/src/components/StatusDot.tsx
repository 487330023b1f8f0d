import { StatusBullet } from '@rocket.chat/fuselage';
import type { PresenceStatus } from '../api/types';
import { useI18n } from '../i18n/I18n';

/** Rocket.Chat's status bullet, with the status as text for screen readers and tests. */
export function StatusDot({ status }: { status: PresenceStatus }) {
    const { t } = useI18n();
    const label = t(`status_${status}` as 'status_online');
    return (
        <span className="page-status-dot" data-qa="status-dot" data-status={status} title={label} aria-label={label}>
            <StatusBullet status={status} />
        </span>
    );
}
