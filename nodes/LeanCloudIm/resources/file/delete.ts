import type { OperationDef } from '../../engine/operation';
import { storage } from '../../../shared/params/path';

export const deleteFile: OperationDef = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a file',
	description: 'Delete a file from LeanCloud file storage; messages that carry its URL keep it, but it no longer opens',
	// File deletion is off for the App Key under LeanCloud's default permissions.
	key: 'master',
	properties: [
		{
			displayName: 'File ID',
			name: 'fileId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 6475b4568bcc5a2a1dc23aab',
			description: 'The file\'s objectId, as Upload and Create From URL output it',
		},
	],
	request(p) {
		return { method: 'DELETE', path: storage`files/${p.id('fileId')}` };
	},
	output: (_body, p) => ({ deleted: true, objectId: p.string('fileId').trim() }),
};
