/**
 * A 2xx answer that is not what the operation expects (no such record, a send result without its ID).
 * Operations throw it from `output`; the executor reports it as the item's API error, with the HTTP status
 * only when the server really sent one that says so.
 */
export class ResponseProblem extends Error {
	constructor(
		message: string,
		readonly hint?: string,
	) {
		super(message);
		this.name = 'ResponseProblem';
	}
}
