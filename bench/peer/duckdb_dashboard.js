// The second reference: DuckDB computing the dashboard's aggregates in-process over the same data.
// The projects (with their zone's region) and campaign entries are copied from the SQLite file into
// an in-memory DuckDB, then each scope's aggregates are run repeatedly and timed. Prints JSON.
'use strict';
const Database = require('better-sqlite3');
const { DuckDBInstance } = require('@duckdb/node-api');

const SCOPES = { national: '', province: '14', city: '1401' };
const ROUNDS = Number(process.env.DUCKDB_ROUNDS || 50);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function main(file) {
  const lite = new Database(file, { readonly: true });
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  await duck.run(`CREATE TABLE projects (id BIGINT, zone_id BIGINT, region_code VARCHAR, industry_code VARCHAR,
                  stage VARCHAR, total_investment_fen BIGINT, planned_start VARCHAR, planned_production VARCHAR,
                  planned_capacity VARCHAR, actual_start VARCHAR, actual_production VARCHAR, actual_capacity VARCHAR)`);
  await duck.run('CREATE TABLE campaign_entries (campaign_id BIGINT, project_id BIGINT, batch VARCHAR)');
  const t0 = Date.now();
  const projects = await duck.createAppender('projects');
  const text = (a, v) => (v === null ? a.appendNull() : a.appendVarchar(v));
  for (const r of lite.prepare(`SELECT p.id, p.zone_id, z.region_code, p.industry_code, p.stage, p.total_investment_fen,
                                       p.planned_start, p.planned_production, p.planned_capacity,
                                       p.actual_start, p.actual_production, p.actual_capacity
                                FROM projects p JOIN zones z ON z.id = p.zone_id`).raw().iterate()) {
    projects.appendBigInt(BigInt(r[0]));
    projects.appendBigInt(BigInt(r[1]));
    for (let k = 2; k < 5; ++k) text(projects, r[k]);
    projects.appendBigInt(BigInt(r[5]));
    for (let k = 6; k < 12; ++k) text(projects, r[k]);
    projects.endRow();
  }
  projects.closeSync();
  const entries = await duck.createAppender('campaign_entries');
  for (const r of lite.prepare('SELECT campaign_id, project_id, batch FROM campaign_entries').raw().iterate()) {
    entries.appendBigInt(BigInt(r[0]));
    entries.appendBigInt(BigInt(r[1]));
    entries.appendVarchar(r[2]);
    entries.endRow();
  }
  entries.closeSync();
  const campaign = lite.prepare('SELECT id FROM campaigns ORDER BY event_date DESC, id DESC LIMIT 1').pluck().get();
  lite.close();
  const loadSeconds = (Date.now() - t0) / 1000;

  const today = new Date().toISOString().slice(0, 10);
  const out = { load_seconds: loadSeconds, rounds: ROUNDS, scopes: {} };
  for (const [scope, prefix] of Object.entries(SCOPES)) {
    const where = `region_code LIKE '${prefix}%'`;
    const queries = [
      ...['stage', "substr(region_code, 1, 4) || '00'", 'zone_id', 'industry_code'].map((key) =>
        `SELECT ${key} AS key, count(*) AS projects, sum(total_investment_fen) AS fen FROM projects
         WHERE ${where} GROUP BY ${key} ORDER BY ${key}`),
      `SELECT count(*) FILTER (planned_start <= '${today}') AS due_start, count(actual_start) AS started,
              count(*) FILTER (planned_production <= '${today}') AS due_production, count(actual_production) AS producing,
              count(*) FILTER (planned_capacity <= '${today}') AS due_capacity, count(actual_capacity) AS at_capacity
       FROM projects WHERE ${where}`,
      `SELECT ce.batch, count(*), sum(p.total_investment_fen) FROM campaign_entries ce JOIN projects p ON p.id = ce.project_id
       WHERE ce.campaign_id = ${campaign} AND p.${where} GROUP BY ce.batch`,
    ];
    const times = [];
    for (let i = 0; i < ROUNDS; ++i) {
      const start = process.hrtime.bigint();
      for (const q of queries) (await duck.runAndReadAll(q)).getRows();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    out.scopes[scope] = { p50_ms: percentile(times, 50), p99_ms: percentile(times, 99), per_second: 1000 / mean };
  }
  duck.closeSync();
  instance.closeSync();
  process.stdout.write(JSON.stringify(out) + '\n');
}

main(process.argv[2]).catch((e) => { console.error(e); process.exit(1); });
