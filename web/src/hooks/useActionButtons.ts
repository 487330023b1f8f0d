import { useEffect, useState } from 'react';
import type { Rest } from '../api/rest';
import type { ActionButton, Me } from '../api/types';

type When = ActionButton['when'] & { hasOneRole?: string[]; hasAllRoles?: string[] };

/**
 * The apps' action buttons for one context (`GET /api/apps/actionButtons`), filtered by their
 * `when` as Rocket.Chat's client does for roles. The workspace carries no permissions beyond the
 * admin role, so a permission condition holds for admins only.
 */
export function filterButtons(buttons: ActionButton[], context: string, me: Me): ActionButton[] {
    const roles = me.roles ?? [];
    const isAdmin = roles.includes('admin');
    return buttons.filter((button) => {
        if (button.context !== context) return false;
        const when = (button.when ?? {}) as When;
        if (when.hasOneRole?.length && !when.hasOneRole.some((r) => roles.includes(r))) return false;
        if (when.hasAllRoles?.length && !when.hasAllRoles.every((r) => roles.includes(r))) return false;
        if ((when.hasOnePermission?.length || when.hasAllPermissions?.length) && !isAdmin) return false;
        return true;
    });
}

export function useActionButtons(rest: Rest, me: Me, context: string): ActionButton[] {
    const [buttons, setButtons] = useState<ActionButton[]>([]);
    useEffect(() => {
        let stopped = false;
        rest.get<ActionButton[]>('/api/apps/actionButtons')
            .then((all) => {
                if (!stopped) setButtons(filterButtons(Array.isArray(all) ? all : [], context, me));
            })
            .catch(() => undefined);
        return () => {
            stopped = true;
        };
    }, [rest, me, context]);
    return buttons;
}
