// The benchmark's peer: the endpoints Sanpi's benchmark drives, written the way a small team would
// with Express and better-sqlite3, reading the same SQLite file Sanpi serves. Not a product:
// `Authorization: Bearer <account name>` picks the caller (one user lookup per request, like a
// token lookup), and only what the benchmark asks for is here.
'use strict';
const express = require('express');
const Database = require('better-sqlite3');

const file = process.env.PEER_DB || process.argv[2];
const port = Number(process.env.PEER_PORT || 8091);
if (!file) {
  console.error('usage: node server.js DB_FILE (or PEER_DB); PEER_PORT (default 8091)');
  process.exit(2);
}
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');

const yuan = (fen) => {
  const f = BigInt(fen);
  const whole = f / 100n;
  const cents = f % 100n;
  if (cents === 0n) return whole.toString();
  return `${whole}.${cents.toString().padStart(2, '0')}`.replace(/0$/, '');
};

// The caller's scope as a WHERE fragment over zones z.
function scopeOf(user) {
  if (user.role === 'zone') return { sql: 'z.id = ?', args: [user.zone_id] };
  if (!user.region_code) return { sql: '1 = 1', args: [] };
  let prefix = user.region_code;
  if (prefix.endsWith('0000')) prefix = prefix.slice(0, 2);
  else if (prefix.endsWith('00')) prefix = prefix.slice(0, 4);
  return { sql: 'z.region_code LIKE ?', args: [`${prefix}%`] };
}

const app = express();
app.use(express.json());
app.get('/healthz', (req, res) => {
  db.prepare('SELECT 1').get();
  res.json({ status: 'ok' });
});

app.use('/api/v1', (req, res, next) => {
  const auth = req.get('authorization') || '';
  const name = auth.startsWith('Bearer ') ? auth.slice(7) : '';
  const user = db.prepare('SELECT * FROM users WHERE name = ? AND active = 1').get(name);
  if (!user) return res.status(401).json({ status: 401, title: 'unauthorized' });
  req.user = user;
  req.scope = scopeOf(user);
  next();
});

function projectJson(p, investors) {
  return {
    id: p.id, code: p.code, name: p.name, zone_id: p.zone_id, zone_name: p.zone_name,
    region_code: p.region_code, city_code: p.region_code.slice(0, 4) + '00',
    investor_ids: investors.map((i) => i.id), investors: investors.map((i) => i.name),
    industry: p.industry_code, total_investment: yuan(p.total_investment_fen),
    construction_content: p.construction_content,
    planned: { sign: p.planned_sign, start: p.planned_start, production: p.planned_production, capacity: p.planned_capacity },
    actual: { sign: p.actual_sign, start: p.actual_start, production: p.actual_production, capacity: p.actual_capacity },
    stage: p.stage, status: p.status,
    annual_planned_investment: yuan(p.annual_planned_investment_fen),
    expected_output_value: yuan(p.expected_output_value_fen), expected_tax: yuan(p.expected_tax_fen),
    expected_jobs: p.expected_jobs, responsible_unit: p.responsible_unit, responsible_post: p.responsible_post,
    tags: p.tags ? p.tags.split(',') : [], synthetic: !!p.synthetic, version: p.version,
  };
}

function loadProject(req, id) {
  const p = db.prepare(`SELECT p.*, z.name AS zone_name, z.region_code FROM projects p JOIN zones z ON z.id = p.zone_id
                        WHERE p.id = ? AND ${req.scope.sql}`).get(id, ...req.scope.args);
  if (!p) return null;
  const investors = db.prepare(`SELECT e.id, e.name FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id
                                WHERE pi.project_id = ? ORDER BY pi.position`).all(id);
  return projectJson(p, investors);
}

app.get('/api/v1/projects/:id', (req, res) => {
  const p = loadProject(req, Number(req.params.id));
  if (!p) return res.status(404).json({ status: 404, title: 'not found' });
  res.set('ETag', `"${p.version}"`).json(p);
});

