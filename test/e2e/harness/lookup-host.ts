import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import type { LookupHost } from './browser-lookup';

/** This machine, as browser-lookup.ts looks at it. */
export function realLookupHost(): LookupHost {
  return {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    exists: (file) => {
      try {
        return statSync(file).isFile();
      } catch {
        return false;
      }
    },
    list: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
    read: (file) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return null;
      }
    },
  };
}
