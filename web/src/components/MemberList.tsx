import { Box } from '@rocket.chat/fuselage';
import type { PresenceStore } from '../presence/PresenceStore';
import { usePresenceVersion } from '../presence/usePresence';
import { useI18n } from '../i18n/I18n';
import { StatusDot } from './StatusDot';

/** Everyone the presence store knows, with a live dot and status message. */
export function MemberList({ store }: { store: PresenceStore }) {
    const { t } = useI18n();
    usePresenceVersion(store);
    const users = store.list();
    return (
        <Box is="section" className="page-members" data-qa="member-list" aria-labelledby="page-members-title">
            <Box is="h2" id="page-members-title" fontScale="h4" p="x16" pbe="x4" m={0}>
                {t('members')}
            </Box>
            <Box fontScale="c1" color="hint" pi="x16" pbe="x8">
                {t('members_hint')}
            </Box>
            <Box is="ul" className="page-member-items">
                {users.map((user) => (
                    <Box is="li" key={user._id} className="page-member" data-qa="member" data-username={user.username} data-status={user.status}>
                        <StatusDot status={user.status} />
                        <Box className="page-member-text">
                            <Box fontScale="p2m" className="page-ellipsis">
                                {user.name && user.name !== user.username ? `${user.name} ` : ''}
                                <Box is="span" color="hint">
                                    @{user.username}
                                </Box>
                            </Box>
                            {user.statusText ? (
                                <Box fontScale="c1" color="hint" className="page-ellipsis" data-qa="member-status-text">
                                    {user.statusText}
                                </Box>
                            ) : null}
                        </Box>
                    </Box>
                ))}
            </Box>
        </Box>
    );
}
