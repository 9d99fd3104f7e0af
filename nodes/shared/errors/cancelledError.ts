/** The execution was stopped (n8n's cancel signal, or the node stopping after a failure) while waiting or sending. */
export class CancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
		this.name = 'CancelledError';
	}
}
