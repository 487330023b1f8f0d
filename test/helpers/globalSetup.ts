import { ensurePackage } from './appPackage';

/** Once per jest run: package the app from the current sources (when they changed) for every test file. */
export default function globalSetup(): void {
    process.env.USER_STATUS_APP_PACKAGE = ensurePackage();
}
