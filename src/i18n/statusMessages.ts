import { Catalog } from './translate';

/** Replies of the status slash commands. Every language must carry every key (a unit test checks). */
export type StatusMessageKey =
    | 'status_online'
    | 'status_away'
    | 'status_busy'
    | 'status_offline'
    | 'status_disabled'
    | 'set_done'
    | 'set_done_until'
    | 'message_done'
    | 'message_cleared'
    | 'clear_done'
    | 'show_self'
    | 'show_other'
    | 'show_message'
    | 'show_until'
    | 'list_title'
    | 'list_online'
    | 'list_away'
    | 'list_busy'
    | 'list_offline'
    | 'help'
    | 'error_unknown_subcommand'
    | 'error_invalid_duration'
    | 'error_past_duration'
    | 'error-not-allowed'
    | 'error-invalid-user'
    | 'error-invalid-status'
    | 'error-status-not-allowed'
    | 'error-invalid-date'
    | 'error_forbidden'
    | 'error_failed'
    | 'error_undoing'
    | 'error_busy'
    | 'error_invalid_span'
    | 'error_past_span'
    | 'error_span_order'
    | 'error_span_too_far'
    | 'error_recent_missing'
    | 'error_schedule_missing'
    | 'recent_title'
    | 'recent_empty'
    | 'schedule_done'
    | 'scheduled_title'
    | 'scheduled_empty'
    | 'scheduled_line'
    | 'scheduled_cancelled'
    | 'hours_none'
    | 'hours_show'
    | 'hours_set'
    | 'hours_off'
    | 'set_other_done'
    | 'set_other_done_until'
    | 'audit_title'
    | 'audit_empty'
    | 'audit_line'
    | 'audit_app'
    | 'audit_status_set'
    | 'audit_custom_create'
    | 'audit_custom_update'
    | 'audit_custom_delete'
    | 'audit_presence_off'
    | 'audit_presence_on'
    | 'audit_an_admin'
    | 'audit_presence_off_admin'
    | 'audit_presence_off_server'
    | 'audit_unknown'
    | 'audit_source_rest'
    | 'audit_source_command'
    | 'audit_source_console'
    | 'audit_source_settings'
    | 'audit_source_cap'
    | 'audit_source_server'
    | 'history_title';

