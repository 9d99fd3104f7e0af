// Types for standInEngine.cjs.
export interface EngineCall {
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: Record<string, unknown>;
}
export interface StandIns {
	state: {
		engineCalls: EngineCall[];
		defined: string[];
		answer: (hook: string, params: Record<string, unknown>) => { status?: number; result?: unknown; delayMs?: number };
		callbackBodies: unknown[];
		callbackStatus: number;
	};
	engineUrl: string;
	callbackUrl: string;
	close(): Promise<void>;
}
export function startStandIns(): Promise<StandIns>;
