import type { OperationDef } from '../../engine/operation';
import { decision } from './fields';

export const deliver: OperationDef = {
	value: 'deliver',
	name: 'Deliver',
	action: 'Deliver unchanged or allow the change',
	description: 'Let the message, edit, push or conversation change go ahead as it was sent',
	properties: [],
	reply: () => decision('deliver', {}),
};
