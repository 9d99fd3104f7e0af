import type { INodeProperties } from 'n8n-workflow';

import { CHAT_ROOM, CONVERSATION } from '../../../shared/conversations/kinds';
import { kindFields } from '../../fields/conversationType';
import type { Params } from '../../../shared/params/params';

/** Member roles (LeanCloud's "member-infos") exist for conversations and chat rooms. */
export const ROLE_KINDS = [CHAT_ROOM, CONVERSATION];

export const roleTarget = kindFields(ROLE_KINDS, (kind) => `The ${kind.noun} the member is in`);

const ROLES = [
	{ name: 'Manager', value: 'Manager', description: 'Can manage members, mutes and blacklists from the client SDKs' },
	{ name: 'Member', value: 'Member', description: 'An ordinary member' },
	{ name: 'Owner', value: 'Owner', description: 'The conversation\'s owner' },
];

export function roleField(description: string): INodeProperties {
	return { displayName: 'Role', name: 'role', type: 'options', default: 'Manager', options: ROLES, description };
}

const ROLE_VALUES = ROLES.map((entry) => entry.value);

/** The role named by the parameter, checked against LeanCloud's three roles (others fail with 4321). */
export function readRole(p: Params, name = 'role'): string {
	const value = p.requiredString(name);
	if (!ROLE_VALUES.includes(value)) p.fail(name, `must be one of ${ROLE_VALUES.join(', ')}, got "${value}"`);
	return value;
}

export const roleIdField: INodeProperties = {
	displayName: 'Role ID',
	name: 'roleId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5a5d7432f8de3e0044b1b2c6',
	description: 'ID of the member\'s role entry (objectId), as output by Add or Get Many',
};
