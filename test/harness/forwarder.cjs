'use strict';
// The LeanEngine forwarder's core and hook table (leanengine/), for the tests that hold the n8n side to the same
// contract: the signature the trigger checks, the reply fields the Hook Reply produces.
module.exports = { ...require('../../leanengine/forward.js'), ...require('../../leanengine/hooks.js') };
