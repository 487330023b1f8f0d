/**
 * The bench's fixture app (bench/fixture): packaged with the project's own `rc-apps package` path
 * (scripts/package.js --app bench/fixture) into a temporary folder, removed when the bench exits.
 * Never in dist/, never in the project's package (.rcappsconfig ignores bench/).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'bench', 'fixture');

export interface FixturePackage {
    zip: string;
    appId: string;
}

export function packageFixture(): FixturePackage {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'user-status-bench-fixture-'));
    process.on('exit', () => fs.rmSync(out, { recursive: true, force: true }));
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.js'), '--app', FIXTURE, '--out', out], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    const info = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'app.json'), 'utf8')) as { id: string; nameSlug: string; version: string };
    return { zip: path.join(out, `${info.nameSlug}_${info.version}.zip`), appId: info.id };
}
