import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Rest } from '../api/rest';
import { sendInteraction, surfaceChange, type InteractionResponse, type SurfaceKind, type UiView } from './interactions';
import { actionIds, initialValues, type ViewValues } from './viewState';

export interface Surface {
    kind: SurfaceKind;
    appId: string;
    view: UiView;
    values: ViewValues;
    errors: Record<string, string>;
    /** an error of the interaction itself (HTTP), shown above the blocks */
    failure?: string;
}

interface SurfacesApi {
    surfaces: Surface[];
    /** Applies an interaction response (from a request, or pushed on `<uid>/uiInteraction`). */
    apply(response: InteractionResponse | undefined, appId: string): void;
    /** Sends an interaction and applies its response; rejects on an HTTP error. */
    interact(appId: string, body: Record<string, unknown>): Promise<InteractionResponse>;
    setValue(viewId: string, actionId: string, blockId: string, value: unknown): void;
    setFailure(viewId: string, failure: string | undefined): void;
    remove(viewId: string): void;
}

const SurfacesContext = createContext<SurfacesApi | undefined>(undefined);

export function useSurfaces(): SurfacesApi {
    const api = useContext(SurfacesContext);
    if (!api) throw new Error('useSurfaces outside SurfacesProvider');
    return api;
}

/** Carries over values for action ids the new view still has; the new view's initial values win. */
function updatedValues(previous: ViewValues, view: UiView): ViewValues {
    const seeded = initialValues(view.blocks);
    const present = actionIds(view.blocks);
    const kept: ViewValues = {};
    for (const [actionId, entry] of Object.entries(previous)) {
        if (entry && present.has(actionId) && !(actionId in seeded)) kept[actionId] = entry;
    }
    return { ...kept, ...seeded };
}

/** The app's open modals and contextual bars, changed by interaction responses as Rocket.Chat's client does. */
export function SurfacesProvider({ rest, children }: { rest: Rest; children: ReactNode }) {
    const [surfaces, setSurfaces] = useState<Surface[]>([]);

    const apply = useCallback((response: InteractionResponse | undefined, appId: string) => {
        const change = surfaceChange(response, appId);
        setSurfaces((current) => {
            switch (change.op) {
                case 'open': {
                    const others = current.filter((s) => s.view.id !== change.view.id && (change.kind !== 'contextualBar' || s.kind !== 'contextualBar'));
                    return [...others, { kind: change.kind, appId: change.appId, view: change.view, values: initialValues(change.view.blocks), errors: {} }];
                }
                case 'update': {
                    const index = current.findIndex((s) => s.view.id === change.view.id);
                    if (index < 0) {
                        return [
                            ...current,
                            { kind: change.kind, appId: change.appId, view: change.view, values: initialValues(change.view.blocks), errors: {} },
                        ];
                    }
                    const next = [...current];
                    next[index] = {
                        ...current[index],
                        view: change.view,
                        values: updatedValues(current[index].values, change.view),
                        errors: {},
                        failure: undefined,
                    };
                    return next;
                }
                case 'close':
                    return current.filter((s) => s.kind !== change.kind || (change.viewId !== undefined && s.view.id !== change.viewId));
                case 'errors':
                    return current.map((s) => (change.viewId === undefined || s.view.id === change.viewId ? { ...s, errors: change.errors } : s));
                default:
                    return current;
            }
        });
    }, []);

    const interact = useCallback(
        async (appId: string, body: Record<string, unknown>) => {
            const response = await sendInteraction(rest, appId, body);
            apply(response, appId);
            return response;
        },
        [rest, apply],
    );

    const setValue = useCallback((viewId: string, actionId: string, blockId: string, value: unknown) => {
        setSurfaces((current) => current.map((s) => (s.view.id === viewId ? { ...s, values: { ...s.values, [actionId]: { blockId, value } } } : s)));
    }, []);

    const setFailure = useCallback((viewId: string, failure: string | undefined) => {
        setSurfaces((current) => current.map((s) => (s.view.id === viewId ? { ...s, failure } : s)));
    }, []);

    const remove = useCallback((viewId: string) => setSurfaces((current) => current.filter((s) => s.view.id !== viewId)), []);

    const api = useMemo(() => ({ surfaces, apply, interact, setValue, setFailure, remove }), [surfaces, apply, interact, setValue, setFailure, remove]);
    return <SurfacesContext.Provider value={api}>{children}</SurfacesContext.Provider>;
}
