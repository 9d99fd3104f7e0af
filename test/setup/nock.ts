// Each test file gets its own nock instance (jest module registry per file), but the HTTP interception
// nock installs is process-wide: restore it after every file so the next file's instance is the one in front.
import nock from 'nock';

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
});

afterAll(() => {
	nock.cleanAll();
	nock.restore();
	nock.enableNetConnect();
});
