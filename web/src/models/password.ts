/**
 * The password rules the server enforces (server/src/core/password_policy.hpp), checked before
 * sending: at least 12 characters, and three of upper case, lower case, digits and symbols. The
 * server also refuses common passwords, the username and the last 5 passwords.
 */
export function meetsPasswordRules(password: string): boolean {
  if ([...password].length < 12) return false;
  const kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(password));
  return kinds.length >= 3;
}
