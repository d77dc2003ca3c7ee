// Every user-visible string of every page, Chinese first: the tables live in messages/, one per
// page, and are joined here. A key missing from either language of a table fails the build.

import * as admin from './messages/admin';
import * as adminNight from './messages/adminNight';
import * as common from './messages/common';
import * as control from './messages/control';
import * as ledgerSearch from './messages/ledgerSearch';
import * as moderator from './messages/moderator';
import * as operator from './messages/operator';
import * as screen from './messages/screen';
import * as viewer from './messages/viewer';

const zh = { ...common.zh, ...screen.zh, ...viewer.zh, ...operator.zh, ...moderator.zh, ...control.zh, ...admin.zh, ...adminNight.zh, ...ledgerSearch.zh };

/** A message of the tables; the compiler checks every use. */
export type MessageKey = keyof typeof zh;

export type Language = 'zh' | 'en';

const en: Record<MessageKey, string> = { ...common.en, ...screen.en, ...viewer.en, ...operator.en, ...moderator.en, ...control.en, ...admin.en, ...adminNight.en, ...ledgerSearch.en };

/** The message tables, exported for the consistency test. */
export const messages: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { zh, en };

export const LANGUAGE_STORAGE_KEY = 'charityday.lang';

type LanguageListener = (language: Language) => void;

const listeners = new Set<LanguageListener>();
let current: Language | undefined;

// localStorage may be missing (tests, old webviews) or throw (private mode): the language is a
// preference, so any failure falls back to Chinese rather than breaking a page.
function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function getLanguage(): Language {
  current ??= storedLanguage();
  return current;
}

export function setLanguage(language: Language): void {
  const previous = getLanguage();
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
  if (language === previous) {
    return;
  }
  current = language;
  for (const listener of [...listeners]) {
    listener(language);
  }
}

/** Calls the listener after every change of language; returns the unsubscribe function. */
export function onLanguageChange(listener: LanguageListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message in the current language, with each `{name}` replaced by `params.name`. */
export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const template = messages[getLanguage()][key];
  if (!params) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}
