import {
    Box,
    Button,
    ButtonGroup,
    Callout,
    Field,
    FieldGroup,
    Icon,
    NumberInput,
    PasswordInput,
    TextAreaInput,
    TextInput,
    ToggleSwitch,
} from '@rocket.chat/fuselage';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { Rest, RestError } from '../api/rest';
import type { AppSettingDoc } from '../api/types';
import { groupBySection } from './groupBySection';
import { useI18n } from '../i18n/I18n';

type Values = Record<string, unknown>;

const valueOf = (s: AppSettingDoc): unknown => (s.value !== undefined && s.value !== null ? s.value : s.packageValue);

function SettingInput({ setting, value, onChange }: { setting: AppSettingDoc; value: unknown; onChange: (v: unknown) => void }) {
    const id = `setting-${setting.id}`;
    const common = { id, name: setting.id, 'data-qa': `setting-input-${setting.id}` };
    switch (setting.type) {
        case 'boolean':
            return <ToggleSwitch {...common} checked={value === true} onChange={() => onChange(value !== true)} />;
        case 'int':
        case 'number':
            return (
                <NumberInput
                    {...common}
                    value={value === '' || value === undefined ? '' : String(value)}
                    onChange={(e) => onChange((e.target as HTMLInputElement).value)}
                />
            );
        case 'password':
            return (
                <PasswordInput
                    {...common}
                    autoComplete="new-password"
                    value={String(value ?? '')}
                    onChange={(e) => onChange((e.target as HTMLInputElement).value)}
                />
            );
        case 'select':
            return (
                <select {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
                    {(setting.values ?? []).map((v) => (
                        <option key={v.key} value={v.key}>
                            {v.i18nLabel}
                        </option>
                    ))}
                </select>
            );
        case 'code':
            return (
                <TextAreaInput
                    {...common}
                    rows={8}
                    className="page-code"
                    value={String(value ?? '')}
                    onChange={(e) => onChange((e.target as HTMLTextAreaElement).value)}
                />
            );
        default:
            return setting.multiline ? (
                <TextAreaInput {...common} rows={4} value={String(value ?? '')} onChange={(e) => onChange((e.target as HTMLTextAreaElement).value)} />
            ) : (
                <TextInput {...common} value={String(value ?? '')} onChange={(e) => onChange((e.target as HTMLInputElement).value)} />
            );
    }
}

/**
 * One section of settings, folded open: its title a button in a heading (`aria-expanded`,
 * `aria-controls`) that folds the section's panel, as the WAI-ARIA accordion pattern has it
 * (fuselage 0.31's Accordion puts those attributes on a `div` with no role).
 */
function SettingsSection({ section, title, children }: { section: string; title: string; children: ReactNode }) {
    const [open, setOpen] = useState(true);
    const buttonId = `settings-${section}-title`;
    const panelId = `settings-${section}-panel`;
    return (
        <section className="page-settings-section" data-qa="settings-section" data-section={section} aria-labelledby={buttonId}>
            <h3 className="page-settings-section-heading">
                <button
                    type="button"
                    id={buttonId}
                    className="page-settings-section-toggle"
                    aria-expanded={open}
                    aria-controls={panelId}
                    onClick={() => setOpen((v) => !v)}
                >
                    <span data-qa="settings-section-title">{title}</span>
                    <Icon name={open ? 'chevron-up' : 'chevron-down'} size="x20" aria-hidden="true" />
                </button>
            </h3>
            <div id={panelId} className="page-settings-section-panel" hidden={!open}>
                {children}
            </div>
        </section>
    );
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The app's settings page, as Rocket.Chat's Apps admin shows it: the settings grouped by section
 * (a folding section each, titled from the app's i18n), each with its label and description
 * from the app's i18n; saving sends the changed settings to POST /api/apps/:id/settings, which runs
 * the app's setting hooks (the engine's settings flow).
 */
export function AppSettingsPage({ rest, appId, appName }: { rest: Rest; appId: string; appName: string }) {
    const { t, appT } = useI18n();
    const [settings, setSettings] = useState<AppSettingDoc[]>([]);
    const [edits, setEdits] = useState<Values>({});
    const [notice, setNotice] = useState<{ type: 'success' | 'danger' | 'info' | 'warning'; text: string }>();
    const [busy, setBusy] = useState(false);

    const load = useCallback(async () => {
        const { settings: map } = await rest.get<{ settings: Record<string, AppSettingDoc> }>(`/api/apps/${encodeURIComponent(appId)}/settings`);
        setSettings(Object.values(map).filter((s) => !s.hidden));
    }, [rest, appId]);

    useEffect(() => {
        load().catch((err) => setNotice({ type: 'danger', text: t('error', { error: String(err instanceof Error ? err.message : err) }) }));
    }, [load, t]);

    const labelOf = (s: AppSettingDoc) => appT(appId, s.i18nLabel) || s.id;

    const save = async () => {
        const changed = settings.filter((s) => s.id in edits && edits[s.id] !== valueOf(s));
        if (!changed.length) {
            setNotice({ type: 'info', text: t('unchanged') });
            return;
        }
        setBusy(true);
        try {
            const payload = changed.map((s) => ({ ...s, value: s.type === 'int' || s.type === 'number' ? Number(edits[s.id]) : edits[s.id] }));
            const answer = await rest.post<{ updated?: AppSettingDoc[] }>(`/api/apps/${encodeURIComponent(appId)}/settings`, { settings: payload });
            setEdits({});
            await load();
            // the app's hooks may store something else than what was sent (e.g. a refused custom status line, told in the value)
            const adjusted = (answer.updated ?? []).filter((u) => {
                const sent = payload.find((p) => p.id === u.id);
                return sent !== undefined && !sameValue(sent.value, u.value);
            });
            setNotice(
                adjusted.length
                    ? { type: 'warning', text: t('saved_adjusted', { settings: adjusted.map((u) => labelOf(u)).join(', ') }) }
                    : { type: 'success', text: t('saved') },
            );
        } catch (err) {
            setNotice({ type: 'danger', text: t('save_failed', { error: err instanceof RestError ? err.message : String(err) }) });
        } finally {
            setBusy(false);
        }
    };

    const reload = async () => {
        setEdits({});
        setNotice(undefined);
        await load().catch(() => undefined);
    };

    const field = (s: AppSettingDoc) => {
        const value = s.id in edits ? edits[s.id] : valueOf(s);
        const onChange = (v: unknown) => setEdits((e) => ({ ...e, [s.id]: v }));
        return (
            <Field key={s.id} data-qa={`setting-${s.id}`}>
                <Box display="flex" alignItems="center" justifyContent="space-between">
                    <Field.Label htmlFor={`setting-${s.id}`}>{labelOf(s)}</Field.Label>
                    {s.type === 'boolean' && <SettingInput setting={s} value={value} onChange={onChange} />}
                </Box>
                {s.type !== 'boolean' && (
                    <Field.Row>
                        <SettingInput setting={s} value={value} onChange={onChange} />
                    </Field.Row>
                )}
                {s.i18nDescription && <Field.Hint>{appT(appId, s.i18nDescription)}</Field.Hint>}
            </Field>
        );
    };

    return (
        <Box className="page-admin" data-qa="app-settings-page">
            <Box is="h2" fontScale="h2" mbs={0} mbe="x16">
                {t('settings_title', { app: appName })}
            </Box>
            {groupBySection(settings).map(([section, items]) => (
                <SettingsSection key={section} section={section} title={appT(appId, section)}>
                    <FieldGroup>{items.map(field)}</FieldGroup>
                </SettingsSection>
            ))}
            {notice && (
                <Callout type={notice.type} mbs="x16" data-qa="settings-notice">
                    {notice.text}
                </Callout>
            )}
            <ButtonGroup mbs="x16">
                <Button onClick={() => void reload()} data-qa="settings-reload">
                    {t('reload')}
                </Button>
                <Button primary disabled={busy} onClick={() => void save()} data-qa="settings-save">
                    {t('save')}
                </Button>
            </ButtonGroup>
        </Box>
    );
}
