// The shape of one sandbox route, for the JavaScript route tables' JSDoc (checked by `npm run lint`).
import type { Store } from './store.cjs';

export interface RouteContext {
	store: Store;
	/** `:name` path segments, percent-decoded. */
	params: Record<string, string>;
	/** The parsed JSON body (an object; `{}` when empty). */
	body: any;
	query: Record<string, string>;
}

export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Segments under /1.2/rtm/, `:name` capturing one. */
	path: string;
	/** 'master': the master key; 'acl': the master key under the default _Conversation ACL; 'app': the app key will do. */
	key: 'master' | 'acl' | 'app';
	/** The rate-limit bucket, or a function of the body choosing one. */
	bucket: string | null | ((body: any) => string | null);
	handler(context: RouteContext): unknown;
}
