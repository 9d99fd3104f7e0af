// Removes the test run's n8n user folder (see global.cjs).
module.exports = require('./global.cjs').teardown;
