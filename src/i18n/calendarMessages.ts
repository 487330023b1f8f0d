import { BlockStatusKey } from '../core/calendar/blockStatusText';
import { CalendarErrorCode } from '../core/calendar/calendarErrors';
import { Catalog } from './translate';

/**
 * What the calendar feature says: the status message of a busy block (blockStatusText.ts picks the
 * key; it is set in the user's language and read by others), the notice after three failed reads,
 * and a line for each feed error code. German says "Sie", Spanish "tú", as Rocket.Chat's own
 * translations do. Placeholders: {time} HH:MM and {date} YYYY-MM-DD in the user's zone; {feed} the
 * masked address; {count} failures in a row; {error} the error's line; {command} the slash command;
 * {host}, {status}, {limit}, {seconds} from the error's params.
 */
export type CalendarMessageKey = BlockStatusKey | CalendarErrorCode | 'calendar_feed_failing';

const en: Record<CalendarMessageKey, string> = {
    calendar_in_meeting_until: 'In a meeting until {time}',
    calendar_in_meeting_until_date: 'In a meeting until {date} {time}',
    calendar_busy_until_date: 'Busy until {date}',
    calendar_ooo_until: 'Out of office until {time}',
    calendar_ooo_until_date_time: 'Out of office until {date} {time}',
    calendar_ooo_until_date: 'Out of office until {date}',
    calendar_feed_failing:
        'Your calendar feed {feed} could not be read {count} times in a row: {error} The app keeps trying, less often. Give a new address with {command} calendar <url>, or stop with {command} calendar off.',
    'error-calendar-invalid-url':
        'Give the http(s) address of an iCalendar feed (Google: "Secret address in iCal format"; Outlook: the ICS link of a published calendar).',
    'error-calendar-host-not-allowed': 'Calendar feeds from {host} are not allowed on this workspace.',
    'error-calendar-private-address': '{host} is on a private network; an admin can allow it in the app settings (allowed calendar hosts).',
    'error-calendar-not-ics': 'The address did not answer an iCalendar feed.',
    'error-calendar-truncated': 'The feed ended before its end (it was cut off).',
    'error-calendar-too-large': 'The feed is larger than {limit}.',
    'error-calendar-malformed': 'The feed is not well-formed iCalendar.',
    'error-calendar-http': 'The feed answered HTTP {status}.',
    'error-calendar-timeout': 'The feed did not answer within {seconds} seconds.',
    'error-calendar-unreachable': 'The feed could not be reached.',
};

const ptBR: Record<CalendarMessageKey, string> = {
    calendar_in_meeting_until: 'Em reunião até {time}',
    calendar_in_meeting_until_date: 'Em reunião até {date}, {time}',
    calendar_busy_until_date: 'Ocupado até {date}, inclusive',
    calendar_ooo_until: 'Fora do escritório até {time}',
    calendar_ooo_until_date_time: 'Fora do escritório até {date}, {time}',
    calendar_ooo_until_date: 'Fora do escritório até {date}, inclusive',
    calendar_feed_failing:
        'Não foi possível ler seu feed de calendário {feed} {count} vezes seguidas: {error} O app continua tentando, com menos frequência. Informe um novo endereço com {command} calendar <url> ou desative com {command} calendar off.',
    'error-calendar-invalid-url':
        'Informe o endereço http(s) de um feed iCalendar (Google: "Endereço secreto no formato iCal"; Outlook: o link ICS de um calendário publicado).',
    'error-calendar-host-not-allowed': 'Feeds de calendário de {host} não são permitidos neste workspace.',
    'error-calendar-private-address':
        '{host} está em uma rede privada; um administrador pode permiti-lo nas configurações do app (hosts de calendário permitidos).',
    'error-calendar-not-ics': 'O endereço não respondeu com um feed iCalendar.',
    'error-calendar-truncated': 'O feed terminou antes do fim (veio cortado).',
    'error-calendar-too-large': 'O feed é maior que {limit}.',
    'error-calendar-malformed': 'O feed não é um iCalendar válido.',
    'error-calendar-http': 'O feed respondeu HTTP {status}.',
    'error-calendar-timeout': 'O feed não respondeu em {seconds} segundos.',
    'error-calendar-unreachable': 'Não foi possível acessar o feed.',
};

