export declare function findRoute(
	method: string,
	segments: string[],
):
	| {
			route: { method: string; key: 'master' | 'acl' | 'app'; bucket: unknown; handler: (context: { store: any; params: Record<string, string>; body: any; query: Record<string, string> }) => unknown };
			params: Record<string, string>;
	  }
	| { methodNotAllowed: true }
	| undefined;
