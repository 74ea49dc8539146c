/** The scripts every generated plugin gets (the templates' own scripts build them inside the ATP monorepo). */
export const PLUGIN_SCRIPTS: Readonly<Record<string, string>> = {
  build: 'tsc -p tsconfig.json',
  test: 'vitest run',
  lint: 'eslint .',
  prepublishOnly: 'npm run build',
  changeset: 'changeset',
  release: 'npm run lint && npm test && changeset publish',
};

/** The keyword people find ATP plugins by on npm. */
export const PLUGIN_KEYWORD = 'atp-plugin';

const KERNEL = '@atp/kernel';

/** The `@atp/kernel` range a template declares as peer dependency; a template without one is broken. */
export function kernelRange(template: Record<string, unknown>): string {
  const peers = template.peerDependencies as Record<string, string> | undefined;
  const range = peers?.[KERNEL];
  if (typeof range !== 'string' || !range) throw new Error(`the template package.json has no peerDependencies["${KERNEL}"]`);
  return range;
}

/**
 * The package.json of a new plugin from its template's: only fields are rewritten — the name, version
 * 0.1.0, no `private`, the `atp-plugin` keyword, the scripts, `@atp/kernel` as peer (and dev) dependency
 * with the template's range, and public access for a scoped name (npm's default for scopes is restricted).
 */
export function pluginManifest(template: Record<string, unknown>, name: string): Record<string, unknown> {
  const range = kernelRange(template);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(template)) {
    switch (key) {
      case 'private':
        break;
      case 'name':
        out.name = name;
        break;
      case 'version':
        out.version = '0.1.0';
        break;
      case 'keywords': {
        const keywords = Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
        out.keywords = keywords.includes(PLUGIN_KEYWORD) ? keywords : [...keywords, PLUGIN_KEYWORD];
        break;
      }
      case 'scripts':
        out.scripts = { ...PLUGIN_SCRIPTS };
        break;
      case 'peerDependencies':
        out.peerDependencies = { ...(value as Record<string, string>), [KERNEL]: range };
        break;
      case 'devDependencies':
        out.devDependencies = { ...(value as Record<string, string>), [KERNEL]: range };
        break;
      default:
        out[key] = value;
    }
  }
  out.name = name;
  out.version ??= '0.1.0';
  out.keywords ??= [PLUGIN_KEYWORD];
  out.scripts ??= { ...PLUGIN_SCRIPTS };
  if (name.startsWith('@')) out.publishConfig = { ...(out.publishConfig as object | undefined), access: 'public' };
  return out;
}
