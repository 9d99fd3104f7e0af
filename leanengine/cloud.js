'use strict';
// One LeanEngine function per hook named in N8N_HOOK_EVENTS, each handing its call to the forwarder. Only the
// chosen hooks are defined: every blocking hook adds n8n's round trip to each message or change it covers.
// To keep a _messageReceived of your own, leave it out of N8N_HOOK_EVENTS and call forwarder.handle from it
// (README: "Merging with your own hooks").
const AV = require('leanengine');

const { createForwarder, loadConfig } = require('./forward');

const config = loadConfig(process.env);
const forwarder = createForwarder(config);

for (const hook of config.routes.keys()) {
	AV.Cloud.define(hook, (request) => forwarder.handle(hook, request.params));
}

module.exports = { forwarder, config };