const de: Record<CalendarMessageKey, string> = {
    calendar_in_meeting_until: 'In einer Besprechung bis {time} Uhr',
    calendar_in_meeting_until_date: 'In einer Besprechung bis {date}, {time} Uhr',
    calendar_busy_until_date: 'Beschäftigt bis einschließlich {date}',
    calendar_ooo_until: 'Abwesend bis {time} Uhr',
    calendar_ooo_until_date_time: 'Abwesend bis {date}, {time} Uhr',
    calendar_ooo_until_date: 'Abwesend bis einschließlich {date}',
    calendar_feed_failing:
        'Ihr Kalender-Feed {feed} konnte {count}-mal in Folge nicht gelesen werden: {error} Die App versucht es weiter, seltener. Geben Sie mit {command} calendar <url> eine neue Adresse an oder beenden Sie es mit {command} calendar off.',
    'error-calendar-invalid-url':
        'Geben Sie die http(s)-Adresse eines iCalendar-Feeds an (Google: „Geheime Adresse im iCal-Format“; Outlook: der ICS-Link eines veröffentlichten Kalenders).',
    'error-calendar-host-not-allowed': 'Kalender-Feeds von {host} sind in diesem Workspace nicht erlaubt.',
    'error-calendar-private-address':
        '{host} liegt in einem privaten Netz; ein Admin kann den Host in den Einstellungen der App erlauben (erlaubte Kalender-Hosts).',
    'error-calendar-not-ics': 'Die Adresse lieferte keinen iCalendar-Feed.',
    'error-calendar-truncated': 'Der Feed endete vorzeitig (er wurde abgeschnitten).',
    'error-calendar-too-large': 'Der Feed ist größer als {limit}.',
    'error-calendar-malformed': 'Der Feed ist kein gültiges iCalendar.',
    'error-calendar-http': 'Der Feed antwortete mit HTTP {status}.',
    'error-calendar-timeout': 'Der Feed antwortete nicht innerhalb von {seconds} Sekunden.',
    'error-calendar-unreachable': 'Der Feed war nicht erreichbar.',
};

const es: Record<CalendarMessageKey, string> = {
    calendar_in_meeting_until: 'En una reunión hasta las {time}',
    calendar_in_meeting_until_date: 'En una reunión hasta el {date} a las {time}',
    calendar_busy_until_date: 'Ocupado hasta el {date} inclusive',
    calendar_ooo_until: 'Fuera de la oficina hasta las {time}',
    calendar_ooo_until_date_time: 'Fuera de la oficina hasta el {date} a las {time}',
    calendar_ooo_until_date: 'Fuera de la oficina hasta el {date} inclusive',
    calendar_feed_failing:
        'No se pudo leer tu feed de calendario {feed} {count} veces seguidas: {error} La app sigue intentándolo, con menos frecuencia. Indica una nueva dirección con {command} calendar <url> o desactívalo con {command} calendar off.',
    'error-calendar-invalid-url':
        'Indica la dirección http(s) de un feed iCalendar (Google: «Dirección secreta en formato iCal»; Outlook: el enlace ICS de un calendario publicado).',
    'error-calendar-host-not-allowed': 'Los feeds de calendario de {host} no están permitidos en este espacio de trabajo.',
    'error-calendar-private-address':
        '{host} está en una red privada; un administrador puede permitirlo en la configuración de la app (hosts de calendario permitidos).',
    'error-calendar-not-ics': 'La dirección no respondió con un feed iCalendar.',
    'error-calendar-truncated': 'El feed terminó antes de tiempo (llegó cortado).',
    'error-calendar-too-large': 'El feed ocupa más de {limit}.',
    'error-calendar-malformed': 'El feed no es un iCalendar válido.',
    'error-calendar-http': 'El feed respondió HTTP {status}.',
    'error-calendar-timeout': 'El feed no respondió en {seconds} segundos.',
    'error-calendar-unreachable': 'No se pudo acceder al feed.',
};

export const CALENDAR_MESSAGES: Catalog<CalendarMessageKey> = { en, 'pt-BR': ptBR, de, es };
