/** Bad input for one parameter. The executor turns it into a NodeOperationError naming the parameter and the item. */
export class ParameterError extends Error {
	constructor(
		/** Parameter name, dotted for collection fields (e.g. `options.pushData`). */
		readonly parameter: string,
		message: string,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'ParameterError';
	}
}
