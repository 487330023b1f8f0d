import type { ComponentProps } from 'react';
import { SurfacesProvider } from '../uikit/Surfaces';
import { Shell } from './Shell';

/** The page once logged in: a chunk of its own, so the login form loads without it. */
export default function LoggedInPage(props: ComponentProps<typeof Shell>) {
    return (
        <SurfacesProvider rest={props.rest}>
            <Shell {...props} />
        </SurfacesProvider>
    );
}
