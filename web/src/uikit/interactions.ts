import type { Rest } from '../api/rest';

/** A view (modal or contextual bar) as the app sends it in an interaction response. */
export interface UiView {
    id: string;
    appId?: string;
    type?: string;
    title?: { text?: string } | string;
    blocks: unknown[];
    submit?: { actionId?: string; text?: { text?: string } };
    close?: { actionId?: string; text?: { text?: string } };
    [key: string]: unknown;
}

/** Rocket.Chat's interaction responses (`UIKitInteractionType` in the Apps-Engine / core-typings). */
export interface InteractionResponse {
    type?: string;
    appId?: string;
    triggerId?: string;
    viewId?: string;
    view?: UiView;
    errors?: Record<string, string>;
    success?: boolean;
}

export const randomTriggerId = (): string => Math.random().toString(36).slice(2) + Date.now().toString(36);

/** POST /api/apps/ui.interaction/:appId, as Rocket.Chat's client ActionManager sends it. */
export function sendInteraction(rest: Rest, appId: string, body: Record<string, unknown>): Promise<InteractionResponse> {
    return rest.post<InteractionResponse>(`/api/apps/ui.interaction/${encodeURIComponent(appId)}`, { triggerId: randomTriggerId(), ...body });
}

export type SurfaceKind = 'modal' | 'contextualBar';

/** What a response asks the page to do with its surfaces. */
export type SurfaceChange =
    | { op: 'open' | 'update'; kind: SurfaceKind; appId: string; view: UiView }
    | { op: 'close'; kind: SurfaceKind; viewId?: string }
    | { op: 'errors'; viewId?: string; errors: Record<string, string> }
    | { op: 'none' };

export function surfaceChange(response: InteractionResponse | undefined, fallbackAppId: string): SurfaceChange {
    if (!response || typeof response !== 'object' || !response.type) return { op: 'none' };
    const appId = response.appId ?? response.view?.appId ?? fallbackAppId;
    const view = response.view;
    switch (response.type) {
        case 'modal.open':
        case 'modal':
            return view ? { op: 'open', kind: 'modal', appId, view } : { op: 'none' };
        case 'modal.update':
            return view ? { op: 'update', kind: 'modal', appId, view } : { op: 'none' };
        case 'modal.close':
            return { op: 'close', kind: 'modal', viewId: response.viewId ?? view?.id };
        case 'contextual_bar.open':
        case 'contextual_bar':
            return view ? { op: 'open', kind: 'contextualBar', appId, view } : { op: 'none' };
        case 'contextual_bar.update':
            return view ? { op: 'update', kind: 'contextualBar', appId, view } : { op: 'none' };
        case 'contextual_bar.close':
            return { op: 'close', kind: 'contextualBar', viewId: response.viewId ?? view?.id };
        case 'errors':
            return { op: 'errors', viewId: response.viewId, errors: response.errors ?? {} };
        default:
            return { op: 'none' };
    }
}

export function textOf(value: { text?: string } | string | undefined): string {
    if (!value) return '';
    return typeof value === 'string' ? value : (value.text ?? '');
}
