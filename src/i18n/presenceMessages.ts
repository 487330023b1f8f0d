import { capExceededText } from '../core/presence/ConnectionCap';
import { Catalog } from './translate';

/**
 * What the presence service says: replies to admins' subcommands, the direct messages to admins,
 * the notice users get. German addresses the reader as "Sie" and Spanish as "tú", as Rocket.Chat's
 * own translations do.
 */
export type PresenceMessageKey =
    | 'inactive_notice_cap'
    | 'inactive_notice_server'
    | 'inactive_notice_admin'
    | 'admin_turned_off_cap'
    | 'admin_turned_off_server'
    | 'admin_enable_refused_server'
    | 'admin_warning'
    | 'how_to_enable'
    | 'connections'
    | 'source_workspace'
    | 'source_workspace_stale'
    | 'source_estimate'
    | 'state_on'
    | 'state_off_cap'
    | 'state_off_server'
    | 'state_off_admin'
    | 'enabled'
    | 'already_enabled'
    | 'enable_refused'
    | 'enable_refused_server'
    | 'not_allowed'
    | 'failed';

const en: Record<PresenceMessageKey, string> = {
    admin_warning:
        'Early warning: {count} concurrent connections, {percent}% of the cap of {cap} (warning level {level}%, {levelCount} connections; {source}). Above {cap} the presence service turns itself off for everyone.',
    inactive_notice_cap:
        "Presence is inactive: this workspace exceeded its limit of {cap} concurrent connections, so everyone's status shows as disabled until an admin turns the presence service back on.",
    inactive_notice_server:
        "Presence is inactive: this workspace exceeded Rocket.Chat's own limit of connections, so everyone's status shows as disabled until an admin turns the presence service back on.",
    inactive_notice_admin: "Presence is inactive: an admin turned the presence service off, so everyone's status shows as disabled.",
    admin_turned_off_cap:
        "The presence service was turned off: {count} concurrent connections exceeded the limit of {cap}. Everyone's status now shows as disabled. {how}",
    admin_turned_off_server:
        "Rocket.Chat stopped its presence service by itself ({count} concurrent connections): above 200 connections a workspace without an Enterprise license does not broadcast presence. Everyone's status now shows as disabled. {how}",
    admin_enable_refused_server:
        'The presence service could not be turned back on: Rocket.Chat itself refused, as it has more than 200 connections and no Enterprise license. It stays off; try again when there are fewer connections.',
    how_to_enable:
        'To turn it back on once there are {cap} connections or fewer, run `/status enable`, call POST presence.enableBroadcast, or switch on "Presence service enabled" in the app\'s settings; "No connection cap" lifts the app\'s limit.',
    connections: 'Connections: {current} / {max} ({source})\n{bar}\nPresence service: {state}',
    source_workspace: "Rocket.Chat's own count",
    source_workspace_stale:
        "last exact count {count}, read {age} ago: Rocket.Chat's rate limiter refuses a fresh read; give the owner of the access token the api-bypass-rate-limit permission (admins have it)",
    source_estimate:
        "estimate: the users online that the app saw; for Rocket.Chat's exact count, fill in the workspace URL, user id and personal access token of an admin in the app's settings",
    state_on: 'on',
    state_off_cap: 'off (the connection cap was exceeded)',
    state_off_server: "off (Rocket.Chat's own connection limit was exceeded)",
    state_off_admin: 'off (turned off by an admin)',
    enabled: 'The presence service is on again ({current} / {max} connections).',
    already_enabled: 'The presence service is already on.',
    // Rocket.Chat's own words, the same as the REST answer's
    enable_refused: capExceededText('{cap}'),
    enable_refused_server:
        'Rocket.Chat itself refuses to turn presence back on: it has more than 200 connections, and without an Enterprise license it broadcasts presence to at most 200.',
    not_allowed: 'You are not allowed to manage the presence service.',
    failed: 'The presence service could not be changed just now; nothing was changed. Please try again.',
};

