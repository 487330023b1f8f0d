import { IcsEvent } from './icsParser';

/** What a block of time means for the user's status. */
export type BusyKind = 'busy' | 'ooo';

/**
 * SPEC section 7's rules for what counts, for one event (or one override):
 * - left out: `STATUS:CANCELLED`, `TRANSP:TRANSPARENT` (marked "free"), Outlook's
 *   `X-MICROSOFT-CDO-BUSYSTATUS:FREE`, and `WORKINGELSEWHERE` (Outlook's "working elsewhere", which
 *   Outlook itself does not show as busy); any one of them leaves the event out, whatever else it says;
 * - `X-MICROSOFT-CDO-BUSYSTATUS:OOF` is out of office;
 * - all-day events count only when marked `BUSY` or `OOF` (a birthday or a holiday is no meeting);
 * - everything else is busy, `STATUS:TENTATIVE` and `BUSYSTATUS:TENTATIVE` included: a meeting one
 *   may attend is a meeting to be disturbed in, as Outlook's free/busy shows it.
 */
export function busyKindOf(event: Pick<IcsEvent, 'status' | 'transp' | 'busyStatus'>, allDay: boolean): BusyKind | undefined {
    const outlook = event.busyStatus;
    if (event.status === 'CANCELLED' || event.transp === 'TRANSPARENT' || outlook === 'FREE' || outlook === 'WORKINGELSEWHERE') {
        return undefined;
    }
    if (outlook === 'OOF') {
        return 'ooo';
    }
    if (allDay) {
        return outlook === 'BUSY' ? 'busy' : undefined;
    }
    return 'busy';
}
