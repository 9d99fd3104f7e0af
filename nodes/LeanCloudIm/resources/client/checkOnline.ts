import type { IDataObject } from 'n8n-workflow';

import { clientIdsField } from '../../fields/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';

/** Client IDs LeanCloud checks per request. */
const MAX_CHECKED = 20;

export const checkOnline: OperationDef = {
	value: 'checkOnline',
	name: 'Check Online',
	action: 'Check whether clients are online',
	description: 'Check which of up to 20 clients are online now: one output item per client, with online true or false',
	properties: [clientIdsField({ description: 'Client IDs to check, separated by commas. At most 20; unknown clients count as offline.' })],
	request(p) {
		return { method: 'POST', path: rtm`clients/check-online`, body: { client_ids: p.clientIds('clientIds', { max: MAX_CHECKED }) } };
	},
	output(body, p) {
		const results = (body as IDataObject | undefined)?.results;
		const online = new Set(Array.isArray(results) ? results : []);
		return p.clientIds('clientIds').map((clientId) => ({ clientId, online: online.has(clientId) }));
	},
};