app.patch('/api/v1/projects/:id', (req, res) => {
  const id = Number(req.params.id);
  if (req.user.role !== 'province' && req.user.role !== 'zone') return res.status(403).json({ status: 403 });
  const ifMatch = (req.get('if-match') || '').replace(/"/g, '');
  if (!ifMatch) return res.status(428).json({ status: 428 });
  const tx = db.transaction(() => {
    const current = loadProject(req, id);
    if (!current) return 404;
    if (String(current.version) !== ifMatch) return 409;
    if (typeof req.body.responsible_post === 'string') {
      db.prepare('UPDATE projects SET responsible_post = ?, version = version + 1 WHERE id = ?')
        .run(req.body.responsible_post, id);
    }
    return 200;
  });
  const status = tx();
  if (status !== 200) return res.status(status).json({ status });
  const p = loadProject(req, id);
  res.set('ETag', `"${p.version}"`).json(p);
});

app.get('/api/v1/projects', (req, res) => {
  const where = [req.scope.sql];
  const args = [...req.scope.args];
  if (req.query.city) { where.push('z.region_code LIKE ?'); args.push(`${String(req.query.city).slice(0, 4)}%`); }
  if (req.query.stage) { where.push('p.stage = ?'); args.push(String(req.query.stage)); }
  if (req.query.q) {
    where.push(`(p.name LIKE ? OR EXISTS (SELECT 1 FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id
                 WHERE pi.project_id = p.id AND e.name LIKE ?))`);
    args.push(`%${req.query.q}%`, `%${req.query.q}%`);
  }
  const page = Math.max(1, Number(req.query.page || 1));
  const size = Math.min(500, Math.max(1, Number(req.query.page_size || 20)));
  const from = `FROM projects p JOIN zones z ON z.id = p.zone_id WHERE ${where.join(' AND ')}`;
  const total = db.prepare(`SELECT count(*) AS n ${from}`).get(...args).n;
  const rows = db.prepare(`SELECT p.*, z.name AS zone_name, z.region_code ${from} ORDER BY p.id LIMIT ? OFFSET ?`)
    .all(...args, size, (page - 1) * size);
  const investors = db.prepare(`SELECT e.id, e.name FROM project_investors pi JOIN enterprises e ON e.id = pi.enterprise_id
                                WHERE pi.project_id = ? ORDER BY pi.position`);
  res.json({ items: rows.map((p) => projectJson(p, investors.all(p.id))), total, page, page_size: size });
});

app.get('/api/v1/campaigns/:id/summary', (req, res) => {
  const campaign = db.prepare('SELECT * FROM campaigns WHERE id = ?').get(Number(req.params.id));
  if (!campaign) return res.status(404).json({ status: 404 });
  const rows = db.prepare(`SELECT ce.batch, count(*) AS projects, coalesce(sum(p.total_investment_fen), 0) AS fen
                           FROM campaign_entries ce JOIN projects p ON p.id = ce.project_id JOIN zones z ON z.id = p.zone_id
                           WHERE ce.campaign_id = ? AND ${req.scope.sql} GROUP BY ce.batch`)
    .all(campaign.id, ...req.scope.args);
  const venues = db.prepare('SELECT name, region_code, main FROM campaign_venues WHERE campaign_id = ? ORDER BY position')
    .all(campaign.id);
  const batches = ['sign', 'start', 'produce'].map((batch) => {
    const r = rows.find((x) => x.batch === batch) || { projects: 0, fen: 0 };
    return { batch, projects: r.projects, total_investment: yuan(r.fen) };
  });
  res.json({
    campaign: { id: campaign.id, name: campaign.name, date: campaign.event_date,
                venues: venues.map((v) => ({ name: v.name, region_code: v.region_code, main: !!v.main })) },
    batches,
  });
});

// The dashboard: counts and investment by stage, city, zone and industry, the start, production
// and capacity rates, and the latest campaign's batches, all within the caller's scope.
app.get('/api/v1/dashboard', (req, res) => {
  const { sql, args } = req.scope;
  const from = `FROM projects p JOIN zones z ON z.id = p.zone_id WHERE ${sql}`;
  const group = (key) => db.prepare(`SELECT ${key} AS key, count(*) AS projects, sum(p.total_investment_fen) AS fen
                                     ${from} GROUP BY ${key} ORDER BY ${key}`).all(...args)
    .map((r) => ({ key: r.key, projects: r.projects, total_investment: yuan(r.fen) }));
  const byStage = group('p.stage');
  const byCity = group("substr(z.region_code, 1, 4) || '00'");
  const byZone = group('p.zone_id');
  const byIndustry = group('p.industry_code');
  const rates = db.prepare(`SELECT sum(p.planned_start IS NOT NULL AND p.planned_start <= date('now')) AS due_start,
                                   sum(p.actual_start IS NOT NULL) AS started,
                                   sum(p.planned_production IS NOT NULL AND p.planned_production <= date('now')) AS due_production,
                                   sum(p.actual_production IS NOT NULL) AS producing,
                                   sum(p.planned_capacity IS NOT NULL AND p.planned_capacity <= date('now')) AS due_capacity,
                                   sum(p.actual_capacity IS NOT NULL) AS at_capacity ${from}`).get(...args);
  const ratio = (a, b) => (b ? a / b : null);
  const campaign = db.prepare('SELECT id FROM campaigns ORDER BY event_date DESC, id DESC LIMIT 1').get();
  const batches = campaign ? db.prepare(`SELECT ce.batch, count(*) AS projects, sum(p.total_investment_fen) AS fen
                                         FROM campaign_entries ce JOIN projects p ON p.id = ce.project_id
                                         JOIN zones z ON z.id = p.zone_id
                                         WHERE ce.campaign_id = ? AND ${sql} GROUP BY ce.batch`).all(campaign.id, ...args)
    : [];
  res.json({
    by_stage: byStage, by_city: byCity, by_zone: byZone, by_industry: byIndustry,
    rates: { start: ratio(rates.started, rates.due_start), production: ratio(rates.producing, rates.due_production),
             capacity: ratio(rates.at_capacity, rates.due_capacity) },
    campaign: campaign ? { id: campaign.id, batches: batches.map((b) => ({ batch: b.batch, projects: b.projects, total_investment: yuan(b.fen) })) } : null,
  });
});

app.listen(port, '127.0.0.1', () => console.log(`peer listening on 127.0.0.1:${port} over ${file}`));