const ptBR: Record<PresenceMessageKey, string> = {
    admin_warning:
        'Aviso antecipado: {count} conexões simultâneas, {percent}% do limite de {cap} (nível de aviso {level}%, {levelCount} conexões; {source}). Acima de {cap} o serviço de presença se desliga para todos.',
    inactive_notice_cap:
        'A presença está inativa: este workspace excedeu o limite de {cap} conexões simultâneas, então o status de todos aparece como desativado até que um administrador volte a ligar o serviço de presença.',
    inactive_notice_server:
        'A presença está inativa: este workspace excedeu o limite de conexões do próprio Rocket.Chat, então o status de todos aparece como desativado até que um administrador volte a ligar o serviço de presença.',
    inactive_notice_admin: 'A presença está inativa: um administrador desligou o serviço de presença, então o status de todos aparece como desativado.',
    admin_turned_off_cap:
        'O serviço de presença foi desligado: {count} conexões simultâneas excederam o limite de {cap}. O status de todos aparece agora como desativado. {how}',
    admin_turned_off_server:
        'O Rocket.Chat parou sozinho o seu serviço de presença ({count} conexões simultâneas): acima de 200 conexões, um workspace sem licença Enterprise não transmite a presença. O status de todos aparece agora como desativado. {how}',
    admin_enable_refused_server:
        'Não foi possível religar o serviço de presença: o próprio Rocket.Chat recusou, pois tem mais de 200 conexões e nenhuma licença Enterprise. Ele continua desligado; tente de novo quando houver menos conexões.',
    how_to_enable:
        'Para religá-lo quando houver {cap} conexões ou menos, execute `/status enable`, chame POST presence.enableBroadcast ou ative "Serviço de presença ativado" nas configurações do app; "Sem limite de conexões" remove o limite do app.',
    connections: 'Conexões: {current} / {max} ({source})\n{bar}\nServiço de presença: {state}',
    source_workspace: 'contagem do próprio Rocket.Chat',
    source_workspace_stale:
        'última contagem exata {count}, lida há {age}: o limitador de requisições do Rocket.Chat recusa uma nova leitura; dê ao dono do token de acesso a permissão api-bypass-rate-limit (administradores já a têm)',
    source_estimate:
        'estimativa: os usuários online que o app viu; para a contagem exata do Rocket.Chat, preencha a URL do workspace, o id de usuário e o token de acesso pessoal de um administrador nas configurações do app',
    state_on: 'ligado',
    state_off_cap: 'desligado (o limite de conexões foi excedido)',
    state_off_server: 'desligado (o limite de conexões do próprio Rocket.Chat foi excedido)',
    state_off_admin: 'desligado (por um administrador)',
    enabled: 'O serviço de presença está ligado novamente ({current} / {max} conexões).',
    already_enabled: 'O serviço de presença já está ligado.',
    enable_refused: 'Não é possível ativar a transmissão quando há mais de {cap} conexões',
    enable_refused_server:
        'O próprio Rocket.Chat se recusa a religar a presença: ele tem mais de 200 conexões e, sem licença Enterprise, transmite a presença para no máximo 200.',
    not_allowed: 'Você não tem permissão para gerenciar o serviço de presença.',
    failed: 'Não foi possível alterar o serviço de presença agora; nada foi alterado. Tente novamente.',
};