const en: Record<StatusMessageKey, string> = {
    error_invalid_span: '"{span}" is not a time span: write from 14:00 to 15:30 (today, tomorrow or a date like 2026-12-24 may come before a time).',
    error_past_span: '"{span}" is over already.',
    error_span_order: '"{span}" ends before it starts.',
    error_span_too_far: 'A status can be scheduled up to 90 days ahead.',
    error_recent_missing: 'There is no recent status number {n}.',
    error_schedule_missing: 'There is no scheduled status number {n}.',
    recent_title: 'Your recent statuses (take one again with {command} recent <number>):',
    recent_empty: 'You have no recent statuses yet.',
    schedule_done: 'Scheduled: {status} from {start} to {end}; then the previous status comes back.',
    scheduled_title: 'Your scheduled statuses (cancel one with {command} scheduled cancel <number>):',
    scheduled_empty: 'You have no scheduled statuses.',
    scheduled_line: '{n}. {status} from {start} to {end}',
    scheduled_cancelled: 'Cancelled: {status} from {start} to {end}.',
    hours_none: 'You have no working hours. Set them with {command} hours 09:00-17:00 [mon-fri].',
    hours_show: 'Your working hours: {hours} ({zone}). Outside them your status is Away.',
    hours_set: 'Your working hours are now {hours} ({zone}). Outside them your status is Away; when they start, your status comes back.',
    hours_off: 'Your working hours are off.',
    set_other_done: '@{username} is now {status}.',
    set_other_done_until: '@{username} is now {status} until {until}; then the previous status comes back.',
    audit_title: 'Audit trail, newest first:',
    audit_empty: 'Nothing in the audit trail yet.',
    audit_line: '{when} · {who}: {what} ({source})',
    audit_app: 'the app',
    audit_status_set: 'set the status of @{target}: {status}',
    audit_custom_create: 'created the custom status "{name}" ({presence})',
    audit_custom_update: 'changed the custom status "{previous}" to "{name}" ({presence})',
    audit_custom_delete: 'deleted the custom status "{name}"',
    audit_presence_off: 'turned the presence service off ({count} connections, cap {cap})',
    audit_presence_on: 'turned the presence service on',
    audit_an_admin: 'an admin',
    audit_presence_off_admin: 'turned the presence service off',
    audit_presence_off_server: 'took over the turn-off: Rocket.Chat stopped presence itself ({count} connections)',
    audit_unknown: '{action}',
    audit_source_rest: 'REST API',
    audit_source_command: 'slash command',
    audit_source_console: 'console',
    audit_source_settings: 'settings page',
    audit_source_cap: 'connection cap',
    audit_source_server: 'Rocket.Chat',
    history_title: 'Daily peaks, the last 14 days:',
    status_online: 'Online',
    status_away: 'Away',
    status_busy: 'Busy',
    status_offline: 'Offline (invisible)',
    status_disabled: 'Disabled (the presence service is off)',
    set_done: 'Your status is now {status}.',
    set_done_until: 'Your status is now {status} until {until}; then the previous one comes back.',
    message_done: 'Your status message is now "{message}".',
    message_cleared: 'Your status message is cleared.',
    clear_done: 'Your status is cleared: Online, no message.',
    show_self: 'Your status: {status}.',
    show_other: '@{username}: {status}.',
    show_message: 'Message: "{message}".',
    show_until: 'Until {until}.',
    list_title: 'Statuses you can set:',
    list_online: 'online: available',
    list_away: 'away: not at the keyboard',
    list_busy: 'busy: do not disturb',
    list_offline: 'offline: appear offline (invisible)',
    help: [
        'Usage of {command}:',
        '{command} online|away|busy|offline [duration] [message]: set a status, for example {command} busy 1h In a meeting',
        '  durations: 30m, 1h, 2h30m, today, tomorrow, this week, 2026-12-24, 2026-12-24T09:00',
        '{command} message <text>: set only the status message',
        '{command} clear: back to Online with no message',
        "{command} show [@user]: show your status or someone else's",
        '{command} list: the statuses you can set, custom statuses included',
        '{command} <custom status> [duration]: take a custom status, for example {command} Lunch 1h',
        '{command} custom ...: (admins) manage custom statuses; {command} custom for the details',
        '{command} connections | enable: (admins) show the connections and turn the presence service back on',
        '{command} <status> from 14:00 to 15:30 [message]: schedule a status (also a custom one); {command} scheduled lists and cancels',
        '{command} recent: your last five statuses; {command} recent 2 takes the second again',
        '{command} hours 09:00-17:00 [mon-fri] | off: your working hours; outside them your status is Away',
        "{command} set @user <status> [duration] [message]: (admins) set someone else's status; {command} audit [@user]: (admins) the audit trail",
        '{command} help: this help',
    ].join('\n'),
    error_unknown_subcommand: 'Unknown subcommand "{word}".',
    error_invalid_duration: '"{duration}" is not a duration: use 30m, 1h, 2h30m, today, tomorrow, this week or a date like 2026-12-24.',
    error_past_duration: '"{duration}" is in the past.',
    'error-not-allowed': 'Changing the status is not allowed on this workspace.',
    'error-invalid-user': 'There is no user "{username}".',
    'error-invalid-status': 'Valid statuses are online, away, busy and offline.',
    'error-status-not-allowed': 'The invisible (offline) status is disabled on this workspace.',
    'error-invalid-date': 'The expiry must be a date in the future.',
    error_forbidden: 'You are not allowed to do that.',
    error_failed: 'That did not work just now, and nothing was changed. Please try again.',
    error_undoing: 'That did not work just now; what it had begun is being undone. Please try again in a few minutes.',
    error_busy: 'Another change of the same thing is under way, and nothing was changed. Please try again.',
};

