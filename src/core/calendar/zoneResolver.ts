import { IcsTimezone } from './icsParser';
import { vtimezoneZone } from './vtimezone';
import { ianaNameOfWindowsZone } from './windowsZones';
import { ianaZone, Zone } from './zones';

/**
 * The zone a TZID names, in this order: an IANA name the runtime knows; a Windows name (Outlook,
 * Exchange) mapped to IANA; an IANA name behind an old prefix (`/mozilla.org/20050126_1/Europe/Berlin`,
 * `/freeassociation.sourceforge.net/Tzfile/Europe/Berlin`); else the feed's own VTIMEZONE block of
 * that TZID. Undefined when none of these knows it (the event is then left out and counted).
 */
export type ZoneResolver = (tzid: string) => Zone | undefined;

function prefixedIana(tzid: string): Zone | undefined {
    const segments = tzid.split('/').filter((s) => s !== '');
    for (let take = Math.min(3, segments.length); take >= 2; take--) {
        const zone = ianaZone(segments.slice(segments.length - take).join('/'));
        if (zone) {
            return zone;
        }
    }
    return undefined;
}

export function zoneResolver(timezones: Map<string, IcsTimezone>): ZoneResolver {
    const resolved = new Map<string, Zone | null>();
    return (tzid) => {
        const cached = resolved.get(tzid);
        if (cached !== undefined) {
            return cached ?? undefined;
        }
        const windows = ianaNameOfWindowsZone(tzid);
        const defined = timezones.get(tzid);
        const zone =
            ianaZone(tzid) ??
            (windows ? ianaZone(windows) : undefined) ??
            (tzid.indexOf('/') >= 0 ? prefixedIana(tzid) : undefined) ??
            (defined ? vtimezoneZone(defined) : undefined);
        resolved.set(tzid, zone ?? null);
        return zone;
    };
}
