import { api, byId, expectAllRequestsMade, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { SVC } from './fixtures';
import { serviceConversationCases } from './serviceConversation.cases';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(serviceConversationCases);

test('Get on a service conversation that does not exist names it as one, with no HTTP status', async () => {
	api()
		.get('/1.2/rtm/service-conversations')
		.query({ where: JSON.stringify({ objectId: SVC }), limit: '1' })
		.reply(200, { results: [] });
	const { error } = await runNode({ parameters: { resource: 'serviceConversation', operation: 'get', conversationId: byId(SVC) } });
	expect(error?.message).toBe(`LeanCloud: No service conversation with ID "${SVC}" exists`);
	expect(error?.httpCode).toBeFalsy();
});

test('Get Many pages by skip with the documented default page until a short page', async () => {
	const page = Array.from({ length: 100 }, (_, index) => ({ objectId: `${index}`.padStart(24, '0'), sys: true }));
	api()
		.get('/1.2/rtm/service-conversations')
		.query({ limit: '100' })
		.reply(200, { results: page })
		.get('/1.2/rtm/service-conversations')
		.query({ limit: '100', skip: '100' })
		.reply(200, { results: [{ objectId: SVC, sys: true }] });
	const { output } = await runNode({ parameters: { resource: 'serviceConversation', operation: 'getAll', returnAll: true } });
	expect(output).toHaveLength(101);
	expect(output[100].json).toEqual({ objectId: SVC, sys: true });
});
