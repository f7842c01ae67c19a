// What the benchmark asks for, read from a generated database: a Shanxi project in the middle of
// the id range, Shanxi project ids to PATCH, and read paths for the mixed workload.
'use strict';
const Database = require('../peer/node_modules/better-sqlite3');

module.exports = function sample(file) {
  const db = new Database(file, { readonly: true });
  const shanxi = db.prepare(`SELECT p.id FROM projects p JOIN zones z ON z.id = p.zone_id
                             WHERE z.region_code LIKE '14%' ORDER BY p.id`).pluck().all();
  const campaign = db.prepare('SELECT id FROM campaigns ORDER BY id LIMIT 1').pluck().get();
  db.close();
  if (shanxi.length < 2) throw new Error(`${file}: too few Shanxi projects`);
  return { detailId: shanxi[Math.floor(shanxi.length / 2)], shanxiIds: shanxi, campaignId: campaign };
};
