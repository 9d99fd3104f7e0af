import type { IDataObject } from 'n8n-workflow';

import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';

export const getSignature: OperationDef = {
	value: 'getSignature',
	name: 'Get Login Signature',
	action: 'Get an IM login signature for a user',
	description:
		'Sign an IM login for a logged-in LeanCloud user (from their session token), for apps that require login signatures. Uses the App Key; each call gives a new signature.',
	key: 'app',
	properties: [
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The _User session token of the user to sign in (their client ID is their user objectId)',
		},
	],
	request(p) {
		return { method: 'GET', path: rtm`clients/sign`, query: { session_token: p.requiredString('sessionToken') } };
	},
	// camelCase like every other output; the client ID under the name the other operations use.
	output(body) {
		const { client_id: clientId, signature, nonce, timestamp } = (body ?? {}) as IDataObject;
		return { clientId, signature, nonce, timestamp };
	},
};