const ptBR: Record<StatusMessageKey, string> = {
    error_invalid_span:
        '"{span}" não é um intervalo de tempo: escreva from 14:00 to 15:30 (today, tomorrow ou uma data como 2026-12-24 podem vir antes de uma hora).',
    error_past_span: '"{span}" já terminou.',
    error_span_order: '"{span}" termina antes de começar.',
    error_span_too_far: 'Um status pode ser agendado com até 90 dias de antecedência.',
    error_recent_missing: 'Não existe o status recente número {n}.',
    error_schedule_missing: 'Não existe o status agendado número {n}.',
    recent_title: 'Seus status recentes (use um de novo com {command} recent <número>):',
    recent_empty: 'Você ainda não tem status recentes.',
    schedule_done: 'Agendado: {status} de {start} a {end}; depois o status anterior volta.',
    scheduled_title: 'Seus status agendados (cancele um com {command} scheduled cancel <número>):',
    scheduled_empty: 'Você não tem status agendados.',
    scheduled_line: '{n}. {status} de {start} a {end}',
    scheduled_cancelled: 'Cancelado: {status} de {start} a {end}.',
    hours_none: 'Você não tem horário de trabalho. Defina-o com {command} hours 09:00-17:00 [mon-fri].',
    hours_show: 'Seu horário de trabalho: {hours} ({zone}). Fora dele seu status é Ausente.',
    hours_set: 'Seu horário de trabalho agora é {hours} ({zone}). Fora dele seu status é Ausente; quando ele começa, seu status volta.',
    hours_off: 'Seu horário de trabalho está desligado.',
    set_other_done: '@{username} agora está {status}.',
    set_other_done_until: '@{username} agora está {status} até {until}; depois o status anterior volta.',
    audit_title: 'Trilha de auditoria, do mais recente ao mais antigo:',
    audit_empty: 'Ainda não há nada na trilha de auditoria.',
    audit_line: '{when} · {who}: {what} ({source})',
    audit_app: 'o app',
    audit_status_set: 'definiu o status de @{target}: {status}',
    audit_custom_create: 'criou o status personalizado "{name}" ({presence})',
    audit_custom_update: 'mudou o status personalizado "{previous}" para "{name}" ({presence})',
    audit_custom_delete: 'excluiu o status personalizado "{name}"',
    audit_presence_off: 'desligou o serviço de presença ({count} conexões, limite {cap})',
    audit_presence_on: 'ligou o serviço de presença',
    audit_an_admin: 'um admin',
    audit_presence_off_admin: 'desligou o serviço de presença',
    audit_presence_off_server: 'assumiu o desligamento: o Rocket.Chat parou a presença por conta própria ({count} conexões)',
    audit_unknown: '{action}',
    audit_source_rest: 'API REST',
    audit_source_command: 'comando',
    audit_source_console: 'console',
    audit_source_settings: 'página de configurações',
    audit_source_cap: 'limite de conexões',
    audit_source_server: 'Rocket.Chat',
    history_title: 'Picos diários, últimos 14 dias:',
    status_online: 'Online',
    status_away: 'Ausente',
    status_busy: 'Ocupado',
    status_offline: 'Offline (invisível)',
    status_disabled: 'Desativado (o serviço de presença está desligado)',
    set_done: 'Seu status agora é {status}.',
    set_done_until: 'Seu status agora é {status} até {until}; depois o anterior volta.',
    message_done: 'Sua mensagem de status agora é "{message}".',
    message_cleared: 'Sua mensagem de status foi apagada.',
    clear_done: 'Seu status foi limpo: Online, sem mensagem.',
    show_self: 'Seu status: {status}.',
    show_other: '@{username}: {status}.',
    show_message: 'Mensagem: "{message}".',
    show_until: 'Até {until}.',
    list_title: 'Status que você pode definir:',
    list_online: 'online: disponível',
    list_away: 'away: longe do teclado',
    list_busy: 'busy: não perturbe',
    list_offline: 'offline: aparecer offline (invisível)',
    help: [
        'Uso de {command}:',
        '{command} online|away|busy|offline [duração] [mensagem]: define um status, por exemplo {command} busy 1h Em reunião',
        '  durações: 30m, 1h, 2h30m, today, tomorrow, this week, 2026-12-24, 2026-12-24T09:00',
        '{command} message <texto>: define só a mensagem de status',
        '{command} clear: volta para Online sem mensagem',
        '{command} show [@usuário]: mostra o seu status ou o de outra pessoa',
        '{command} list: os status que você pode definir, incluindo os personalizados',
        '{command} <status personalizado> [duração]: usa um status personalizado, por exemplo {command} Almoço 1h',
        '{command} custom ...: (admins) gerencia os status personalizados; {command} custom para os detalhes',
        '{command} connections | enable: (admins) mostra as conexões e religa o serviço de presença',
        '{command} <status> from 14:00 to 15:30 [mensagem]: agenda um status (também um personalizado); {command} scheduled lista e cancela',
        '{command} recent: seus últimos cinco status; {command} recent 2 usa o segundo de novo',
        '{command} hours 09:00-17:00 [mon-fri] | off: seu horário de trabalho; fora dele seu status é Ausente',
        '{command} set @usuário <status> [duração] [mensagem]: (admins) define o status de outra pessoa; {command} audit [@usuário]: (admins) a trilha de auditoria',
        '{command} help: esta ajuda',
    ].join('\n'),
    error_unknown_subcommand: 'Subcomando desconhecido "{word}".',
    error_invalid_duration: '"{duration}" não é uma duração: use 30m, 1h, 2h30m, today, tomorrow, this week ou uma data como 2026-12-24.',
    error_past_duration: '"{duration}" está no passado.',
    'error-not-allowed': 'Mudar o status não é permitido neste workspace.',
    'error-invalid-user': 'Não existe o usuário "{username}".',
    'error-invalid-status': 'Os status válidos são online, away, busy e offline.',
    'error-status-not-allowed': 'O status invisível (offline) está desativado neste workspace.',
    'error-invalid-date': 'A expiração precisa ser uma data no futuro.',
    error_forbidden: 'Você não tem permissão para isso.',
    error_failed: 'Não funcionou agora, e nada foi alterado. Tente novamente.',
    error_undoing: 'Não funcionou agora; o que já tinha sido feito está sendo desfeito. Tente novamente em alguns minutos.',
    error_busy: 'Outra alteração da mesma coisa está em andamento, e nada foi alterado. Tente novamente.',
};

