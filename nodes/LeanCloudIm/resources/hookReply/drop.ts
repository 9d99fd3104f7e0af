import type { OperationDef } from '../../engine/operation';
import { decision, forEventsTaking, refusal, refusalFields } from './fields';

export const drop: OperationDef = {
	value: 'drop',
	name: 'Drop Message',
	action: 'Drop the message with a reason',
	description: `Nobody receives the message (or the edit or recall); the sender gets error 4402 with the reason. ${forEventsTaking('drop')}.`,
	properties: refusalFields,
	reply: (p) => decision('drop', { drop: true, ...refusal(p) }),
};