const de: Record<PresenceMessageKey, string> = {
    admin_warning:
        'Frühwarnung: {count} gleichzeitige Verbindungen, {percent} % des Limits von {cap} (Warnstufe {level} %, {levelCount} Verbindungen; {source}). Über {cap} schaltet sich der Präsenzdienst für alle aus.',
    inactive_notice_cap:
        'Präsenz ist inaktiv: Dieser Workspace hat sein Limit von {cap} gleichzeitigen Verbindungen überschritten, daher wird der Status aller als deaktiviert angezeigt, bis ein Admin den Präsenzdienst wieder einschaltet.',
    inactive_notice_server:
        'Präsenz ist inaktiv: Dieser Workspace hat das Verbindungslimit von Rocket.Chat selbst überschritten, daher wird der Status aller als deaktiviert angezeigt, bis ein Admin den Präsenzdienst wieder einschaltet.',
    inactive_notice_admin: 'Präsenz ist inaktiv: Ein Admin hat den Präsenzdienst ausgeschaltet, daher wird der Status aller als deaktiviert angezeigt.',
    admin_turned_off_cap:
        'Der Präsenzdienst wurde ausgeschaltet: {count} gleichzeitige Verbindungen haben das Limit von {cap} überschritten. Der Status aller wird jetzt als deaktiviert angezeigt. {how}',
    admin_turned_off_server:
        'Rocket.Chat hat seinen Präsenzdienst von selbst angehalten ({count} gleichzeitige Verbindungen): Über 200 Verbindungen überträgt ein Workspace ohne Enterprise-Lizenz keine Präsenz. Der Status aller wird jetzt als deaktiviert angezeigt. {how}',
    admin_enable_refused_server:
        'Der Präsenzdienst konnte nicht wieder eingeschaltet werden: Rocket.Chat selbst hat abgelehnt, da es mehr als 200 Verbindungen und keine Enterprise-Lizenz hat. Er bleibt aus; versuchen Sie es erneut, wenn es weniger Verbindungen sind.',
    how_to_enable:
        'Um ihn wieder einzuschalten, sobald es {cap} Verbindungen oder weniger sind, führen Sie `/status enable` aus, rufen Sie POST presence.enableBroadcast auf oder schalten Sie „Präsenzdienst aktiviert" in den Einstellungen der App ein; „Kein Verbindungslimit" hebt das Limit der App auf.',
    connections: 'Verbindungen: {current} / {max} ({source})\n{bar}\nPräsenzdienst: {state}',
    source_workspace: 'Zählung von Rocket.Chat selbst',
    source_workspace_stale:
        'letzte genaue Zählung {count}, vor {age} gelesen: die Ratenbegrenzung von Rocket.Chat verweigert eine neue Abfrage; geben Sie dem Besitzer des Zugriffstokens die Berechtigung api-bypass-rate-limit (Administratoren haben sie)',
    source_estimate:
        'Schätzung: die Benutzer online, die die App gesehen hat; für die genaue Zählung von Rocket.Chat tragen Sie die Workspace-URL, die Benutzer-ID und den persönlichen Zugangsschlüssel eines Admins in den Einstellungen der App ein',
    state_on: 'an',
    state_off_cap: 'aus (das Verbindungslimit wurde überschritten)',
    state_off_server: 'aus (das Verbindungslimit von Rocket.Chat selbst wurde überschritten)',
    state_off_admin: 'aus (von einem Admin ausgeschaltet)',
    enabled: 'Der Präsenzdienst ist wieder an ({current} / {max} Verbindungen).',
    already_enabled: 'Der Präsenzdienst ist bereits an.',
    enable_refused: 'Die Übertragung kann nicht aktiviert werden, solange es mehr als {cap} Verbindungen gibt',
    enable_refused_server:
        'Rocket.Chat selbst lehnt es ab, die Präsenz wieder einzuschalten: Es hat mehr als 200 Verbindungen und überträgt die Präsenz ohne Enterprise-Lizenz an höchstens 200.',
    not_allowed: 'Sie dürfen den Präsenzdienst nicht verwalten.',
    failed: 'Der Präsenzdienst konnte gerade nicht geändert werden; nichts wurde geändert. Bitte versuchen Sie es erneut.',
};

