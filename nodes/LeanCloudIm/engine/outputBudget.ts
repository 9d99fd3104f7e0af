import { ParameterError } from '../../shared/errors/parameterError';

/**
 * The items one run's Get Many may output, all input items together (Options > Max Output Items): counted page by
 * page as records arrive, so the item whose page would pass the bound fails before more pages are read, and no
 * server can make one run hold more than the bound in memory.
 */
export class OutputBudget {
	private used = 0;

	constructor(private readonly limit: number) {}

	take(count: number): void {
		this.used += count;
		if (this.used <= this.limit) return;
		throw new ParameterError(
			'options.maxOutputItems',
			`is ${this.limit.toLocaleString('en-US')}, and this run would output more items`,
			'Narrow the query (a Filter, a Limit, or After and Before on histories), or raise Options > Max Output Items if the n8n instance has the memory for it.',
		);
	}
}
