import { IUIKitModalViewParam } from '@rocket.chat/apps-engine/definition/uikit/UIKitInteractionResponder';

import { translator } from '../i18n/translate';
import { UI_MESSAGES } from '../i18n/uiMessages';
import { PresenceReport } from '../services/reports/presenceReport';
import { actions, Block, button, context, divider, section } from './blocks';
import { adminModal, CustomStatusAdminId } from './CustomStatusAdminView';

/** The console's reports share its view id; each has a Back button to the list. */
const ReportBlock = {
    Summary: 'cs-report-summary',
    Warning: 'cs-report-warning',
    History: 'cs-report-history',
    Lines: 'cs-report-lines',
    Toolbar: 'cs-report-toolbar',
} as const;

const backBar = (appId: string, t: (key: 'admin_back') => string): Block =>
    actions(ReportBlock.Toolbar, [button(appId, ReportBlock.Toolbar, CustomStatusAdminId.BackAction, t('admin_back'))]);

/** The Presence view: the same report as `/status connections`, with the early warning's level. */
export function presenceReportView(appId: string, language: string | undefined, report: PresenceReport): IUIKitModalViewParam {
    const t = translator(UI_MESSAGES, language);
    const blocks: Block[] = [
        section(ReportBlock.Summary, report.summary),
        ...(report.warning ? [context(report.warning)] : []),
        divider(),
        section(ReportBlock.History, report.history),
        backBar(appId, t),
    ];
    return adminModal(appId, t('presence_title'), blocks, undefined, t('close'));
}

/** The Audit trail view: the latest entries, one line each (or the empty notice). */
export function auditReportView(appId: string, language: string | undefined, lines: ReadonlyArray<string>, empty: string): IUIKitModalViewParam {
    const t = translator(UI_MESSAGES, language);
    const blocks: Block[] = [section(ReportBlock.Lines, lines.length ? lines.join('\n') : empty), backBar(appId, t)];
    return adminModal(appId, t('audit_view_title'), blocks, undefined, t('close'));
}
