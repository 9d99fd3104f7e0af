/** pushNotification: one case per documented endpoint (method, path, key), with the exact request and output. */
import { CONV, inConv, on, updated, type EndpointCase } from './fixtures';

export const pushNotificationCases: EndpointCase[] = [
	{
		endpoint: 'POST /conversations/{conv_id}/mutes',
		parameters: on('pushNotification', 'disable', { ...inConv, clientIds: 'alice' }),
		request: { path: `/conversations/${CONV}/mutes`, body: { client_ids: ['alice'] } },
		reply: updated,
		output: [updated],
	},
	{
		endpoint: 'DELETE /conversations/{conv_id}/mutes',
		parameters: on('pushNotification', 'enable', { ...inConv, clientIds: 'alice' }),
		request: { path: `/conversations/${CONV}/mutes`, body: { client_ids: ['alice'] } },
		reply: updated,
		output: [updated],
	},
	{
		endpoint: 'GET /conversations/{conv_id}/mutes',
		parameters: on('pushNotification', 'getAll', { ...inConv, returnAll: true }),
		request: { path: `/conversations/${CONV}/mutes` },
		reply: { result: ['alice'] },
		output: [{ clientId: 'alice' }],
	},
];
