export declare function findRoute(
	method: string,
	segments: string[],
): { route: { method: string; key: 'master' | 'acl' | 'app'; bucket: unknown }; params: Record<string, string> } | { methodNotAllowed: true } | undefined;
