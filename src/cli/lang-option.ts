import { Option } from 'commander';
import { SoqaError } from '../core/soqa-error.js';
import * as msg from '../core/messages/index.js';
import { parseLangOption } from './options.js';

/** The environment variable that sets the default of `--lang` (unset: zh, the field's language). */
export const LANG_ENV = 'SOQA_LANG';

/**
 * The `--lang <zh|en>` option every command has, with no commander default: `langFrom` picks
 * the default (SOQA_LANG, else zh) so that every command has the same one.
 *
 * @param what what the language applies to, e.g. 'labels, verdicts and notes'
 * @returns the option, for `command.addOption`
 * @example
 * program.command('staff').addOption(langOption('headers, verdicts and notes'));
 */
export function langOption(what: string): Option {
  return new Option('--lang <zh|en>', `language of ${what} (default: zh, or the ${LANG_ENV} environment variable)`);
}

/**
 * The language of a run: `--lang` when given, else the SOQA_LANG environment variable when
 * set and not empty, else zh.
 *
 * @param value the `--lang` value (undefined when not given)
 * @param env the environment (default: process.env)
 * @returns 'zh' or 'en'
 * @throws SoqaError E_BAD_OPTION (exit 3) when `--lang` or SOQA_LANG is neither zh nor en
 * @example
 * langFrom(undefined, { SOQA_LANG: 'en' }); // => 'en'
 * langFrom('zh', { SOQA_LANG: 'en' }); // => 'zh'
 */
export function langFrom(value: string | undefined, env: NodeJS.ProcessEnv = process.env): msg.Lang {
  if (value !== undefined) return parseLangOption(value);
  const fromEnv = env[LANG_ENV];
  if (fromEnv === undefined || fromEnv.trim() === '') return 'zh';
  try {
    return parseLangOption(fromEnv);
  } catch {
    throw new SoqaError(
      'E_BAD_OPTION',
      msg.badOption(`${LANG_ENV} (environment)`, fromEnv, `zh or en (or unset it for zh)`),
    );
  }
}
