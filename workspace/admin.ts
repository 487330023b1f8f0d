import * as fs from 'fs';
import * as path from 'path';
import type { Users, UserDoc } from './services/Users';
import { randomSecret } from './store/ids';

/**
 * The first admin. Its password comes from ADMIN_PASSWORD, else from DATA_DIR/admin-password,
 * else it is generated, kept there (mode 600) and returned as `generated` so the caller prints it once.
 */
export async function ensureAdmin(users: Users, dataDir: string, username: string, envPassword?: string): Promise<{ admin: UserDoc; generated?: string }> {
    const file = path.join(dataDir, 'admin-password');
    let password = envPassword;
    let generated: string | undefined;
    if (!password && fs.existsSync(file)) {
        password = fs.readFileSync(file, 'utf8').trim();
    }
    if (!password) {
        password = randomSecret(12);
        generated = password;
        fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
    }
    let admin = await users.findByUsername(username);
    if (!admin) {
        admin = await users.create({ username, name: 'Administrator', email: `${username}@localhost`, password, roles: ['admin', 'user'], utcOffset: 0 });
    } else if (envPassword) {
        await users.setPassword(admin._id, envPassword);
    }
    return { admin, generated };
}
