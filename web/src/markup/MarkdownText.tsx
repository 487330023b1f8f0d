import { lazy, Suspense } from 'react';

const loadMarkup = () => import('./Markup');
const Markup = lazy(loadMarkup);

/** Starts loading the markdown renderer (its own chunk) ahead of the first text that needs it. */
export const preloadMarkup = (): void => {
    void loadMarkup().catch(() => undefined);
};

/**
 * A markdown text (UIKit `mrkdwn`, a message) as Rocket.Chat's client draws it. While the renderer
 * loads the place stays empty and busy, as Rocket.Chat's client shows a skeleton meanwhile.
 */
export function MarkdownText({ text }: { text: string }) {
    if (!text) return null;
    return (
        <Suspense fallback={<span className="page-md-loading" aria-busy="true" />}>
            <Markup text={text} />
        </Suspense>
    );
}
