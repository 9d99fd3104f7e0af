/** The credential cannot serve this node or operation (a key it needs is empty, or its API Server is unusable). Nothing is sent. */
export class CredentialProblem extends Error {
	constructor(
		message: string,
		/** How to fix it, in the credential. */
		readonly hint: string,
	) {
		super(message);
		this.name = 'CredentialProblem';
	}
}
