import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { EXIT, type ExitCode } from '../../core/exit-codes.js';
import { builtInProfiles, loadProfile } from '../../ingest/profile/load-profile.js';
import type { Profile } from '../../ingest/profile/profile.js';
import type { CliIO } from '../io.js';
import type { Lang } from '../../core/messages/index.js';
import * as text from '../output/cli-text.js';
import { langFrom, langOption } from '../lang-option.js';

interface ListRaw {
  json: boolean;
  lang?: string;
}

/** One line of `soqa profiles --json`. */
export interface ProfileListing {
  id: string;
  description: string;
  regions: string;
  idKind: string;
  derived: string[];
  file: string;
}

/**
 * Register `soqa profiles` (list the built-in input profiles with their description) and
 * `soqa profiles show NAME` (print one profile, built-in name or path, as JSON).
 *
 * @param program the commander program
 * @param io CLI streams
 * @param setExit receives the exit code
 */
export function registerProfiles(program: Command, io: CliIO, setExit: (c: ExitCode) => void): void {
  const cmd = program
    .command('profiles')
    .description('list the built-in input profiles (use one with --profile NAME); `profiles show NAME` prints one')
    .option('--json', 'print the list as JSON', false)
    .addOption(langOption('the descriptions'))
    .action((raw: ListRaw) => {
      const lang = langFrom(raw.lang);
      const list = listProfiles(lang);
      if (raw.json) io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else io.stdout(formatList(list, lang));
      setExit(EXIT.OK);
    });
  cmd
    .command('show')
    .description(
      'print one profile as JSON: a built-in name (see `soqa profiles`) or a path to a profile file, checked against schemas/profile.schema.json',
    )
    .argument('<name>', 'built-in profile name or path to a JSON file')
    .action((name: string) => {
      const profile = loadProfile(name);
      io.stdout(
        readFileSync(profile.source!, 'utf8')
          .replace(/^\uFEFF/, '')
          .replace(/\n?$/, '\n'),
      );
      setExit(EXIT.OK);
    })
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
}

/**
 * The built-in profiles with their description, regions file, id kind and derived fields.
 *
 * @param lang language of the description (falls back to the other one)
 * @returns one entry per file in `config/profiles/`, by name
 * @example
 * listProfiles('en').map((p) => p.id); // => ['cn-registry', 'default', 'irs-eo-bmf']
 */
export function listProfiles(lang: 'en' | 'zh' = 'en'): ProfileListing[] {
  return builtInProfiles().map((name) => {
    const p: Profile = loadProfile(name);
    const d = p.description ?? {};
    return {
      id: p.id,
      description: (lang === 'zh' ? (d.zh ?? d.en) : (d.en ?? d.zh)) ?? '',
      regions: p.regions ?? 'inner-mongolia',
      idKind: p.idKind ?? 'credit-code',
      derived: Object.keys(p.derive ?? {}),
      file: p.source!,
    };
  });
}

function formatList(list: ProfileListing[], lang: Lang): string {
  const w = Math.max(...list.map((p) => p.id.length));
  const lines = list.map(
    (p) => `  ${p.id.padEnd(w)}  ${p.description}\n  ${' '.repeat(w)}  ${text.profileFacts(lang, p)}\n`,
  );
  return `${text.profilesHeader(lang)}\n${lines.join('')}`;
}
