import { NodeApiError, type IDataObject, type NodeOperationError } from 'n8n-workflow';

/**
 * An error item's json. Only `error` and `details` at the top level: that is how n8n recognises an error item
 * and routes it to the error output ("Continue (using error output)").
 */
export function errorJson(error: NodeApiError | NodeOperationError): IDataObject {
	const details: IDataObject = {};
	if (error.description) details.description = error.description;
	if (error instanceof NodeApiError) {
		const response = error.errorResponse as IDataObject | undefined;
		if (response?.code !== undefined) details.code = response.code;
		if (error.httpCode) details.httpCode = error.httpCode;
	}
	return Object.keys(details).length ? { error: error.message, details } : { error: error.message };
}
