import { Catalog } from './translate';

/** What the app composes about custom statuses: settings refusals, admin subcommands, the views. Every language carries every key. */
export type CustomStatusMessageKey =
    | 'settings_refused'
    | 'reason_line_format'
    | 'reason_name_required'
    | 'reason_invalid_name'
    | 'reason_name_too_long'
    | 'reason_failed'
    | 'reason_name_in_use'
    | 'reason_invalid_type'
    | 'reason_not_authorized'
    | 'reason_not_found'
    | 'presence_online'
    | 'presence_away'
    | 'presence_busy'
    | 'presence_offline'
    | 'presence_none'
    | 'cmd_list_title'
    | 'cmd_list_empty'
    | 'cmd_created'
    | 'cmd_renamed'
    | 'cmd_presence_changed'
    | 'cmd_deleted'
    | 'cmd_usage'
    | 'cmd_chosen';

const en: Record<CustomStatusMessageKey, string> = {
    settings_refused: '# Refused, nothing was changed: line {line} "{text}": {reason}',
    reason_line_format: 'write one "name: presence" per line',
    reason_name_required: 'the name is required',
    reason_invalid_name: '"{name}" is not a valid name (no > < & " \')',
    reason_name_too_long: 'a name has at most {max} characters',
    reason_failed: 'it could not be saved just now, and nothing was changed; please try again',
    reason_name_in_use: 'the name "{name}" is already in use',
    reason_invalid_type: '"{type}" is not a valid presence: online, away, busy or offline',
    reason_not_authorized: 'you are not allowed to manage custom statuses',
    reason_not_found: 'there is no custom status "{name}"',
    presence_online: 'Online',
    presence_away: 'Away',
    presence_busy: 'Busy',
    presence_offline: 'Offline (invisible)',
    presence_none: 'No presence (message only)',
    cmd_list_title: 'Custom statuses:',
    cmd_list_empty: 'There are no custom statuses yet.',
    cmd_created: 'Custom status "{name}" created: {presence}.',
    cmd_renamed: 'Custom status "{from}" is now "{to}".',
    cmd_presence_changed: 'Custom status "{name}" now sets {presence}.',
    cmd_deleted: 'Custom status "{name}" deleted. Users who show it keep it.',
    cmd_usage:
        'Custom statuses (admins): {command} custom console | custom list | custom create <name> [: presence] | custom rename <name> : <new name> | custom presence <name> : <presence> | custom delete <name>',
    cmd_chosen: 'Your status is now "{name}" ({presence}).',
};

const ptBR: Record<CustomStatusMessageKey, string> = {
    settings_refused: '# Recusado, nada foi alterado: linha {line} "{text}": {reason}',
    reason_line_format: 'escreva um "nome: presença" por linha',
    reason_name_required: 'o nome é obrigatório',
    reason_invalid_name: '"{name}" não é um nome válido (sem > < & " \')',
    reason_name_too_long: 'um nome tem no máximo {max} caracteres',
    reason_failed: 'não foi possível salvar agora, e nada foi alterado; tente novamente',
    reason_name_in_use: 'o nome "{name}" já está em uso',
    reason_invalid_type: '"{type}" não é uma presença válida: online, away, busy ou offline',
    reason_not_authorized: 'você não tem permissão para gerenciar status personalizados',
    reason_not_found: 'não existe o status personalizado "{name}"',
    presence_online: 'Online',
    presence_away: 'Ausente',
    presence_busy: 'Ocupado',
    presence_offline: 'Offline (invisível)',
    presence_none: 'Sem presença (só a mensagem)',
    cmd_list_title: 'Status personalizados:',
    cmd_list_empty: 'Ainda não há status personalizados.',
    cmd_created: 'Status personalizado "{name}" criado: {presence}.',
    cmd_renamed: 'O status personalizado "{from}" agora é "{to}".',
    cmd_presence_changed: 'O status personalizado "{name}" agora define {presence}.',
    cmd_deleted: 'Status personalizado "{name}" excluído. Quem o exibe continua com ele.',
    cmd_usage:
        'Status personalizados (admins): {command} custom console | custom list | custom create <nome> [: presença] | custom rename <nome> : <novo nome> | custom presence <nome> : <presença> | custom delete <nome>',
    cmd_chosen: 'Seu status agora é "{name}" ({presence}).',
};

