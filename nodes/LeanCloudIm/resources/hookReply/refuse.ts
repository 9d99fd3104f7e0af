import type { OperationDef } from '../../engine/operation';
import { decision, forEventsTaking, refusal, refusalFields } from './fields';

export const refuse: OperationDef = {
	value: 'refuse',
	name: 'Refuse Change',
	action: 'Refuse the conversation change with a reason',
	description: `The conversation is not created, the members are not added or removed, or the update is not made; the client gets error 4305 with the reason. ${forEventsTaking('reject')}.`,
	properties: refusalFields,
	reply: (p) => decision('refuse', { reject: true, ...refusal(p) }),
};
