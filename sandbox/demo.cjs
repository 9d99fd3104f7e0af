'use strict';
// Demo data for `npm run dev` and the example workflows: a support conversation with a few messages,
// one of them spam for the moderation example to find.

const DEMO_CONVERSATION_ID = '64d1c0ffee5a4dbeef000001';

/** @param {import('./store.cjs').Store} store */
function seedDemo(store) {
	if (store.conversations.has(DEMO_CONVERSATION_ID)) return;
	store.createConversation({ name: 'Support: ACME Corp', m: ['customer-1', 'agent-7', 'spammer-9'] }, DEMO_CONVERSATION_ID);
	store.addMessage(DEMO_CONVERSATION_ID, 'customer-1', 'Hi, my order A-1001 has not arrived.');
	store.addMessage(DEMO_CONVERSATION_ID, 'agent-7', JSON.stringify({ _lctype: -1, _lctext: 'Sorry to hear that! Checking now.' }));
	store.addMessage(DEMO_CONVERSATION_ID, 'spammer-9', 'Buy cheap pills at spam.example!');
	store.addMessage(DEMO_CONVERSATION_ID, 'customer-1', 'Thanks, waiting.');
}

/**
 * What the demo's clients say over time: spam for the moderation examples to drop or recall, and a phone number for
 * "moderate before delivery" to mask.
 */
const CHATTER = [
	['customer-1', 'Any news on A-1001?'],
	['agent-7', JSON.stringify({ _lctype: -1, _lctext: 'The parcel left the warehouse this morning.' })],
	['customer-1', 'What are your opening hours?'],
	['spammer-9', 'Cheap pills, best price: spam.example'],
	['customer-1', 'You can call me on 13800138000 after six.'],
];

/**
 * Makes the demo conversation live: one message every `everyMs`, sent as an SDK client sends (`send`), so it goes
 * through the IM hooks when a LeanEngine app is configured; a message the hooks drop is not stored. Returns a
 * function that stops it.
 * @param {import('./store.cjs').Store} store
 * @param {number} everyMs
 * @param {(from: string, conversationId: string, message: string) => Promise<unknown>} send
 */
function startChatter(store, everyMs, send) {
	let next = 0;
	const timer = setInterval(() => {
		const [from, data] = CHATTER[next % CHATTER.length];
		next += 1;
		if (store.conversations.has(DEMO_CONVERSATION_ID)) send(from, DEMO_CONVERSATION_ID, data).catch(() => undefined);
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}

module.exports = { seedDemo, startChatter, DEMO_CONVERSATION_ID };
