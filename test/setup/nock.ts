// Each test file gets its own nock instance (jest module registry per file), but the HTTP interception
// nock installs is process-wide: restore it after every file so the next file's instance is the one in front.
// Name lookups are answered by the test resolver (harness/resolver.cjs), never by a DNS server.
import nock from 'nock';

import { installFakeLookup, resetNames } from '../harness/resolver.cjs';

let restoreLookup = () => {};

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
	restoreLookup = installFakeLookup();
});

beforeEach(resetNames);

afterAll(() => {
	nock.cleanAll();
	nock.restore();
	nock.enableNetConnect();
	restoreLookup();
});
