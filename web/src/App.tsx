import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Realtime } from './api/realtime';
import { Rest, type Credentials } from './api/rest';
import { loadCredentials, saveCredentials } from './api/session';
import type { LoginResult, Me } from './api/types';
import { LoginPage, type TestUser } from './components/LoginPage';
import { CATALOGS } from './i18n/catalog';
import { I18nProvider, makeI18n, useI18n, type AppLanguages } from './i18n/I18n';
import { PresenceStore } from './presence/PresenceStore';

// The logged-in page and the realtime client are chunks of their own: the login form comes first
// (index.html has the browser prefetch them at idle priority), or they load at once with a login
// kept from before.
const loadLoggedInPage = () => import('./components/LoggedInPage');
const loadRealtime = () => import('./api/realtime');
const LoggedInPage = lazy(loadLoggedInPage);

function preloadLoggedIn(): void {
    void loadLoggedInPage().catch(() => undefined);
    void loadRealtime().catch(() => undefined);
}

function Booting() {
    const { t } = useI18n();
    return (
        <main className="page-booting" aria-busy="true">
            <span className="page-spinner" role="status" aria-label={t('loading')} />
        </main>
    );
}

interface Session {
    me: Me;
    realtime: Realtime;
    store: PresenceStore;
}

function browserLanguage(): string {
    const wanted = navigator.language || 'en';
    if (CATALOGS[wanted]) return wanted;
    const base = wanted.split('-')[0];
    return CATALOGS[base] ? base : 'en';
}

export function App() {
    const rest = useMemo(() => new Rest(), []);
    const [session, setSession] = useState<Session>();
    const [booting, setBooting] = useState(true);
    const [appLanguages, setAppLanguages] = useState<AppLanguages>({});
    const [app, setApp] = useState<{ id: string; name: string }>({ id: '', name: '' });
    const [notice, setNotice] = useState<TestUser>();

    const start = useCallback(
        async (credentials: Credentials) => {
            rest.setCredentials(credentials);
            const me = await rest.get<Me>('/api/v1/me');
            const { Realtime } = await loadRealtime();
            const realtime = await Realtime.connect(window.location.origin, credentials.authToken);
            const { apps } = await rest.get<{ apps: Array<{ id: string; languages: AppLanguages[string] }> }>('/api/apps/languages');
            setAppLanguages(Object.fromEntries(apps.map((a) => [a.id, a.languages])));
            const first = apps[0];
            let name = first?.id ?? '';
            if ((me.roles ?? []).includes('admin')) {
                const listed = await rest.get<{ apps: Array<{ id: string; name: string }> }>('/api/apps').catch(() => ({ apps: [] }));
                name = listed.apps.find((a) => a.id === first?.id)?.name ?? name;
            }
            setApp({ id: first?.id ?? '', name });
            setSession({ me, realtime, store: new PresenceStore() });
        },
        [rest],
    );

    useEffect(() => {
        const stored = loadCredentials();
        if (!stored) {
            // index.html has the browser prefetch them while the login form is shown
            setBooting(false);
            return;
        }
        preloadLoggedIn();
        start(stored)
            .catch(() => saveCredentials(undefined))
            .finally(() => setBooting(false));
    }, [start]);

    const onLogin = async (result: LoginResult, created?: TestUser) => {
        const credentials = { userId: result.data.userId, authToken: result.data.authToken };
        saveCredentials(credentials);
        await start(credentials);
        setNotice(created);
    };

    const onLogout = async () => {
        await rest.post('/api/v1/logout').catch(() => undefined);
        session?.realtime.close();
        saveCredentials(undefined);
        rest.setCredentials(undefined);
        setSession(undefined);
        setNotice(undefined);
    };

    const onLanguage = async (language: string) => {
        if (!session) return;
        // Rocket.Chat's account preferences save through users.setPreferences
        await rest.post('/api/v1/users.setPreferences', { userId: session.me._id, data: { language } });
        setSession({ ...session, me: { ...session.me, settings: { preferences: { ...session.me.settings?.preferences, language } } } });
    };

    const language = session?.me.settings?.preferences?.language || browserLanguage();
    const i18n = useMemo(() => makeI18n(language, appLanguages), [language, appLanguages]);

    useEffect(() => {
        document.documentElement.lang = i18n.language;
        document.title = i18n.t('title');
    }, [i18n]);

    return (
        <I18nProvider value={i18n}>
            {booting ? (
                <Booting />
            ) : session ? (
                <Suspense fallback={<Booting />}>
                    <LoggedInPage
                        rest={rest}
                        realtime={session.realtime}
                        store={session.store}
                        me={session.me}
                        app={app}
                        onLanguage={onLanguage}
                        onLogout={() => void onLogout()}
                        notice={notice ? i18n.t('test_user_created', { username: notice.username, password: notice.password }) : undefined}
                        onDismissNotice={() => setNotice(undefined)}
                    />
                </Suspense>
            ) : (
                <LoginPage onLogin={onLogin} />
            )}
        </I18nProvider>
    );
}
