/** Ids of Rocket.Chat's own (workspace) settings that the app reads or writes. */
export enum WorkspaceSetting {
    AllowUserStatusMessageChange = 'Accounts_AllowUserStatusMessageChange',
    AllowInvisibleStatusOption = 'Accounts_AllowInvisibleStatusOption',
    PresenceBroadcastDisabled = 'Presence_broadcast_disabled',
    TroubleshootDisablePresenceBroadcast = 'Troubleshoot_Disable_Presence_Broadcast',
}
