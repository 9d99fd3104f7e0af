export async function runOnN8n1() {
	throw new Error('not yet');
}
