import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * What the LeanCloud IM Hook Trigger checks calls with: the secret the LeanEngine forwarder signs with
 * (its N8N_HOOK_SECRET), and the token in the service-conversation callback's URL. No LeanCloud key: the
 * trigger only receives.
 */
export class LeanCloudImHookApi implements ICredentialType {
	name = 'leanCloudImHookApi';

	displayName = 'LeanCloud IM Hook API';

	icon: Icon = { light: 'file:../icons/leancloud-im.svg', dark: 'file:../icons/leancloud-im.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-leancloud-im/n8n-nodes-leancloud-im#moderate-before-delivery';

	properties: INodeProperties[] = [
		{
			displayName: 'Shared Secret',
			name: 'sharedSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The forwarder\'s N8N_HOOK_SECRET (at least 16 characters; e.g. from "openssl rand -hex 32"). Calls not signed with it are refused.',
		},
		{
			displayName: 'Callback Token',
			name: 'callbackToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'For the Service Conversation Message event only: the token in the URL pasted into the console (?token=...)',
		},
	];
}
