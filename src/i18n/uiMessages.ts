import { Catalog } from './translate';

/** Texts of the app's UIKit views (the status picker and the custom-status console). Every language carries every key. */
export type UiMessageKey =
    | 'picker_title'
    | 'picker_status'
    | 'picker_message'
    | 'picker_message_placeholder'
    | 'picker_clear_after'
    | 'picker_recent'
    | 'picker_from'
    | 'picker_to'
    | 'picker_time_placeholder'
    | 'error_schedule_incomplete'
    | 'error_schedule_invalid'
    | 'admin_presence'
    | 'admin_audit'
    | 'admin_back'
    | 'presence_title'
    | 'presence_warning'
    | 'audit_view_title'
    | 'clear_never'
    | 'clear_30m'
    | 'clear_1h'
    | 'clear_4h'
    | 'clear_today'
    | 'clear_week'
    | 'set'
    | 'cancel'
    | 'close'
    | 'save'
    | 'admin_title'
    | 'admin_search'
    | 'admin_new'
    | 'admin_edit'
    | 'admin_delete'
    | 'admin_empty'
    | 'admin_no_match'
    | 'form_new_title'
    | 'form_edit_title'
    | 'form_name'
    | 'form_presence'
    | 'form_presence_none'
    | 'error_choose_status'
    | 'error_status_gone';

const en: Record<UiMessageKey, string> = {
    picker_recent: 'Recent',
    picker_from: 'Schedule from (optional)',
    picker_to: 'Until',
    picker_time_placeholder: '14:00, tomorrow 09:00 or 2026-12-24 09:00',
    error_schedule_incomplete: 'Give both a start and an end, or neither',
    error_schedule_invalid: 'Not a time: write 14:00, tomorrow 09:00 or 2026-12-24 09:00, with the end after the start',
    admin_presence: 'Presence',
    admin_audit: 'Audit trail',
    admin_back: 'Back',
    presence_title: 'Presence service',
    presence_warning: 'Early warning at {percent}% of the cap ({count} connections).',
    audit_view_title: 'Audit trail',
    picker_title: 'Set status',
    picker_status: 'Status',
    picker_message: 'Message',
    picker_message_placeholder: 'What is your status?',
    picker_clear_after: 'Clear after',
    clear_never: "Don't clear",
    clear_30m: '30 minutes',
    clear_1h: '1 hour',
    clear_4h: '4 hours',
    clear_today: 'Today',
    clear_week: 'This week',
    set: 'Set status',
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    admin_title: 'Custom statuses',
    admin_search: 'Search',
    admin_new: 'New custom status',
    admin_edit: 'Edit',
    admin_delete: 'Delete',
    admin_empty: 'There are no custom statuses yet.',
    admin_no_match: 'No custom status matches "{query}".',
    form_new_title: 'New custom status',
    form_edit_title: 'Edit custom status',
    form_name: 'Name',
    form_presence: 'Presence',
    form_presence_none: 'None (message only)',
    error_choose_status: 'Choose a status',
    error_status_gone: 'This custom status no longer exists',
};

const ptBR: Record<UiMessageKey, string> = {
    picker_recent: 'Recente',
    picker_from: 'Agendar a partir de (opcional)',
    picker_to: 'Até',
    picker_time_placeholder: '14:00, tomorrow 09:00 ou 2026-12-24 09:00',
    error_schedule_incomplete: 'Informe início e fim, ou nenhum dos dois',
    error_schedule_invalid: 'Não é uma hora: escreva 14:00, tomorrow 09:00 ou 2026-12-24 09:00, com o fim depois do início',
    admin_presence: 'Presença',
    admin_audit: 'Trilha de auditoria',
    admin_back: 'Voltar',
    presence_title: 'Serviço de presença',
    presence_warning: 'Aviso antecipado em {percent}% do limite ({count} conexões).',
    audit_view_title: 'Trilha de auditoria',
    picker_title: 'Definir status',
    picker_status: 'Status',
    picker_message: 'Mensagem',
    picker_message_placeholder: 'Qual é o seu status?',
    picker_clear_after: 'Limpar após',
    clear_never: 'Não limpar',
    clear_30m: '30 minutos',
    clear_1h: '1 hora',
    clear_4h: '4 horas',
    clear_today: 'Hoje',
    clear_week: 'Esta semana',
    set: 'Definir status',
    cancel: 'Cancelar',
    close: 'Fechar',
    save: 'Salvar',
    admin_title: 'Status personalizados',
    admin_search: 'Pesquisar',
    admin_new: 'Novo status personalizado',
    admin_edit: 'Editar',
    admin_delete: 'Excluir',
    admin_empty: 'Ainda não há status personalizados.',
    admin_no_match: 'Nenhum status personalizado corresponde a "{query}".',
    form_new_title: 'Novo status personalizado',
    form_edit_title: 'Editar status personalizado',
    form_name: 'Nome',
    form_presence: 'Presença',
    form_presence_none: 'Nenhuma (só a mensagem)',
    error_choose_status: 'Escolha um status',
    error_status_gone: 'Este status personalizado não existe mais',
};

