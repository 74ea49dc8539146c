/** API keys of common providers, recognised by their documented prefixes and lengths. */
import { maskSecret } from '../mask.js';
import type { Rule } from '../rule.js';

const rotate = (provider: string): string =>
  `Revoke and rotate the ${provider} key, remove it from the output, and load keys from a secret store or environment variable instead.`;

function providerKey(type: string, title: string, provider: string, pattern: RegExp, prefixes: readonly string[]): Rule {
  return {
    type,
    category: 'secret_leak',
    group: 'api_key',
    severity: 'high',
    title,
    pattern,
    mask: (value) => maskSecret(value, prefixes.find((p) => value.startsWith(p)) ?? ''),
    remediation: rotate(provider),
  };
}

/** Provider key rules (group `api_key`; also run by `pii_exposure` with pii type `api_key`). */
export const PROVIDER_KEY_RULES: readonly Rule[] = [
  providerKey('anthropic_api_key', 'Anthropic API key', 'Anthropic', /(?<![\w-])(?<secret>sk-ant-[A-Za-z0-9_-]{24,})(?![\w-])/dg, ['sk-ant-api03-', 'sk-ant-admin01-', 'sk-ant-']),
  providerKey(
    'openai_api_key',
    'OpenAI API key',
    'OpenAI',
    /(?<![\w-])(?<secret>sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}|sk-[A-Za-z0-9]{20,})(?![\w-])/dg,
    ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-None-', 'sk-'],
  ),
  providerKey('github_token', 'GitHub token', 'GitHub', /(?<!\w)(?<secret>gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?!\w)/dg, ['github_pat_', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_']),
  providerKey('slack_token', 'Slack token', 'Slack', /(?<![\w-])(?<secret>xox[abposr]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,})(?![\w-])/dg, ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxs-', 'xoxr-', 'xapp-']),
  providerKey('slack_webhook', 'Slack webhook URL', 'Slack webhook', /(?<secret>https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,})/dg, ['https://hooks.slack.com/services/']),
  providerKey('stripe_secret_key', 'Stripe live secret key', 'Stripe', /(?<!\w)(?<secret>(?:sk|rk)_live_[A-Za-z0-9]{16,})(?!\w)/dg, ['sk_live_', 'rk_live_']),
  { ...providerKey('stripe_test_key', 'Stripe test secret key', 'Stripe', /(?<!\w)(?<secret>(?:sk|rk)_test_[A-Za-z0-9]{16,})(?!\w)/dg, ['sk_test_', 'rk_test_']), severity: 'medium' },
  providerKey('google_api_key', 'Google API key', 'Google Cloud', /(?<![\w-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![\w-])/dg, ['AIza']),
];
