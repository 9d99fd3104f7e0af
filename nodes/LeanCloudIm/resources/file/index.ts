import type { ResourceDef } from '../../engine/operation';
import { createFromUrl } from './createFromUrl';
import { deleteFile } from './delete';
import { upload } from './upload';

export const file: ResourceDef = {
	value: 'file',
	name: 'File',
	description: 'LeanCloud file storage: upload files from binary data, register files at a URL, delete them',
	operations: [createFromUrl, deleteFile, upload],
};