const de: Record<StatusMessageKey, string> = {
    error_invalid_span:
        '„{span}“ ist keine Zeitspanne: Schreiben Sie from 14:00 to 15:30 (today, tomorrow oder ein Datum wie 2026-12-24 dürfen vor einer Uhrzeit stehen).',
    error_past_span: '„{span}“ ist schon vorbei.',
    error_span_order: '„{span}“ endet, bevor es beginnt.',
    error_span_too_far: 'Ein Status kann bis zu 90 Tage im Voraus geplant werden.',
    error_recent_missing: 'Es gibt keinen letzten Status Nummer {n}.',
    error_schedule_missing: 'Es gibt keinen geplanten Status Nummer {n}.',
    recent_title: 'Ihre letzten Status (wählen Sie einen wieder mit {command} recent <Nummer>):',
    recent_empty: 'Sie haben noch keine letzten Status.',
    schedule_done: 'Geplant: {status} von {start} bis {end}; danach kommt der vorherige Status zurück.',
    scheduled_title: 'Ihre geplanten Status (streichen Sie einen mit {command} scheduled cancel <Nummer>):',
    scheduled_empty: 'Sie haben keine geplanten Status.',
    scheduled_line: '{n}. {status} von {start} bis {end}',
    scheduled_cancelled: 'Gestrichen: {status} von {start} bis {end}.',
    hours_none: 'Sie haben keine Arbeitszeiten. Legen Sie sie mit {command} hours 09:00-17:00 [mon-fri] fest.',
    hours_show: 'Ihre Arbeitszeiten: {hours} ({zone}). Außerhalb davon ist Ihr Status Abwesend.',
    hours_set: 'Ihre Arbeitszeiten sind jetzt {hours} ({zone}). Außerhalb davon ist Ihr Status Abwesend; wenn sie beginnen, kommt Ihr Status zurück.',
    hours_off: 'Ihre Arbeitszeiten sind aus.',
    set_other_done: '@{username} ist jetzt {status}.',
    set_other_done_until: '@{username} ist jetzt {status} bis {until}; danach kommt der vorherige Status zurück.',
    audit_title: 'Prüfprotokoll, das Neueste zuerst:',
    audit_empty: 'Noch nichts im Prüfprotokoll.',
    audit_line: '{when} · {who}: {what} ({source})',
    audit_app: 'die App',
    audit_status_set: 'hat den Status von @{target} gesetzt: {status}',
    audit_custom_create: 'hat den benutzerdefinierten Status „{name}“ erstellt ({presence})',
    audit_custom_update: 'hat den benutzerdefinierten Status „{previous}“ in „{name}“ geändert ({presence})',
    audit_custom_delete: 'hat den benutzerdefinierten Status „{name}“ gelöscht',
    audit_presence_off: 'hat den Präsenzdienst ausgeschaltet ({count} Verbindungen, Limit {cap})',
    audit_presence_on: 'hat den Präsenzdienst eingeschaltet',
    audit_an_admin: 'ein Admin',
    audit_presence_off_admin: 'hat den Präsenzdienst ausgeschaltet',
    audit_presence_off_server: 'hat die Abschaltung übernommen: Rocket.Chat hat die Präsenz selbst angehalten ({count} Verbindungen)',
    audit_unknown: '{action}',
    audit_source_rest: 'REST-API',
    audit_source_command: 'Befehl',
    audit_source_console: 'Konsole',
    audit_source_settings: 'Einstellungsseite',
    audit_source_cap: 'Verbindungslimit',
    audit_source_server: 'Rocket.Chat',
    history_title: 'Tägliche Spitzen, die letzten 14 Tage:',
    status_online: 'Online',
    status_away: 'Abwesend',
    status_busy: 'Beschäftigt',
    status_offline: 'Offline (unsichtbar)',
    status_disabled: 'Deaktiviert (der Präsenzdienst ist aus)',
    set_done: 'Ihr Status ist jetzt {status}.',
    set_done_until: 'Ihr Status ist jetzt {status} bis {until}; danach kommt der vorherige zurück.',
    message_done: 'Ihre Statusnachricht ist jetzt „{message}“.',
    message_cleared: 'Ihre Statusnachricht ist gelöscht.',
    clear_done: 'Ihr Status ist zurückgesetzt: Online, keine Nachricht.',
    show_self: 'Ihr Status: {status}.',
    show_other: '@{username}: {status}.',
    show_message: 'Nachricht: „{message}“.',
    show_until: 'Bis {until}.',
    list_title: 'Status, die Sie setzen können:',
    list_online: 'online: erreichbar',
    list_away: 'away: nicht am Platz',
    list_busy: 'busy: bitte nicht stören',
    list_offline: 'offline: offline erscheinen (unsichtbar)',
    help: [
        'Verwendung von {command}:',
        '{command} online|away|busy|offline [Dauer] [Nachricht]: Status setzen, zum Beispiel {command} busy 1h In einem Meeting',
        '  Dauern: 30m, 1h, 2h30m, today, tomorrow, this week, 2026-12-24, 2026-12-24T09:00',
        '{command} message <Text>: nur die Statusnachricht setzen',
        '{command} clear: zurück zu Online ohne Nachricht',
        '{command} show [@Benutzer]: Ihren Status oder den einer anderen Person zeigen',
        '{command} list: die Status, die Sie setzen können, auch die benutzerdefinierten',
        '{command} <benutzerdefinierter Status> [Dauer]: einen benutzerdefinierten Status wählen, zum Beispiel {command} Mittagspause 1h',
        '{command} custom ...: (Admins) benutzerdefinierte Status verwalten; {command} custom für die Einzelheiten',
        '{command} connections | enable: (Admins) Verbindungen zeigen und den Präsenzdienst wieder einschalten',
        '{command} <Status> from 14:00 to 15:30 [Nachricht]: einen Status planen (auch einen benutzerdefinierten); {command} scheduled zeigt und streicht',
        '{command} recent: Ihre letzten fünf Status; {command} recent 2 wählt den zweiten wieder',
        '{command} hours 09:00-17:00 [mon-fri] | off: Ihre Arbeitszeiten; außerhalb davon ist Ihr Status Abwesend',
        '{command} set @Benutzer <Status> [Dauer] [Nachricht]: (Admins) den Status einer anderen Person setzen; {command} audit [@Benutzer]: (Admins) das Prüfprotokoll',
        '{command} help: diese Hilfe',
    ].join('\n'),
    error_unknown_subcommand: 'Unbekannter Unterbefehl „{word}“.',
    error_invalid_duration: '„{duration}“ ist keine Dauer: Nutzen Sie 30m, 1h, 2h30m, today, tomorrow, this week oder ein Datum wie 2026-12-24.',
    error_past_duration: '„{duration}“ liegt in der Vergangenheit.',
    'error-not-allowed': 'Den Status zu ändern ist in diesem Workspace nicht erlaubt.',
    'error-invalid-user': 'Es gibt keinen Benutzer „{username}“.',
    'error-invalid-status': 'Gültige Status sind online, away, busy und offline.',
    'error-status-not-allowed': 'Der unsichtbare Status (offline) ist in diesem Workspace deaktiviert.',
    'error-invalid-date': 'Das Ablaufdatum muss in der Zukunft liegen.',
    error_forbidden: 'Das dürfen Sie nicht.',
    error_failed: 'Das hat gerade nicht geklappt, und nichts wurde geändert. Bitte versuchen Sie es erneut.',
    error_undoing: 'Das hat gerade nicht geklappt; was schon geschehen war, wird rückgängig gemacht. Bitte versuchen Sie es in einigen Minuten erneut.',
    error_busy: 'Eine andere Änderung derselben Sache läuft gerade, und nichts wurde geändert. Bitte versuchen Sie es erneut.',
};

