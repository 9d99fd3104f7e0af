import type { INodeProperties } from 'n8n-workflow';

type Labelled = Pick<INodeProperties, 'name' | 'displayName' | 'displayOptions'> & { options?: unknown; values?: unknown };

/**
 * "Options > Push Data" style label for a (possibly dotted) parameter name, from the operation's properties.
 * Where several properties share the name (one picker per conversation type), the one shown for the item is used.
 */
export function parameterLabel(properties: INodeProperties[], dotted: string, valueOf: (name: string) => unknown = () => undefined): string {
	const shown = (property: Labelled) =>
		Object.entries(property.displayOptions?.show ?? {}).every(
			([name, values]) => ['resource', 'operation'].includes(name) || name.startsWith('/') || (values ?? []).includes(valueOf(name) as never),
		);
	const labels: string[] = [];
	let scope: Labelled[] = properties;
	for (const name of dotted.split('.')) {
		const named = scope.filter((candidate) => candidate.name === name);
		// Only a name several properties share asks which is shown (inside a collection, displayOptions name siblings).
		const property = named.length > 1 ? (named.find(shown) ?? named[0]) : named[0];
		if (!property) {
			labels.push(name);
			break;
		}
		labels.push(property.displayName ?? name);
		const nested = Array.isArray(property.values) ? property.values : property.options;
		scope = Array.isArray(nested) ? (nested as typeof scope) : [];
	}
	return labels.join(' > ');
}