const de: Record<UiMessageKey, string> = {
    picker_recent: 'Zuletzt',
    picker_from: 'Planen ab (optional)',
    picker_to: 'Bis',
    picker_time_placeholder: '14:00, tomorrow 09:00 oder 2026-12-24 09:00',
    error_schedule_incomplete: 'Geben Sie Beginn und Ende an, oder keines von beiden',
    error_schedule_invalid: 'Keine Uhrzeit: Schreiben Sie 14:00, tomorrow 09:00 oder 2026-12-24 09:00, mit dem Ende nach dem Beginn',
    admin_presence: 'Präsenz',
    admin_audit: 'Prüfprotokoll',
    admin_back: 'Zurück',
    presence_title: 'Präsenzdienst',
    presence_warning: 'Frühwarnung bei {percent} % des Limits ({count} Verbindungen).',
    audit_view_title: 'Prüfprotokoll',
    picker_title: 'Status festlegen',
    picker_status: 'Status',
    picker_message: 'Nachricht',
    picker_message_placeholder: 'Wie ist Ihr Status?',
    picker_clear_after: 'Zurücksetzen nach',
    clear_never: 'Nicht zurücksetzen',
    clear_30m: '30 Minuten',
    clear_1h: '1 Stunde',
    clear_4h: '4 Stunden',
    clear_today: 'Heute',
    clear_week: 'Diese Woche',
    set: 'Status festlegen',
    cancel: 'Abbrechen',
    close: 'Schließen',
    save: 'Speichern',
    admin_title: 'Benutzerdefinierte Status',
    admin_search: 'Suchen',
    admin_new: 'Neuer benutzerdefinierter Status',
    admin_edit: 'Bearbeiten',
    admin_delete: 'Löschen',
    admin_empty: 'Es gibt noch keine benutzerdefinierten Status.',
    admin_no_match: 'Kein benutzerdefinierter Status passt zu "{query}".',
    form_new_title: 'Neuer benutzerdefinierter Status',
    form_edit_title: 'Benutzerdefinierten Status bearbeiten',
    form_name: 'Name',
    form_presence: 'Präsenz',
    form_presence_none: 'Keine (nur Nachricht)',
    error_choose_status: 'Wählen Sie einen Status',
    error_status_gone: 'Diesen benutzerdefinierten Status gibt es nicht mehr',
};

const es: Record<UiMessageKey, string> = {
    picker_recent: 'Reciente',
    picker_from: 'Programar desde (opcional)',
    picker_to: 'Hasta',
    picker_time_placeholder: '14:00, tomorrow 09:00 o 2026-12-24 09:00',
    error_schedule_incomplete: 'Indica un inicio y un fin, o ninguno',
    error_schedule_invalid: 'No es una hora: escribe 14:00, tomorrow 09:00 o 2026-12-24 09:00, con el fin después del inicio',
    admin_presence: 'Presencia',
    admin_audit: 'Registro de auditoría',
    admin_back: 'Volver',
    presence_title: 'Servicio de presencia',
    presence_warning: 'Aviso anticipado al {percent} % del límite ({count} conexiones).',
    audit_view_title: 'Registro de auditoría',
    picker_title: 'Establecer estado',
    picker_status: 'Estado',
    picker_message: 'Mensaje',
    picker_message_placeholder: '¿Cuál es tu estado?',
    picker_clear_after: 'Borrar después de',
    clear_never: 'No borrar',
    clear_30m: '30 minutos',
    clear_1h: '1 hora',
    clear_4h: '4 horas',
    clear_today: 'Hoy',
    clear_week: 'Esta semana',
    set: 'Establecer estado',
    cancel: 'Cancelar',
    close: 'Cerrar',
    save: 'Guardar',
    admin_title: 'Estados personalizados',
    admin_search: 'Buscar',
    admin_new: 'Nuevo estado personalizado',
    admin_edit: 'Editar',
    admin_delete: 'Eliminar',
    admin_empty: 'Todavía no hay estados personalizados.',
    admin_no_match: 'Ningún estado personalizado coincide con "{query}".',
    form_new_title: 'Nuevo estado personalizado',
    form_edit_title: 'Editar estado personalizado',
    form_name: 'Nombre',
    form_presence: 'Presencia',
    form_presence_none: 'Ninguna (solo el mensaje)',
    error_choose_status: 'Elige un estado',
    error_status_gone: 'Este estado personalizado ya no existe',
};

export const UI_MESSAGES: Catalog<UiMessageKey> = { en, 'pt-BR': ptBR, de, es };