const es: Record<StatusMessageKey, string> = {
    error_invalid_span:
        '"{span}" no es un intervalo de tiempo: escribe from 14:00 to 15:30 (today, tomorrow o una fecha como 2026-12-24 pueden ir antes de una hora).',
    error_past_span: '"{span}" ya ha terminado.',
    error_span_order: '"{span}" termina antes de empezar.',
    error_span_too_far: 'Un estado se puede programar con hasta 90 días de antelación.',
    error_recent_missing: 'No existe el estado reciente número {n}.',
    error_schedule_missing: 'No existe el estado programado número {n}.',
    recent_title: 'Tus estados recientes (vuelve a usar uno con {command} recent <número>):',
    recent_empty: 'Todavía no tienes estados recientes.',
    schedule_done: 'Programado: {status} de {start} a {end}; después vuelve el estado anterior.',
    scheduled_title: 'Tus estados programados (cancela uno con {command} scheduled cancel <número>):',
    scheduled_empty: 'No tienes estados programados.',
    scheduled_line: '{n}. {status} de {start} a {end}',
    scheduled_cancelled: 'Cancelado: {status} de {start} a {end}.',
    hours_none: 'No tienes horario de trabajo. Ponlo con {command} hours 09:00-17:00 [mon-fri].',
    hours_show: 'Tu horario de trabajo: {hours} ({zone}). Fuera de él tu estado es Ausente.',
    hours_set: 'Tu horario de trabajo ahora es {hours} ({zone}). Fuera de él tu estado es Ausente; cuando empieza, tu estado vuelve.',
    hours_off: 'Tu horario de trabajo está desactivado.',
    set_other_done: '@{username} ahora está {status}.',
    set_other_done_until: '@{username} ahora está {status} hasta {until}; después vuelve el estado anterior.',
    audit_title: 'Registro de auditoría, lo más reciente primero:',
    audit_empty: 'Todavía no hay nada en el registro de auditoría.',
    audit_line: '{when} · {who}: {what} ({source})',
    audit_app: 'la app',
    audit_status_set: 'puso el estado de @{target}: {status}',
    audit_custom_create: 'creó el estado personalizado "{name}" ({presence})',
    audit_custom_update: 'cambió el estado personalizado "{previous}" a "{name}" ({presence})',
    audit_custom_delete: 'eliminó el estado personalizado "{name}"',
    audit_presence_off: 'desactivó el servicio de presencia ({count} conexiones, límite {cap})',
    audit_presence_on: 'activó el servicio de presencia',
    audit_an_admin: 'un administrador',
    audit_presence_off_admin: 'desactivó el servicio de presencia',
    audit_presence_off_server: 'asumió la desactivación: Rocket.Chat detuvo la presencia por sí mismo ({count} conexiones)',
    audit_unknown: '{action}',
    audit_source_rest: 'API REST',
    audit_source_command: 'comando',
    audit_source_console: 'consola',
    audit_source_settings: 'página de ajustes',
    audit_source_cap: 'límite de conexiones',
    audit_source_server: 'Rocket.Chat',
    history_title: 'Picos diarios, los últimos 14 días:',
    status_online: 'En línea',
    status_away: 'Ausente',
    status_busy: 'Ocupado',
    status_offline: 'Desconectado (invisible)',
    status_disabled: 'Desactivado (el servicio de presencia está apagado)',
    set_done: 'Tu estado ahora es {status}.',
    set_done_until: 'Tu estado ahora es {status} hasta {until}; después vuelve el anterior.',
    message_done: 'Tu mensaje de estado ahora es "{message}".',
    message_cleared: 'Tu mensaje de estado se ha borrado.',
    clear_done: 'Tu estado se ha restablecido: En línea, sin mensaje.',
    show_self: 'Tu estado: {status}.',
    show_other: '@{username}: {status}.',
    show_message: 'Mensaje: "{message}".',
    show_until: 'Hasta {until}.',
    list_title: 'Estados que puedes poner:',
    list_online: 'online: disponible',
    list_away: 'away: lejos del teclado',
    list_busy: 'busy: no molestar',
    list_offline: 'offline: aparecer desconectado (invisible)',
    help: [
        'Uso de {command}:',
        '{command} online|away|busy|offline [duración] [mensaje]: pone un estado, por ejemplo {command} busy 1h En una reunión',
        '  duraciones: 30m, 1h, 2h30m, today, tomorrow, this week, 2026-12-24, 2026-12-24T09:00',
        '{command} message <texto>: pone solo el mensaje de estado',
        '{command} clear: vuelve a En línea sin mensaje',
        '{command} show [@usuario]: muestra tu estado o el de otra persona',
        '{command} list: los estados que puedes poner, también los personalizados',
        '{command} <estado personalizado> [duración]: pone un estado personalizado, por ejemplo {command} Comida 1h',
        '{command} custom ...: (admins) gestiona los estados personalizados; {command} custom para los detalles',
        '{command} connections | enable: (admins) muestra las conexiones y vuelve a encender el servicio de presencia',
        '{command} <estado> from 14:00 to 15:30 [mensaje]: programa un estado (también uno personalizado); {command} scheduled los lista y cancela',
        '{command} recent: tus últimos cinco estados; {command} recent 2 vuelve a usar el segundo',
        '{command} hours 09:00-17:00 [mon-fri] | off: tu horario de trabajo; fuera de él tu estado es Ausente',
        '{command} set @usuario <estado> [duración] [mensaje]: (admins) pone el estado de otra persona; {command} audit [@usuario]: (admins) el registro de auditoría',
        '{command} help: esta ayuda',
    ].join('\n'),
    error_unknown_subcommand: 'Subcomando desconocido "{word}".',
    error_invalid_duration: '"{duration}" no es una duración: usa 30m, 1h, 2h30m, today, tomorrow, this week o una fecha como 2026-12-24.',
    error_past_duration: '"{duration}" está en el pasado.',
    'error-not-allowed': 'Cambiar el estado no está permitido en este espacio de trabajo.',
    'error-invalid-user': 'No existe el usuario "{username}".',
    'error-invalid-status': 'Los estados válidos son online, away, busy y offline.',
    'error-status-not-allowed': 'El estado invisible (offline) está desactivado en este espacio de trabajo.',
    'error-invalid-date': 'La expiración debe ser una fecha en el futuro.',
    error_forbidden: 'No tienes permiso para hacer eso.',
    error_failed: 'No funcionó ahora, y no se cambió nada. Inténtalo de nuevo.',
    error_undoing: 'No funcionó ahora; lo que ya se había hecho se está deshaciendo. Inténtalo de nuevo en unos minutos.',
    error_busy: 'Otro cambio de lo mismo está en curso, y no se cambió nada. Inténtalo de nuevo.',
};

export const STATUS_MESSAGES: Catalog<StatusMessageKey> = { en, 'pt-BR': ptBR, de, es };
