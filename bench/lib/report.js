// The one table: per size and endpoint, Sanpi's req/s, p50 and p99, its ratio to the baseline
// (the trivial route compiled into the same server; /healthz when the build has none) and to
// the peer, and the peer's own figures. Markdown, so bench/README.md can keep it as printed.
'use strict';

const num = (v, digits = 0) => (v === null || v === undefined ? 'n/a' : Number(v).toFixed(digits));
const ms = (v) => (v === null || v === undefined ? 'n/a' : v < 10 ? v.toFixed(2) : v.toFixed(1));

function table(report) {
  const lines = [];
  lines.push(`measured ${report.date} on ${report.machine.cpus} CPUs (${report.machine.model}); ` +
             `wrk -t${report.wrk.threads} -c${report.wrk.connections} -d${report.wrk.duration}s ` +
             `(mixed: -c${report.wrk.mixedConnections}), loopback, seed ${report.seed}`);
  lines.push('');
  lines.push('| projects | endpoint | Sanpi req/s | p50 ms | p99 ms | × baseline | × peer | peer req/s | peer p50 ms | peer p99 ms |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [n, size] of Object.entries(report.sizes)) {
    const e = size.sanpi.endpoints;
    const base = e.baseline && !e.baseline.na ? e.baseline : e.healthz;
    const baseName = e.baseline && !e.baseline.na ? 'baseline' : 'healthz';
    for (const [name, r] of Object.entries(e)) {
      const p = size.peer.endpoints[name] || { na: 'n/a' };
      if (r.na) {
        lines.push(`| ${n} | ${name} | n/a (${r.na}) | | | | | ${p.na ? 'n/a' : num(p.rps)} | ${p.na ? '' : ms(p.p50_ms)} | ${p.na ? '' : ms(p.p99_ms)} |`);
        continue;
      }
      const errors = r.non_2xx ? ` (${r.non_2xx} non-2xx)` : '';
      const toBase = base && !base.na && name !== baseName ? num(r.rps / base.rps, 2) : '';
      const toPeer = !p.na && p.rps ? num(r.rps / p.rps, 2) : 'n/a';
      const peerErrors = !p.na && p.non_2xx ? ` (${p.non_2xx} non-2xx)` : '';
      lines.push(`| ${n} | ${name} | ${num(r.rps)}${errors} | ${ms(r.p50_ms)} | ${ms(r.p99_ms)} | ${toBase} | ${toPeer} | ` +
                 `${p.na ? `n/a (${p.na})` : num(p.rps) + peerErrors} | ${p.na ? '' : ms(p.p50_ms)} | ${p.na ? '' : ms(p.p99_ms)} |`);
    }
    lines.push(`| ${n} | peak resident memory (MiB) | ${num(size.sanpi.peak_rss_mib)} | | | | | ${num(size.peer.peak_rss_mib)} | | |`);
    lines.push(`| ${n} | cold start (ms) | ${num(size.sanpi.cold_start_ms)} | | | | | ${num(size.peer.cold_start_ms)} | | |`);
    if (size.gen_seconds !== null) lines.push(`| ${n} | sanpi gen (s) | ${num(size.gen_seconds, 1)} | | | | | | | |`);
    if (size.sanpi.sweep_seconds !== undefined) lines.push(`| ${n} | sanpi sweep (s) | ${num(size.sanpi.sweep_seconds, 1)} | | | | | | | |`);
    const d = size.duckdb || {};
    for (const [scope, r] of Object.entries(d.scopes || {})) {
      lines.push(`| ${n} | DuckDB dashboard ${scope} (in-process) | ${num(r.per_second)} | ${ms(r.p50_ms)} | ${ms(r.p99_ms)} | | | | | |`);
    }
    if (d.na) lines.push(`| ${n} | DuckDB dashboard | n/a (${d.na}) | | | | | | | |`);
  }
  const pg = Object.entries(report.sizes).filter(([, size]) => size.postgresql);
  if (pg.length === 0) return lines.join('\n');
  lines.push('');
  lines.push('PostgreSQL 15 (a throwaway cluster on the same machine, `scripts/with-postgres.sh`), the same data copied in by `sanpi copy`:');
  lines.push('');
  lines.push('| projects | endpoint | Sanpi req/s | p50 ms | p99 ms | × baseline | req/s ÷ SQLite | p99 ÷ SQLite |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const [n, size] of pg) {
    const e = size.postgresql.endpoints;
    const lite = size.sanpi.endpoints;
    const base = e.baseline && !e.baseline.na ? e.baseline : e.healthz;
    const baseName = e.baseline && !e.baseline.na ? 'baseline' : 'healthz';
    for (const [name, r] of Object.entries(e)) {
      if (r.na) {
        lines.push(`| ${n} | ${name} | n/a (${r.na}) | | | | | |`);
        continue;
      }
      const l = lite[name] || {};
      const errors = r.non_2xx ? ` (${r.non_2xx} non-2xx)` : '';
      const toBase = base && !base.na && name !== baseName ? num(r.rps / base.rps, 2) : '';
      const rpsRatio = !l.na && l.rps ? num(r.rps / l.rps, 2) : 'n/a';
      const p99Ratio = !l.na && l.p99_ms ? num(r.p99_ms / l.p99_ms, 2) : 'n/a';
      lines.push(`| ${n} | ${name} | ${num(r.rps)}${errors} | ${ms(r.p50_ms)} | ${ms(r.p99_ms)} | ${toBase} | ${rpsRatio} | ${p99Ratio} |`);
    }
    lines.push(`| ${n} | peak resident memory of sanpi (MiB) | ${num(size.postgresql.peak_rss_mib)} | | | | | |`);
    lines.push(`| ${n} | cold start (ms) | ${num(size.postgresql.cold_start_ms)} | | | | | |`);
    lines.push(`| ${n} | sanpi copy from SQLite (s) | ${num(size.copy_seconds, 1)} | | | | | |`);
    if (size.postgresql.sweep_seconds !== undefined) {
        lines.push(`| ${n} | sanpi sweep (s) | ${num(size.postgresql.sweep_seconds, 1)} | | | | | |`);
    }
  }
  return lines.join('\n');
}

module.exports = { table };

if (require.main === module) {
  const fs = require('fs');
  process.stdout.write(table(JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))) + '\n');
}
