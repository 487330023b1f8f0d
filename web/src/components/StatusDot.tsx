import { StatusBullet } from '@rocket.chat/fuselage';
import type { PresenceStatus } from '../api/types';
import { useI18n } from '../i18n/I18n';

/** Rocket.Chat's status bullet, an image named by the status for screen readers (and tests). */
export function StatusDot({ status }: { status: PresenceStatus }) {
    const { t } = useI18n();
    const label = t(`status_${status}` as 'status_online');
    return (
        <span className="page-status-dot" role="img" data-qa="status-dot" data-status={status} title={label} aria-label={label}>
            <StatusBullet status={status} />
        </span>
    );
}
