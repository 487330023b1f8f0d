import { Callout, Margins } from '@rocket.chat/fuselage';
import { kitContext } from '@rocket.chat/fuselage-ui-kit';
import type { ComponentProps } from 'react';
import { useMemo } from 'react';
import { useI18n } from '../i18n/I18n';
import { RestError } from '../api/rest';
import { useSurfaces, type Surface } from './Surfaces';
import { UiKitModal } from './renderer/PageSurfaceRenderer';
import { actionIds, blockKeys, unsupportedTypes } from './viewState';

type KitContextValue = ComponentProps<typeof kitContext.Provider>['value'];
type Blocks = Parameters<typeof UiKitModal>[0];

/** The view's input blocks, so the renderer is mounted afresh when the form changes (its inputs keep local state). */
function inputsKey(surface: Surface): string {
    const inputs = (surface.view.blocks as Array<{ type?: string }>).filter((b) => b && b.type === 'input');
    return [surface.view.id, ...actionIds(inputs)].join('|');
}

/**
 * A view's blocks through Rocket.Chat's UIKit renderer (`@rocket.chat/fuselage-ui-kit`, with the
 * page's fixes in ./renderer), with the kit context wired as Rocket.Chat's client wires it: `state`
 * keeps values, `action` sends a block action to POST /api/apps/ui.interaction/:appId.
 */
export function ViewBlocks({ surface }: { surface: Surface }) {
    const { t } = useI18n();
    const { interact, setValue, setFailure } = useSurfaces();
    const viewId = surface.view.id;

    const context = useMemo<KitContextValue>(
        () => ({
            appId: surface.appId,
            viewId,
            values: surface.values as KitContextValue['values'],
            errors: surface.errors,
            state: ({ actionId, blockId, value }) => setValue(viewId, actionId, blockId, value),
            action: async ({ appId, actionId, blockId, value }) => {
                setValue(viewId, actionId, blockId, value);
                try {
                    setFailure(viewId, undefined);
                    await interact(appId || surface.appId, {
                        type: 'blockAction',
                        actionId,
                        payload: { blockId, value },
                        container: { type: 'view', id: viewId },
                    });
                } catch (err) {
                    setFailure(viewId, err instanceof RestError ? err.message : String(err));
                }
            },
        }),
        [surface.appId, surface.values, surface.errors, viewId, interact, setValue, setFailure],
    );

    const known = actionIds(surface.view.blocks);
    const otherErrors = Object.entries(surface.errors).filter(([key]) => !known.has(key));
    const unsupported = unsupportedTypes(surface.view.blocks);

    return (
        <Margins blockEnd="x8">
            {surface.failure && <Callout type="danger">{t('ui_error', { error: surface.failure })}</Callout>}
            {otherErrors.map(([key, text]) => (
                <Callout key={key} type="danger" data-qa="uikit-view-error">
                    {text}
                </Callout>
            ))}
            {unsupported.map((type) => (
                <Callout key={type} type="warning">
                    {t('ui_unsupported', { type })}
                </Callout>
            ))}
            <kitContext.Provider value={context}>
                <div key={inputsKey(surface)} className="page-uikit-blocks">
                    {blockKeys(surface.view.blocks).map(({ block, key }) => (
                        // one block per renderer call, so each is found by its block id (the renderer itself writes no ids)
                        <div key={key} data-qa="uikit-block" data-block-id={block.blockId} data-block-type={block.type}>
                            {UiKitModal([block] as unknown as Blocks)}
                        </div>
                    ))}
                </div>
            </kitContext.Provider>
        </Margins>
    );
}
