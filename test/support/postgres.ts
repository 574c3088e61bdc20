/**
 * Starts a throwaway PostgreSQL server (Debian's `postgresql` package, installed by
 * scripts/ensure-tools.sh) for tests that run generated SQL on a real server. The cluster lives in
 * a fresh temp folder and listens only on a unix socket there, so parallel suites never collide on
 * a port; `stop()` shuts it down and deletes the folder. A missing server is a failure, never a skip.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PostgresServer {
    /** Folder holding the server's socket; pass it as `host` to `pg`. */
    socketDir: string;
    port: number;
    /** A new client connected to the `postgres` database as the `postgres` superuser. */
    connect(): Promise<pg.Client>;
    stop(): void;
}

/** The bin folder of the newest PostgreSQL under /usr/lib/postgresql, or $PG_BIN. */
export function postgresBinDir(): string {
    if (process.env.PG_BIN) return process.env.PG_BIN;
    const root = '/usr/lib/postgresql';
    const versions = fs.existsSync(root)
        ? fs.readdirSync(root).filter(v => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
        : [];
    if (versions.length === 0) {
        throw new Error(`PostgreSQL not found under ${root}; run 'npm test' (it installs it) or 'apt-get install -y postgresql'.`);
    }
    return path.join(root, versions[0], 'bin');
}

export async function startPostgres(): Promise<PostgresServer> {
    const bin = postgresBinDir();
    // PostgreSQL refuses to run as root: as root (CI), the cluster belongs to the `postgres` user,
    // who must be able to reach the folder, so it goes under /tmp rather than a private $TMPDIR.
    const asRoot = process.getuid?.() === 0;
    const dir = fs.mkdtempSync(path.join(asRoot ? '/tmp' : os.tmpdir(), 'cxspec-pg-'));
    const data = path.join(dir, 'data');
    const port = 5432;
    if (asRoot) {
        const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
        const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
        fs.chownSync(dir, uid, gid);
    }
    const run = (tool: string, args: string[]): void => {
        const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
        try {
            execFileSync(cmd, argv, { stdio: 'pipe', cwd: dir });
        } catch (error) {
            const e = error as { stderr?: Buffer; message: string };
            throw new Error(`${tool} failed: ${e.stderr?.toString().trim() || e.message}`);
        }
    };
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run('pg_ctl', ['start', '-w', '-D', data, '-l', path.join(dir, 'server.log'),
        '-o', `-c listen_addresses='' -k '${dir}' -p ${port} -c fsync=off -c full_page_writes=off`]);
    let stopped = false;
    return {
        socketDir: dir,
        port,
        async connect() {
            const client = new pg.Client({ host: dir, port, user: 'postgres', database: 'postgres' });
            await client.connect();
            return client;
        },
        stop() {
            if (stopped) return;
            stopped = true;
            try {
                run('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]);
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        }
    };
}
