import { useState } from 'react';
import type { FormEvent } from 'react';
import { Rest, RestError } from '../api/rest';
import type { LoginResult } from '../api/types';
import { useI18n } from '../i18n/I18n';

export interface TestUser {
    username: string;
    password: string;
}

function randomSecret(): string {
    const bytes = new Uint8Array(9);
    window.crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

/**
 * `POST /api/v1/login`; as admin it can also create a test user (`users.create`) and log in as them.
 * Plain elements styled like fuselage's (styles.css): the form is the first thing the page shows,
 * and it does not wait for fuselage, which comes with the logged-in page.
 */
export function LoginPage({ onLogin }: { onLogin: (result: LoginResult, created?: TestUser) => Promise<void> }) {
    const { t } = useI18n();
    const [username, setUsername] = useState('admin');
    const [password, setPassword] = useState('');
    const [error, setError] = useState<string>();
    const [busy, setBusy] = useState(false);
    const [showPassword, setShowPassword] = useState(false);

    const login = (user: string, pass: string) => new Rest().post<LoginResult>('/api/v1/login', { user, password: pass });

    const run = async (task: () => Promise<void>) => {
        setBusy(true);
        setError(undefined);
        try {
            await task();
        } catch (err) {
            setError(t('login_failed', { error: err instanceof RestError ? err.message : String(err) }));
        } finally {
            setBusy(false);
        }
    };

    const submit = (event: FormEvent) => {
        event.preventDefault();
        void run(async () => {
            await onLogin(await login(username, password));
        });
    };

    const createTestUser = () =>
        run(async () => {
            const admin = await login(username, password);
            const rest = new Rest();
            rest.setCredentials({ userId: admin.data.userId, authToken: admin.data.authToken });
            const created: TestUser = { username: `test-${randomSecret().slice(0, 6)}`, password: randomSecret() };
            await rest.post('/api/v1/users.create', {
                username: created.username,
                name: `Test ${created.username.slice(5)}`,
                email: `${created.username}@example.com`,
                password: created.password,
                verified: true,
            });
            await rest.post('/api/v1/logout').catch(() => undefined);
            await onLogin(await login(created.username, created.password), created);
        });

    return (
        <main className="page-login" data-qa="login-page">
            <form onSubmit={submit} className="page-login-card" aria-labelledby="page-login-title">
                <h1 id="page-login-title" className="page-login-title">
                    {t('title')}
                </h1>
                <div className="page-login-field">
                    <label htmlFor="login-username">{t('login_username')}</label>
                    <input
                        id="login-username"
                        name="username"
                        type="text"
                        autoComplete="username"
                        value={username}
                        onChange={(e) => setUsername(e.target.value)}
                    />
                </div>
                <div className="page-login-field">
                    <label htmlFor="login-password">{t('login_password')}</label>
                    <div className="page-login-password">
                        <input
                            id="login-password"
                            name="password"
                            type={showPassword ? 'text' : 'password'}
                            autoComplete="current-password"
                            aria-describedby="login-password-hint"
                            value={password}
                            onChange={(e) => setPassword(e.target.value)}
                        />
                        <button type="button" className="page-login-show" aria-pressed={showPassword} onClick={() => setShowPassword((v) => !v)}>
                            {t('login_show_password')}
                        </button>
                    </div>
                    <p id="login-password-hint" className="page-login-hint">
                        {t('login_hint')}
                    </p>
                </div>
                {error && (
                    <p className="page-login-error" role="alert" data-qa="login-error">
                        {error}
                    </p>
                )}
                <div className="page-login-buttons">
                    <button type="submit" className="page-login-button page-login-button--primary" disabled={busy} data-qa="login-submit">
                        {t('login_submit')}
                    </button>
                    <button type="button" className="page-login-button" disabled={busy} onClick={() => void createTestUser()} data-qa="login-create-test-user">
                        {t('login_create_test_user')}
                    </button>
                </div>
                <p className="page-login-note">{t('login_create_hint')}</p>
            </form>
        </main>
    );
}
