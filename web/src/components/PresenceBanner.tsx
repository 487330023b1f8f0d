import { Box, Button, ButtonGroup } from '@rocket.chat/fuselage';
import { useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { Dialog } from './Dialog';

const DISMISSED_KEY = 'presence_cap_notifier';

/**
 * The banner Rocket.Chat's sidebar shows while the public setting `Presence_broadcast_disabled`
 * is true and the user has not dismissed it this session (sessionStorage `presence_cap_notifier`),
 * with its "Learn more" dialog (admins get a way to the presence settings).
 */
export function PresenceBanner({ disabled, isAdmin, onGoToSettings }: { disabled: boolean; isAdmin: boolean; onGoToSettings: () => void }) {
    const { t } = useI18n();
    const [dismissed, setDismissed] = useState(() => window.sessionStorage.getItem(DISMISSED_KEY) === 'true');
    const [learnMore, setLearnMore] = useState(false);
    if (!disabled || dismissed) return null;
    const dismiss = () => {
        window.sessionStorage.setItem(DISMISSED_KEY, 'true');
        setDismissed(true);
    };
    return (
        <>
            <Box className="page-banner" role="status" data-qa="presence-disabled-banner">
                <Box flexGrow={1}>
                    <Box fontScale="p2b">{t('banner_title')}</Box>
                    <Box is="button" type="button" className="page-link" onClick={() => setLearnMore(true)}>
                        {t('banner_learn_more')}
                    </Box>
                </Box>
                <Box is="button" type="button" className="page-banner-close" aria-label={t('dismiss')} onClick={dismiss}>
                    ×
                </Box>
            </Box>
            {learnMore && (
                <Dialog
                    title={t('banner_title')}
                    onClose={() => setLearnMore(false)}
                    data-qa="presence-banner-dialog"
                    footer={
                        <ButtonGroup align="end">
                            <Button onClick={() => setLearnMore(false)}>{t('close')}</Button>
                            {isAdmin && (
                                <Button
                                    primary
                                    onClick={() => {
                                        setLearnMore(false);
                                        onGoToSettings();
                                    }}
                                >
                                    {t('go_to_settings')}
                                </Button>
                            )}
                        </ButtonGroup>
                    }
                >
                    {isAdmin ? t('banner_admin_body') : t('banner_user_body')}
                </Dialog>
            )}
        </>
    );
}
