'use strict';
// Demo data for `npm run dev` and the example workflows: a support conversation with a few messages,
// one of them spam for the moderation example to find.

const DEMO_CONVERSATION_ID = '64d1c0ffee5a4dbeef000001';

function seedDemo(store) {
	if (store.conversations.has(DEMO_CONVERSATION_ID)) return;
	store.createConversation({ name: 'Support: ACME Corp', m: ['customer-1', 'agent-7', 'spammer-9'] }, DEMO_CONVERSATION_ID);
	store.addMessage(DEMO_CONVERSATION_ID, 'customer-1', 'Hi, my order A-1001 has not arrived.');
	store.addMessage(DEMO_CONVERSATION_ID, 'agent-7', JSON.stringify({ _lctype: -1, _lctext: 'Sorry to hear that! Checking now.' }));
	store.addMessage(DEMO_CONVERSATION_ID, 'spammer-9', 'Buy cheap pills at spam.example!');
	store.addMessage(DEMO_CONVERSATION_ID, 'customer-1', 'Thanks, waiting.');
}

module.exports = { seedDemo, DEMO_CONVERSATION_ID };
