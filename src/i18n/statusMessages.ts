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
    | 'error_failed';

const en: Record<StatusMessageKey, string> = {
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
};

const ptBR: Record<StatusMessageKey, string> = {
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
};

const de: Record<StatusMessageKey, string> = {
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
};

const es: Record<StatusMessageKey, string> = {
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
};

export const STATUS_MESSAGES: Catalog<StatusMessageKey> = { en, 'pt-BR': ptBR, de, es };
