/**
 * The app package the integration tests run against, built from the current sources: packaged again
 * whenever the content of what goes into the zip (app.json, icon, i18n, src) changed, so a stale zip
 * in dist/ is never used. Called once per jest run by the global setup.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const APP_FILES = ['app.json', 'icon.png', 'i18n', 'src'];
const HASH_FILE = path.join(ROOT, 'dist', '.package-source-hash');

function filesUnder(entry: string): string[] {
    const full = path.join(ROOT, entry);
    if (!fs.existsSync(full)) return [];
    if (fs.statSync(full).isFile()) return [entry];
    return fs
        .readdirSync(full)
        .sort()
        .flatMap((name) => filesUnder(path.join(entry, name)));
}

export function sourceHash(): string {
    const hash = createHash('sha256');
    for (const file of APP_FILES.flatMap(filesUnder)) {
        hash.update(file)
            .update('\0')
            .update(fs.readFileSync(path.join(ROOT, file)))
            .update('\0');
    }
    return hash.digest('hex');
}

export function packagePath(): string {
    const info = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as { nameSlug: string; version: string };
    return path.join(ROOT, 'dist', `${info.nameSlug}_${info.version}.zip`);
}

/** The zip of the current sources; runs `rc-apps package` only when they changed since the last build. */
export function ensurePackage(): string {
    const zip = packagePath();
    const hash = sourceHash();
    const built = fs.existsSync(HASH_FILE) ? fs.readFileSync(HASH_FILE, 'utf8').trim() : '';
    if (!fs.existsSync(zip) || built !== hash) {
        execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.js')], { cwd: ROOT, stdio: 'inherit' });
        fs.writeFileSync(HASH_FILE, `${hash}\n`);
    }
    return zip;
}
