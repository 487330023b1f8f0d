import { Box, Button, ButtonGroup, Callout, Field, FieldGroup, PasswordInput, TextInput } from '@rocket.chat/fuselage';
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

/** `POST /api/v1/login`; as admin it can also create a test user (`users.create`) and log in as them. */
export function LoginPage({ onLogin }: { onLogin: (result: LoginResult, created?: TestUser) => Promise<void> }) {
    const { t } = useI18n();
    const [username, setUsername] = useState('admin');
    const [password, setPassword] = useState('');
    const [error, setError] = useState<string>();
    const [busy, setBusy] = useState(false);

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
        <Box is="main" className="page-login" data-qa="login-page">
            <Box is="form" onSubmit={submit} className="page-login-card" aria-labelledby="page-login-title">
                <Box is="h1" id="page-login-title" fontScale="h2" mbs={0} mbe="x16">
                    {t('title')}
                </Box>
                <FieldGroup>
                    <Field>
                        <Field.Label htmlFor="login-username">{t('login_username')}</Field.Label>
                        <Field.Row>
                            <TextInput
                                id="login-username"
                                name="username"
                                value={username}
                                onChange={(e) => setUsername((e.target as HTMLInputElement).value)}
                            />
                        </Field.Row>
                    </Field>
                    <Field>
                        <Field.Label htmlFor="login-password">{t('login_password')}</Field.Label>
                        <Field.Row>
                            <PasswordInput
                                id="login-password"
                                name="password"
                                value={password}
                                onChange={(e) => setPassword((e.target as HTMLInputElement).value)}
                            />
                        </Field.Row>
                        <Field.Hint>{t('login_hint')}</Field.Hint>
                    </Field>
                </FieldGroup>
                {error && (
                    <Callout type="danger" mbs="x16" data-qa="login-error">
                        {error}
                    </Callout>
                )}
                <ButtonGroup mbs="x16" stretch>
                    <Button primary type="submit" disabled={busy} data-qa="login-submit">
                        {t('login_submit')}
                    </Button>
                    <Button type="button" disabled={busy} onClick={() => void createTestUser()} data-qa="login-create-test-user">
                        {t('login_create_test_user')}
                    </Button>
                </ButtonGroup>
                <Box fontScale="c1" color="hint" mbs="x8">
                    {t('login_create_hint')}
                </Box>
            </Box>
        </Box>
    );
}
