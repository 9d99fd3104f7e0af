// Browser check of the real editor: Debian's Chromium driven by playwright-core logs in, opens a new
// workflow, searches the nodes panel for "LeanCloud", opens our node's actions and then its parameters,
// and saves screenshots to e2e-artifacts/. Chromium comes from Debian's packages (installed on first use
// when running as root, as CI does).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { createRequire } from 'node:module';

import { chromium } from 'playwright-core';

import { REPO, setupOwner, startN8n, stopProcess } from '../../scripts/n8n-instance.mjs';
import { CACHE } from '../../scripts/n8n-runtime.mjs';
import { expect } from './check.mjs';

const { DEMO_CONVERSATION_ID } = createRequire(import.meta.url)('../../sandbox/demo.cjs');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(REPO, 'e2e-artifacts');

export function ensureChromium() {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	if (process.getuid?.() !== 0) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium)`);
	// One progress line per phase; apt's output goes to a log file named if it fails.
	const progress = join(REPO, 'scripts', 'progress.mjs');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const [label, args] of /** @type {const} */ ([
		['updating Debian package lists', ['update', '-qq']],
		['installing Debian chromium (once)', ['install', '-y', '-qq', 'chromium']],
	])) {
		execFileSync(process.execPath, [progress, '--label', label, '--log', join(CACHE, 'logs', `apt-${args[0]}.log`), '--', 'apt-get', ...args], { stdio: ['ignore', 'inherit', 'inherit'], env });
	}
	return CHROMIUM;
}

/**
 * @param {{ runtime: import('../../scripts/n8n-runtime.mjs').N8nRuntime, userFolder: string, port?: number }} options
 */
export async function checkEditor({ runtime, userFolder, port = 5699 }) {
	const executablePath = ensureChromium();
	mkdirSync(ARTIFACTS, { recursive: true });
	const n8n = await startN8n(runtime, userFolder, port, { quiet: true });
	let browser;
	let page;
	try {
		const cookie = await setupOwner(n8n.url);
		browser = await chromium.launch({
			executablePath,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		await context.addCookies(
			cookie.split('; ').map((pair) => {
				const [name, ...value] = pair.split('=');
				return { name, value: value.join('='), url: n8n.url };
			}),
		);
		const open = await context.newPage();
		page = open;
		/** A new workflow with the nodes panel open, searched for `text`. @param {string} text */
		const searchNodes = async (text) => {
			await open.goto(`${n8n.url}/workflow/new`, { waitUntil: 'networkidle' });
			await open.locator('[data-test-id="node-creator-plus-button"]').click();
			const search = open.getByPlaceholder(/search/i).first();
			await search.waitFor({ timeout: 30_000 });
			await search.fill(text);
		};

		// The nodes panel: open it, search, and find our node with its icon.
		await searchNodes('LeanCloud');
		const item = page.getByText('LeanCloud IM', { exact: true }).first();
		await item.waitFor({ timeout: 30_000 });
		await page.screenshot({ path: join(ARTIFACTS, '1-nodes-panel.png') });
		const icons = await page.locator('img[src*="leancloud-im"]').count();
		expect(icons > 0, 'our icon in the nodes panel').toBe(true);
		// The hook trigger is its own entry, shown without " Trigger" as n8n shows triggers.
		await page.getByText('LeanCloud IM Hook', { exact: true }).first().waitFor({ timeout: 15_000 });

		// n8n lists the trigger's events beside the node's actions: the trigger first (a new workflow starts with one).
		await item.click();
		for (const event of ['On new message', 'On new conversation']) {
			await page.getByText(event, { exact: true }).first().waitFor({ timeout: 15_000 });
		}
		await page.screenshot({ path: join(ARTIFACTS, '1b-trigger-events.png') });

		// Its actions: every resource's operations, by their action texts (the Actions section starts folded).
		await page.getByText(/^Actions \(\d+\)$/).first().click();
		for (const action of ['Create a conversation', 'Add members to a conversation', 'Send a message', 'Mute a member', 'Turn off push notifications for members', 'Create a chat room', 'Send a broadcast', 'Kick a client offline', 'Give a member a role']) {
			await page.getByText(action, { exact: true }).first().waitFor({ timeout: 15_000 });
		}
		await page.screenshot({ path: join(ARTIFACTS, '2-actions.png') });

		// Its parameters for one operation.
		await page.getByText('Send a message', { exact: true }).first().click();
		for (const label of ['Credential', 'Resource', 'Operation', 'Conversation Type', 'Conversation', 'From Client ID', 'Content Type']) {
			await page.getByText(label, { exact: true }).first().waitFor({ timeout: 15_000 });
		}
		await page.screenshot({ path: join(ARTIFACTS, '3-parameters.png') });

		// The conversation picker lists the sandbox's conversations through the node's list search.
		await page.getByPlaceholder('Select a conversation...').click();
		await page.getByText(`Support: ACME Corp (${DEMO_CONVERSATION_ID})`, { exact: true }).first().waitFor({ timeout: 15_000 });
		await page.screenshot({ path: join(ARTIFACTS, '4-conversation-picker.png') });

		// The trigger's parameters: a new workflow, the trigger event "On new message".
		await searchNodes('LeanCloud');
		await page.getByText('LeanCloud IM', { exact: true }).first().click();
		await page.getByText('On new message', { exact: true }).first().click();
		for (const label of ['Event', 'Watch', 'Simplify']) {
			await page.getByText(label, { exact: true }).first().waitFor({ timeout: 15_000 });
		}
		// Fetch Test Event (manual mode) shows the latest message of the sandbox's app, with the simplified fields.
		await page.getByText('Fetch Test Event', { exact: true }).first().click();
		await page.getByText('fromClient', { exact: true }).first().waitFor({ timeout: 30_000 });
		await page.screenshot({ path: join(ARTIFACTS, '5-trigger.png') });

		// The hook trigger's events, by the names users see.
		await searchNodes('LeanCloud IM Hook');
		await page.getByText('LeanCloud IM Hook', { exact: true }).first().click();
		// (n8n drops the parentheses of the Event names.)
		for (const event of ['On message received before delivery', 'On message being edited or recalled', 'On members being added', 'On service conversation message callback']) {
			await page.getByText(event, { exact: true }).first().waitFor({ timeout: 15_000 });
		}
		await page.screenshot({ path: join(ARTIFACTS, '6-hook-trigger-events.png') });
	} catch (error) {
		await page?.screenshot({ path: join(ARTIFACTS, 'failure.png') }).catch(() => undefined);
		throw error;
	} finally {
		await browser?.close();
		await stopProcess(n8n.child);
	}
}
