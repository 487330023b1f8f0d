import type { Config } from '@jest/types';

import { ensurePackage } from './appPackage';

/**
 * Once per jest run: package the app from the current sources (when they changed) for every test
 * file that starts the workspace. A run of unit tests only (`jest test/unit/...`) needs no package.
 */
export default function globalSetup(globalConfig: Config.GlobalConfig): void {
    const patterns: string[] = (globalConfig.testPathPatterns as unknown as { patterns?: string[] })?.patterns ?? [];
    if (patterns.length > 0 && patterns.every((pattern) => /^test\/unit(\/|$)/.test(pattern))) {
        return;
    }
    process.env.USER_STATUS_APP_PACKAGE = ensurePackage();
}