const es: Record<PresenceMessageKey, string> = {
    admin_warning:
        'Aviso anticipado: {count} conexiones simultáneas, el {percent} % del límite de {cap} (nivel de aviso {level} %, {levelCount} conexiones; {source}). Por encima de {cap} el servicio de presencia se desactiva para todos.',
    inactive_notice_cap:
        'La presencia está inactiva: este espacio de trabajo superó su límite de {cap} conexiones simultáneas, así que el estado de todos aparece como deshabilitado hasta que un administrador vuelva a activar el servicio de presencia.',
    inactive_notice_server:
        'La presencia está inactiva: este espacio de trabajo superó el límite de conexiones del propio Rocket.Chat, así que el estado de todos aparece como deshabilitado hasta que un administrador vuelva a activar el servicio de presencia.',
    inactive_notice_admin:
        'La presencia está inactiva: un administrador desactivó el servicio de presencia, así que el estado de todos aparece como deshabilitado.',
    admin_turned_off_cap:
        'El servicio de presencia se desactivó: {count} conexiones simultáneas superaron el límite de {cap}. El estado de todos aparece ahora como deshabilitado. {how}',
    admin_turned_off_server:
        'Rocket.Chat detuvo por sí mismo su servicio de presencia ({count} conexiones simultáneas): por encima de 200 conexiones, un espacio de trabajo sin licencia Enterprise no difunde la presencia. El estado de todos aparece ahora como deshabilitado. {how}',
    admin_enable_refused_server:
        'No se pudo volver a activar el servicio de presencia: el propio Rocket.Chat lo rechazó, porque tiene más de 200 conexiones y ninguna licencia Enterprise. Sigue desactivado; inténtalo de nuevo cuando haya menos conexiones.',
    how_to_enable:
        'Para volver a activarlo cuando haya {cap} conexiones o menos, ejecuta `/status enable`, llama a POST presence.enableBroadcast o activa "Servicio de presencia activado" en los ajustes de la app; "Sin límite de conexiones" elimina el límite de la app.',
    connections: 'Conexiones: {current} / {max} ({source})\n{bar}\nServicio de presencia: {state}',
    source_workspace: 'recuento del propio Rocket.Chat',
    source_workspace_stale:
        'último recuento exacto {count}, leído hace {age}: el limitador de peticiones de Rocket.Chat rechaza una lectura nueva; da al dueño del token de acceso el permiso api-bypass-rate-limit (los administradores lo tienen)',
    source_estimate:
        'estimación: los usuarios en línea que vio la app; para el recuento exacto de Rocket.Chat, completa la URL del espacio de trabajo, el id de usuario y el token de acceso personal de un administrador en los ajustes de la app',
    state_on: 'activado',
    state_off_cap: 'desactivado (se superó el límite de conexiones)',
    state_off_server: 'desactivado (se superó el límite de conexiones del propio Rocket.Chat)',
    state_off_admin: 'desactivado (por un administrador)',
    enabled: 'El servicio de presencia está activado de nuevo ({current} / {max} conexiones).',
    already_enabled: 'El servicio de presencia ya está activado.',
    enable_refused: 'No se puede activar la difusión cuando hay más de {cap} conexiones',
    enable_refused_server:
        'El propio Rocket.Chat se niega a volver a activar la presencia: tiene más de 200 conexiones y, sin licencia Enterprise, difunde la presencia a 200 como máximo.',
    not_allowed: 'No tienes permiso para gestionar el servicio de presencia.',
    failed: 'No se pudo cambiar el servicio de presencia ahora; no se cambió nada. Inténtalo de nuevo.',
};

export const PRESENCE_MESSAGES: Catalog<PresenceMessageKey> = { en, 'pt-BR': ptBR, de, es };

/** An age for `source_workspace_stale`: seconds, minutes or hours, in units every catalog's language reads ("45 s", "3 min", "2 h"). */
export function formatAge(ms: number): string {
    const seconds = Math.max(0, Math.round(ms / 1000));
    if (seconds < 60) return `${seconds} s`;
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return `${minutes} min`;
    return `${Math.round(minutes / 60)} h`;
}
