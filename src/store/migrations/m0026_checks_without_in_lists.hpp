#pragma once
// Migration 26 (SQLite only): CHECK constraints that list a column's allowed values, `stage IN
// ('reserve', 'signed', ...)`, spelled as `(stage = 'reserve' OR stage = 'signed' OR ...)`. SQLite
// evaluates an IN list of three or more values by building a temporary index of the list, anew for
// every row it checks: a new project checked three of them, and those temporary tables were a
// fifth of an import's commit. The comparisons mean the same, NULL included (a NULL column passes
// either way), and need nothing built.
// A CHECK constraint does not change what the file holds, so the tables' stored text is rewritten
// in place (SQLite's documented writable_schema procedure for such changes, "Making Other Kinds
// Of Table Schema Changes") instead of copying every table; each replace() is exact and finds the
// text m0001..m0024 wrote, or leaves the table as it was. The store then raises the schema
// version, so every connection reads the new text (sqlite_store.cpp). PostgreSQL evaluates IN
// lists without building anything and keeps its constraints.
// Released migrations are history: add a new one, never edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0026ChecksWithoutInListsSqlite = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
        'level IN (''national_etdz'', ''national_high_tech'', ''provincial'', ''reform_demonstration'')',
        '(level = ''national_etdz'' OR level = ''national_high_tech'' OR level = ''provincial'' OR level = ''reform_demonstration'')')
WHERE type = 'table' AND name = 'zones';
UPDATE sqlite_schema SET sql = replace(replace(sql,
        'ownership IN (''state'', ''private'', ''foreign'', ''mixed'', ''other'')',
        '(ownership = ''state'' OR ownership = ''private'' OR ownership = ''foreign'' OR ownership = ''mixed'' OR ownership = ''other'')'),
        'chain_role IN (''none'', ''chain_owner'', ''core'', ''supporting'')',
        '(chain_role = ''none'' OR chain_role = ''chain_owner'' OR chain_role = ''core'' OR chain_role = ''supporting'')')
WHERE type = 'table' AND name = 'enterprises';
UPDATE sqlite_schema SET sql = replace(replace(replace(sql,
        'stage IN (''reserve'', ''signed'', ''started'', ''producing'', ''at_capacity'')',
        '(stage = ''reserve'' OR stage = ''signed'' OR stage = ''started'' OR stage = ''producing'' OR stage = ''at_capacity'')'),
        'status IN (''active'', ''suspended'', ''cancelled'')',
        '(status = ''active'' OR status = ''suspended'' OR status = ''cancelled'')'),
        'approval_kind IN (''approval'', ''verification'', ''filing'')',
        '(approval_kind = ''approval'' OR approval_kind = ''verification'' OR approval_kind = ''filing'')')
WHERE type = 'table' AND name = 'projects';
UPDATE sqlite_schema SET sql = replace(sql,
        'role IN (''province'', ''city'', ''zone'', ''supervisor'', ''viewer'')',
        '(role = ''province'' OR role = ''city'' OR role = ''zone'' OR role = ''supervisor'' OR role = ''viewer'')')
WHERE type = 'table' AND name = 'users';
UPDATE sqlite_schema SET sql = replace(sql,
        'status IN (''planning'', ''held'', ''closed'')',
        '(status = ''planning'' OR status = ''held'' OR status = ''closed'')')
WHERE type = 'table' AND name = 'campaigns';
UPDATE sqlite_schema SET sql = replace(sql,
        'status IN (''draft'', ''submitted'', ''approved'', ''returned'')',
        '(status = ''draft'' OR status = ''submitted'' OR status = ''approved'' OR status = ''returned'')')
