import { Box, Button, ButtonGroup } from '@rocket.chat/fuselage';
import { useState } from 'react';
import { RestError } from '../api/rest';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n/I18n';
import { textOf } from './interactions';
import { useSurfaces, type Surface } from './Surfaces';
import { ViewBlocks } from './ViewBlocks';
import { groupStateByBlockId } from './viewState';

/** Submit and close, as Rocket.Chat's client sends them (`viewSubmit` with the state; `viewClosed`). */
function useViewActions(surface: Surface) {
    const { interact, remove, setFailure } = useSurfaces();
    const [busy, setBusy] = useState(false);
    const view = surface.view;
    const withState = () => ({ ...view, state: groupStateByBlockId(surface.values) });

    const submit = async () => {
        setBusy(true);
        setFailure(view.id, undefined);
        try {
            const response = await interact(surface.appId, { type: 'viewSubmit', actionId: view.submit?.actionId, payload: { view: withState() } });
            // Rocket.Chat closes the view when the app answers a submit with neither a view nor errors.
            if (!response || !['errors', 'modal.update', 'modal.open', 'contextual_bar.update', 'contextual_bar.open'].includes(String(response.type))) {
                remove(view.id);
            }
        } catch (err) {
            setFailure(view.id, err instanceof RestError ? err.message : String(err));
        } finally {
            setBusy(false);
        }
    };

    const close = async () => {
        remove(view.id);
        try {
            await interact(surface.appId, { type: 'viewClosed', payload: { viewId: view.id, view: withState(), isCleared: false } });
        } catch {
            // the view is gone for the user either way
        }
    };
    return { submit, close, busy };
}

/** The view's input blocks: when they change, the renderer mounts the form afresh (and the dialog keeps focus inside). */
const inputsOf = (surface: Surface) =>
    (surface.view.blocks as Array<{ type?: string; blockId?: string }>)
        .filter((b) => b && b.type === 'input')
        .map((b) => b.blockId)
        .join('|');

function ModalView({ surface }: { surface: Surface }) {
    const { submit, close, busy } = useViewActions(surface);
    const { view } = surface;
    return (
        <Dialog
            title={textOf(view.title)}
            onClose={() => void close()}
            contentKey={inputsOf(surface)}
            data-qa="uikit-modal"
            data-view-id={view.id}
            footer={
                (view.close || view.submit) && (
                    <ButtonGroup align="end">
                        {view.close && (
                            <Button onClick={close} data-qa="uikit-modal-close">
                                {textOf(view.close.text)}
                            </Button>
                        )}
                        {view.submit && (
                            <Button primary disabled={busy} onClick={submit} data-qa="uikit-modal-submit">
                                {textOf(view.submit.text)}
                            </Button>
                        )}
                    </ButtonGroup>
                )
            }
        >
            <ViewBlocks surface={surface} />
        </Dialog>
    );
}

/** The topmost modal over a backdrop (Rocket.Chat shows one modal at a time). */
export function ModalHost() {
    const { surfaces } = useSurfaces();
    const top = [...surfaces].reverse().find((s) => s.kind === 'modal');
    if (!top) return null;
    return <ModalView key={top.view.id} surface={top} />;
}

/** The app's contextual bar, beside the room (Rocket.Chat's contextual bar area). */
export function ContextualBarHost() {
    const { surfaces } = useSurfaces();
    const { t } = useI18n();
    const bar = [...surfaces].reverse().find((s) => s.kind === 'contextualBar');
    const actions = useViewActions(bar ?? ({ view: { id: '', blocks: [] }, values: {}, errors: {}, appId: '', kind: 'contextualBar' } as Surface));
    if (!bar) return null;
    return (
        <Box is="aside" className="page-contextual-bar" data-qa="uikit-contextual-bar" data-view-id={bar.view.id}>
            <Box display="flex" alignItems="center" justifyContent="space-between" p="x16">
                <Box fontScale="h4">{textOf(bar.view.title)}</Box>
                <Button small onClick={actions.close} aria-label={t('close')}>
                    ×
                </Button>
            </Box>
            <Box p="x16" flexGrow={1} overflow="auto">
                <ViewBlocks surface={bar} />
            </Box>
            {bar.view.submit && (
                <Box p="x16">
                    <ButtonGroup align="end">
                        <Button primary disabled={actions.busy} onClick={actions.submit}>
                            {textOf(bar.view.submit.text)}
                        </Button>
                    </ButtonGroup>
                </Box>
            )}
        </Box>
    );
}