const de: Record<CustomStatusMessageKey, string> = {
    settings_refused: '# Abgelehnt, nichts wurde geändert: Zeile {line} "{text}": {reason}',
    reason_line_format: 'pro Zeile ein "Name: Präsenz"',
    reason_name_required: 'der Name ist erforderlich',
    reason_invalid_name: '"{name}" ist kein gültiger Name (kein > < & " \')',
    reason_name_too_long: 'ein Name hat höchstens {max} Zeichen',
    reason_failed: 'das konnte gerade nicht gespeichert werden, und nichts wurde geändert; bitte versuchen Sie es erneut',
    reason_name_in_use: 'der Name "{name}" wird bereits verwendet',
    reason_invalid_type: '"{type}" ist keine gültige Präsenz: online, away, busy oder offline',
    reason_not_authorized: 'Sie dürfen benutzerdefinierte Status nicht verwalten',
    reason_not_found: 'es gibt keinen benutzerdefinierten Status "{name}"',
    presence_online: 'Online',
    presence_away: 'Abwesend',
    presence_busy: 'Beschäftigt',
    presence_offline: 'Offline (unsichtbar)',
    presence_none: 'Keine Präsenz (nur Nachricht)',
    cmd_list_title: 'Benutzerdefinierte Status:',
    cmd_list_empty: 'Es gibt noch keine benutzerdefinierten Status.',
    cmd_created: 'Benutzerdefinierter Status "{name}" erstellt: {presence}.',
    cmd_renamed: 'Benutzerdefinierter Status "{from}" heißt jetzt "{to}".',
    cmd_presence_changed: 'Benutzerdefinierter Status "{name}" setzt jetzt {presence}.',
    cmd_deleted: 'Benutzerdefinierter Status "{name}" gelöscht. Wer ihn zeigt, behält ihn.',
    cmd_usage:
        'Benutzerdefinierte Status (Admins): {command} custom console | custom list | custom create <Name> [: Präsenz] | custom rename <Name> : <neuer Name> | custom presence <Name> : <Präsenz> | custom delete <Name>',
    cmd_chosen: 'Ihr Status ist jetzt "{name}" ({presence}).',
};

const es: Record<CustomStatusMessageKey, string> = {
    settings_refused: '# Rechazado, no se cambió nada: línea {line} "{text}": {reason}',
    reason_line_format: 'escribe un "nombre: presencia" por línea',
    reason_name_required: 'el nombre es obligatorio',
    reason_invalid_name: '"{name}" no es un nombre válido (sin > < & " \')',
    reason_name_too_long: 'un nombre tiene como máximo {max} caracteres',
    reason_failed: 'no se pudo guardar ahora, y no se cambió nada; inténtalo de nuevo',
    reason_name_in_use: 'el nombre "{name}" ya está en uso',
    reason_invalid_type: '"{type}" no es una presencia válida: online, away, busy u offline',
    reason_not_authorized: 'no tienes permiso para gestionar estados personalizados',
    reason_not_found: 'no existe el estado personalizado "{name}"',
    presence_online: 'En línea',
    presence_away: 'Ausente',
    presence_busy: 'Ocupado',
    presence_offline: 'Desconectado (invisible)',
    presence_none: 'Sin presencia (solo el mensaje)',
    cmd_list_title: 'Estados personalizados:',
    cmd_list_empty: 'Todavía no hay estados personalizados.',
    cmd_created: 'Estado personalizado "{name}" creado: {presence}.',
    cmd_renamed: 'El estado personalizado "{from}" ahora es "{to}".',
    cmd_presence_changed: 'El estado personalizado "{name}" ahora pone {presence}.',
    cmd_deleted: 'Estado personalizado "{name}" eliminado. Quien lo muestra lo conserva.',
    cmd_usage:
        'Estados personalizados (admins): {command} custom console | custom list | custom create <nombre> [: presencia] | custom rename <nombre> : <nuevo nombre> | custom presence <nombre> : <presencia> | custom delete <nombre>',
    cmd_chosen: 'Tu estado ahora es "{name}" ({presence}).',
};

export const CUSTOM_STATUS_MESSAGES: Catalog<CustomStatusMessageKey> = { en, 'pt-BR': ptBR, de, es };