WHERE type = 'table' AND name = 'progress_reports';
UPDATE sqlite_schema SET sql = replace(replace(replace(sql,
        'category IN (''land'', ''planning_approval'', ''financing'', ''utilities'', ''labour'',
                                               ''environment'', ''other'')',
        '(category = ''land'' OR category = ''planning_approval'' OR category = ''financing'' OR category = ''utilities'' OR category = ''labour'' OR category = ''environment'' OR category = ''other'')'),
        'level IN (''zone'', ''city'', ''province'')',
        '(level = ''zone'' OR level = ''city'' OR level = ''province'')'),
        'status IN (''open'', ''in_progress'', ''resolved'', ''closed'', ''reopened'')',
        '(status = ''open'' OR status = ''in_progress'' OR status = ''resolved'' OR status = ''closed'' OR status = ''reopened'')')
WHERE type = 'table' AND name = 'coordination_items';
UPDATE sqlite_schema SET sql = replace(sql,
        'source IN (''central_budget'', ''provincial_budget'', ''special_bonds'', ''bank_loans'', ''own_funds'',
                                 ''foreign_capital'', ''other'')',
        '(source = ''central_budget'' OR source = ''provincial_budget'' OR source = ''special_bonds'' OR source = ''bank_loans'' OR source = ''own_funds'' OR source = ''foreign_capital'' OR source = ''other'')')
WHERE type = 'table' AND name = 'project_funding';
UPDATE sqlite_schema SET sql = replace(sql,
        'milestone IN (''sign'', ''start'', ''production'', ''capacity'')',
        '(milestone = ''sign'' OR milestone = ''start'' OR milestone = ''production'' OR milestone = ''capacity'')')
WHERE type = 'table' AND name = 'planned_date_changes';
UPDATE sqlite_schema SET sql = replace(replace(sql,
        'batch IN (''sign'', ''start'', ''produce'')',
        '(batch = ''sign'' OR batch = ''start'' OR batch = ''produce'')'),
        'status IN (''proposed'', ''confirmed'', ''withdrawn'')',
        '(status = ''proposed'' OR status = ''confirmed'' OR status = ''withdrawn'')')
WHERE type = 'table' AND name = 'campaign_entries';
UPDATE sqlite_schema SET sql = replace(replace(sql,
        'kind IN (''projects'', ''reports'', ''coordination'', ''entries'')',
        '(kind = ''projects'' OR kind = ''reports'' OR kind = ''coordination'' OR kind = ''entries'')'),
        'batch IN (''sign'', ''start'', ''produce'')',
        '(batch = ''sign'' OR batch = ''start'' OR batch = ''produce'')')
WHERE type = 'table' AND name = 'imports';
UPDATE sqlite_schema SET sql = replace(replace(sql,
        'from_light IN (''green'', ''yellow'', ''red'')',
        '(from_light = ''green'' OR from_light = ''yellow'' OR from_light = ''red'')'),
        'to_light IN (''green'', ''yellow'', ''red'')',
        '(to_light = ''green'' OR to_light = ''yellow'' OR to_light = ''red'')')
WHERE type = 'table' AND name = 'light_history';
UPDATE sqlite_schema SET sql = replace(replace(sql,
        'target_kind IN (''project'', ''coordination_item'', ''zone'')',
        '(target_kind = ''project'' OR target_kind = ''coordination_item'' OR target_kind = ''zone'')'),
        'status IN (''issued'', ''responded'', ''closed'')',
        '(status = ''issued'' OR status = ''responded'' OR status = ''closed'')')
WHERE type = 'table' AND name = 'notices';
UPDATE sqlite_schema SET sql = replace(sql,
        'step IN (''issue'', ''respond'', ''comment'', ''close'', ''reopen'', ''escalate'')',
        '(step = ''issue'' OR step = ''respond'' OR step = ''comment'' OR step = ''close'' OR step = ''reopen'' OR step = ''escalate'')')
WHERE type = 'table' AND name = 'notice_events';
UPDATE sqlite_schema SET sql = replace(sql,
        'segment IN (''upstream'', ''midstream'', ''downstream'')',
        '(segment = ''upstream'' OR segment = ''midstream'' OR segment = ''downstream'')')
WHERE type = 'table' AND name = 'chain_nodes';
PRAGMA writable_schema = RESET;
)sql";

}  // namespace sanpi::store::migrations
