import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';

import { describeCredential, type KeyRole } from '../../../credentials/LeanCloudImApi.credentials';
import { CredentialProblem } from '../errors/credentialProblem';
import { CREDENTIAL_TYPE, type RequestContext } from '../transport/request';

/**
 * Which key a request needs. `appOrMaster`: the App Key (the one README's endpoint table names) when the credential has it, else
 * the Master Key, which LeanCloud accepts everywhere.
 */
export type KeyNeed = KeyRole | 'appOrMaster';

const KEY_NAMES: Record<KeyNeed, string> = { master: 'Master Key', app: 'App Key', appOrMaster: 'App Key (or a Master Key)' };

export type CredentialSummary = ReturnType<typeof describeCredential>;

/** The node's credential, decrypted once per run or poll, with what it holds (never the key values). */
export interface OpenedCredential {
	/** In the form n8n's helper takes, so it does not decrypt it again for every request. */
	decrypted: ICredentialsDecrypted;
	summary: CredentialSummary;
}

export async function openCredential(context: RequestContext): Promise<OpenedCredential> {
	const data = (await context.getCredentials(CREDENTIAL_TYPE)) as ICredentialDataDecryptedObject;
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	return {
		decrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data },
		summary: describeCredential(data),
	};
}

/** The key requests with this need use with this credential, or undefined when the credential lacks it. */
export function keyFor(need: KeyNeed, credential: CredentialSummary): KeyRole | undefined {
	if (need === 'appOrMaster') {
		if (credential.hasAppKey) return 'app';
		return credential.hasMasterKey ? 'master' : undefined;
	}
	return (need === 'master' ? credential.hasMasterKey : credential.hasAppKey) ? need : undefined;
}

/**
 * The key `user` (an operation's name, or the trigger) needs, or a CredentialProblem saying what is missing:
 * a Master Key signature over an empty key would only earn a generic 401.
 */
export function requireKey(need: KeyNeed, credential: CredentialSummary, user: string): KeyRole {
	const key = keyFor(need, credential);
	if (!key) {
		const keyName = KEY_NAMES[need];
		throw new CredentialProblem(`The credential has no ${keyName}, which ${user} needs`, `Add the ${keyName} to the LeanCloud IM API credential.`);
	}
	if (credential.apiServerProblem) throw new CredentialProblem('The credential\'s API Server cannot be used', credential.apiServerProblem);
	return key;
}
