import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IApiEndpoint } from '@rocket.chat/apps-engine/definition/api';

import { PresenceApp } from '../services/presence/PresenceApp';
import {
    customUserStatusCreateEndpoint,
    customUserStatusDeleteEndpoint,
    customUserStatusListEndpoint,
    customUserStatusUpdateEndpoint,
} from './customUserStatus';
import { presenceHistoryEndpoint, statusAuditEndpoint } from './history';
import { presenceEnableBroadcastEndpoint, presenceGetConnectionsEndpoint } from './presence';
import { usersGetStatusEndpoint, usersSetStatusEndpoint } from './usersStatus';

/** Every endpoint of the app, under `/api/apps/public/<appId>/`. */
export function appEndpoints(app: IApp & PresenceApp): IApiEndpoint[] {
    return [
        usersSetStatusEndpoint(app),
        usersGetStatusEndpoint(app),
        customUserStatusListEndpoint(app),
        customUserStatusCreateEndpoint(app),
        customUserStatusUpdateEndpoint(app),
        customUserStatusDeleteEndpoint(app),
        presenceGetConnectionsEndpoint(app),
        presenceEnableBroadcastEndpoint(app),
        presenceHistoryEndpoint(app),
        statusAuditEndpoint(app),
    ];
}
