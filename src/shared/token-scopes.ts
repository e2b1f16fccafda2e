/**
 * What a personal API token may do, chosen when it is made. Server and web share the list:
 * the router checks it on every request made with a token, the account page offers it.
 *
 * - `read`: operations that only read (GET).
 * - `write`: operations that change something (anything but GET), within what the account may do.
 * - `tokens`: create and revoke API tokens. A token can only mint tokens with its own scopes
 *   or fewer, expiring no later than itself, and revoking it revokes what it minted.
 *
 * Some operations are never open to a token, whatever its scopes: changing the password,
 * deleting the account, signing out other sessions, linking and unlinking sign-in
 * providers. They need the person in a browser session, so a leaked token cannot lock its
 * owner out or make itself permanent.
 */
export const TOKEN_SCOPES = ["read", "write", "tokens"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The scopes a token gets when none are asked for: what every token could do before scopes existed. */
export const DEFAULT_TOKEN_SCOPES: readonly TokenScope[] = ["read", "write"];
