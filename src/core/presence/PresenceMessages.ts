/**
 * Runtime catalog of the presence messages the app composes itself (ephemeral replies,
 * the admins' direct message, the users' notice), in the app's four languages. The engine
 * translates only what `i18n/*.json` holds (setting labels, command descriptions).
 */
export type PresenceMessageKey =
    | 'inactive_notice'
    | 'admin_turned_off'
    | 'connections'
    | 'connections_state_on'
    | 'connections_state_off'
    | 'enabled'
    | 'already_enabled'
    | 'enable_refused'
    | 'not_allowed'
    | 'failed';

type Catalog = Record<PresenceMessageKey, string>;

const en: Catalog = {
    inactive_notice:
        "Presence is inactive: this workspace exceeded its limit of {cap} concurrent connections, so everyone's status shows as disabled until an admin turns the presence service back on.",
    admin_turned_off:
        'The presence service was turned off: {count} concurrent connections exceeded the limit of {cap}. Everyone\'s status now shows as disabled. To turn it back on once there are {cap} connections or fewer, run `/status enable`, call POST presence.enableBroadcast, or switch on "Presence service enabled" in the app\'s settings; "No connection cap" lifts the limit.',
    connections: 'Connections: {current} / {max}\n{bar}\nPresence service: {state}',
    connections_state_on: 'on',
    connections_state_off: 'off',
    enabled: 'The presence service is on again ({current} / {max} connections).',
    already_enabled: 'The presence service is already on.',
    enable_refused: 'Cannot enable broadcast when there are more than {cap} connections',
    not_allowed: 'You are not allowed to manage the presence service.',
    failed: 'The presence service could not be changed: {reason}',
};

const ptBR: Catalog = {
    inactive_notice:
        'A presença está inativa: este workspace excedeu o limite de {cap} conexões simultâneas, então o status de todos aparece como desativado até que um administrador volte a ligar o serviço de presença.',
    admin_turned_off:
        'O serviço de presença foi desligado: {count} conexões simultâneas excederam o limite de {cap}. O status de todos aparece agora como desativado. Para religá-lo quando houver {cap} conexões ou menos, execute `/status enable`, chame POST presence.enableBroadcast ou ative "Serviço de presença ativado" nas configurações do app; "Sem limite de conexões" remove o limite.',
    connections: 'Conexões: {current} / {max}\n{bar}\nServiço de presença: {state}',
    connections_state_on: 'ligado',
    connections_state_off: 'desligado',
    enabled: 'O serviço de presença está ligado novamente ({current} / {max} conexões).',
    already_enabled: 'O serviço de presença já está ligado.',
    enable_refused: 'Não é possível ativar a transmissão quando há mais de {cap} conexões',
    not_allowed: 'Você não tem permissão para gerenciar o serviço de presença.',
    failed: 'Não foi possível alterar o serviço de presença: {reason}',
};

const de: Catalog = {
    inactive_notice:
        'Präsenz ist inaktiv: Dieser Workspace hat sein Limit von {cap} gleichzeitigen Verbindungen überschritten, daher wird der Status aller als deaktiviert angezeigt, bis ein Admin den Präsenzdienst wieder einschaltet.',
    admin_turned_off:
        'Der Präsenzdienst wurde ausgeschaltet: {count} gleichzeitige Verbindungen haben das Limit von {cap} überschritten. Der Status aller wird jetzt als deaktiviert angezeigt. Um ihn wieder einzuschalten, sobald es {cap} Verbindungen oder weniger sind, führe `/status enable` aus, rufe POST presence.enableBroadcast auf oder schalte „Präsenzdienst aktiviert" in den Einstellungen der App ein; „Kein Verbindungslimit" hebt das Limit auf.',
    connections: 'Verbindungen: {current} / {max}\n{bar}\nPräsenzdienst: {state}',
    connections_state_on: 'an',
    connections_state_off: 'aus',
    enabled: 'Der Präsenzdienst ist wieder an ({current} / {max} Verbindungen).',
    already_enabled: 'Der Präsenzdienst ist bereits an.',
    enable_refused: 'Die Übertragung kann nicht aktiviert werden, solange es mehr als {cap} Verbindungen gibt',
    not_allowed: 'Du darfst den Präsenzdienst nicht verwalten.',
    failed: 'Der Präsenzdienst konnte nicht geändert werden: {reason}',
};

const es: Catalog = {
    inactive_notice:
        'La presencia está inactiva: este espacio de trabajo superó su límite de {cap} conexiones simultáneas, así que el estado de todos aparece como deshabilitado hasta que un administrador vuelva a activar el servicio de presencia.',
    admin_turned_off:
        'El servicio de presencia se desactivó: {count} conexiones simultáneas superaron el límite de {cap}. El estado de todos aparece ahora como deshabilitado. Para volver a activarlo cuando haya {cap} conexiones o menos, ejecuta `/status enable`, llama a POST presence.enableBroadcast o activa "Servicio de presencia activado" en los ajustes de la app; "Sin límite de conexiones" elimina el límite.',
    connections: 'Conexiones: {current} / {max}\n{bar}\nServicio de presencia: {state}',
    connections_state_on: 'activado',
    connections_state_off: 'desactivado',
    enabled: 'El servicio de presencia está activado de nuevo ({current} / {max} conexiones).',
    already_enabled: 'El servicio de presencia ya está activado.',
    enable_refused: 'No se puede activar la difusión cuando hay más de {cap} conexiones',
    not_allowed: 'No tienes permiso para gestionar el servicio de presencia.',
    failed: 'No se pudo cambiar el servicio de presencia: {reason}',
};

const CATALOGS: Record<string, Catalog> = { en, 'pt-BR': ptBR, pt: ptBR, de, es };

/** The catalog for a Rocket.Chat language code (`pt-BR`, `de`, `es-ES`...), English otherwise. */
export function catalogFor(language: string | undefined): Catalog {
    if (!language) {
        return en;
    }
    return CATALOGS[language] ?? CATALOGS[language.split(/[-_]/)[0]] ?? en;
}

export function presenceMessage(language: string | undefined, key: PresenceMessageKey, params: Record<string, string | number> = {}): string {
    return catalogFor(language)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
