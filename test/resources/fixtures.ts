/**
 * What the per-resource endpoint cases share: the case shape, IDs, records and parameter helpers. Each
 * resource's cases live in test/resources/<resource>.cases.ts; test/catalogue gathers them.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, oid } from '../harness/leancloud';

export const CONV = oid('conv');
export const ROOM = oid('room');
export const SVC = oid('svc');
export const TS = 1764064800123;
export const updated = { updatedAt: '2026-11-25T12:00:00.000Z', objectId: CONV };
export const sent = { result: { 'msg-id': 'm2', timestamp: TS + 1 } };
export const record = { timestamp: TS, 'conv-id': CONV, data: '{"_lctype":-2,"_lcfile":{"url":"https://files.example/cat.png"}}', from: 'alice', 'msg-id': 'm1', 'is-conv': true };
export const simplified = {
	timestamp: TS,
	conversationId: CONV,
	content: record.data,
	fromClient: 'alice',
	messageId: 'm1',
	isConv: true,
	contentType: 'image',
	fileUrl: 'https://files.example/cat.png',
};
export const ref = { messageId: 'm1', timestamp: TS, fromClient: 'alice' };

export interface EndpointCase {
	/** The documented endpoint, as README's table names it: method and path under /1.2/rtm. */
	endpoint: string;
	/** What the case shows, when one endpoint has several cases. */
	title?: string;
	parameters: INodeParameters;
	items?: IDataObject[];
	/** The key the endpoint needs; the master key unless documented otherwise. */
	key?: 'master' | 'app';
	request: { path: string; query?: Record<string, string>; body?: IDataObject };
	reply?: unknown;
	output: IDataObject[];
}

export const on = (resource: string, operation: string, fields: IDataObject = {}): INodeParameters =>
	({ resource, operation, ...fields }) as INodeParameters;
export const inConv = { conversationId: byId(CONV) };
export const inRoom = { conversationType: 'chatRoom', conversationId: byId(ROOM) };
export const inSvc = { conversationType: 'serviceConversation', conversationId: byId(SVC) };
export const svc = { conversationId: byId(SVC) };
