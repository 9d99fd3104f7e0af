import type { OperationDef } from '../../engine/operation';
import { uploadFile } from '../../../shared/files/upload';
import { binaryFileFields, readBinaryFile } from '../../fields/binaryFile';

export const upload: OperationDef = {
	value: 'upload',
	name: 'Upload',
	action: 'Upload a file',
	description: 'Store a file from binary data in LeanCloud file storage, for file messages or reuse by ID',
	// The App Key is what LeanCloud's SDKs upload with; the Master Key works too.
	key: 'appOrMaster',
	properties: binaryFileFields,
	steps(p, item) {
		const file = readBinaryFile(p, item);
		return async (tools) => await uploadFile(tools, await file.read());
	},
};
