import { useRunFolder } from './global-setup';
import { PACKED_EXTENSION_ENV, packExtension } from './harness/firefox/packed-extension';

/** The Firefox suite's run: one folder for its profiles, and the Firefox build packed once into it. */
export default function setup(): () => Promise<void> {
  const runFolder = useRunFolder();
  // Test files run in child processes started after this, which inherit the environment.
  process.env[PACKED_EXTENSION_ENV] = packExtension(runFolder.dir);
  return runFolder.remove;
}
