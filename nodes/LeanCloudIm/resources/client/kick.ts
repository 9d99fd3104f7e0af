import type { IDataObject } from 'n8n-workflow';

import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { clientField } from './fields';

/** Longest kick reason LeanCloud accepts. */
const MAX_REASON_LENGTH = 20;

export const kick: OperationDef = {
	value: 'kick',
	name: 'Kick',
	action: 'Kick a client offline',
	description: 'Disconnect a client from every device (it receives 4115 KICKED_BY_APP) and invalidate its login signature',
	properties: [
		clientField,
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			placeholder: 'e.g. Account suspended',
			description: 'Why the client was kicked, shown to its app. At most 20 characters.',
		},
	],
	request(p) {
		const body: IDataObject = {};
		const reason = p.string('reason').trim();
		if (reason) {
			// Characters, not UTF-16 units: an emoji counts once.
			if ([...reason].length > MAX_REASON_LENGTH) p.fail('reason', `has ${[...reason].length} characters; LeanCloud accepts at most ${MAX_REASON_LENGTH}`);
			body.reason = reason;
		}
		return { method: 'POST', path: rtm`clients/${p.clientIdSegment('clientId')}/kick`, body };
	},
	output: (_body, p) => ({ clientId: p.string('clientId'), kicked: true }),
};
