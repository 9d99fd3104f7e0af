export async function checkEditor() {
	throw new Error('not yet');
}
