// Warning lights (m0017): the rules by version, a project's facts and stored light read together,
// the light stored with its per-rule rows and history, and the claims of daily sweeps.
#include <utility>

#include "store/sql/lights_sql.hpp"
#include "store/sql/row.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/users_sql.hpp"

namespace sanpi::store::sql {

using namespace lights;

namespace {

domain::Light read_light(Row& row) { return row.enumeration(domain::light_from_string, "light"); }

std::optional<domain::Approval> read_approval(Row& row) {
    const auto kind = row.optional_text();
    const auto date = row.optional_date();
    const auto granted = row.optional_date();
    const auto start_by = row.optional_date();
    if (!kind || !date) return std::nullopt;
    const auto parsed = domain::approval_kind_from_string(*kind);
    if (!parsed) throw StoreFault("stored approval kind not recognised: " + *kind);
    domain::Approval a{*parsed, *date, {}, {}, std::nullopt};
    if (granted && start_by) a.extension = domain::ApprovalExtension{*granted, *start_by};
    return a;
}

std::optional<domain::CapacityAgreement> read_agreement(Row& row) {
    const auto output = row.optional_int64();
    const auto tax = row.optional_int64();
    const auto jobs = row.optional_int64();
    const auto land = row.optional_int64();
    if (!output && !tax && !jobs && !land) return std::nullopt;
    return domain::CapacityAgreement{domain::Money::from_fen(output.value_or(0)), domain::Money::from_fen(tax.value_or(0)),
                                     static_cast<std::int32_t>(jobs.value_or(0)), land.value_or(0)};
}

std::optional<domain::AnnualRealisation> read_realised(Row& row) {
    const auto year = row.optional_int64();
    const auto output = row.optional_int64();
    const auto tax = row.optional_int64();
    const auto jobs = row.optional_int64();
    if (!year) return std::nullopt;
    return domain::AnnualRealisation{static_cast<int>(*year), domain::Money::from_fen(output.value_or(0)),
                                     domain::Money::from_fen(tax.value_or(0)), static_cast<std::int32_t>(jobs.value_or(0))};
}

StoredLight read_stored(Row& row) {
    StoredLight s;
    const auto light = row.optional_text();
    const auto reasons = row.optional_text();
    s.since = row.optional_date();
    s.rule_version = row.optional_int64().value_or(0);
    if (light) {
        const auto parsed = domain::light_from_string(*light);
        if (!parsed) throw StoreFault("stored light not recognised: " + *light);
        s.light = *parsed;
    }
    s.reasons = reasons.value_or("");
    return s;
}

LightFactsRecord read_facts(Row& row) {
    LightFactsRecord r;
    auto& f = r.facts;
    f.project_id = row.int64();
    f.stage = row.enumeration(domain::stage_from_string, "stage");
    f.status = row.enumeration(domain::project_status_from_string, "status");
    f.planned.start = row.optional_date();
    f.planned.production = row.optional_date();
    f.planned.capacity = row.optional_date();
    f.actual.start = row.optional_date();
    f.actual.production = row.optional_date();
    f.actual.capacity = row.optional_date();
    f.total_investment = row.money();
    f.stats_entry_date = row.optional_date();
    f.approval = read_approval(row);
    f.agreement = read_agreement(row);
    f.latest_realised = read_realised(row);
    f.approved_investment = row.money();
    if (const auto month = row.optional_text()) {
        auto parsed = domain::Month::parse(*month);
        if (!parsed) throw StoreFault("stored month not recognised: " + *month);
        f.last_approved_month = *parsed;
    }
    f.overdue_items = row.int64();
    f.earliest_overdue_deadline = row.optional_date();
    r.stored = read_stored(row);
    return r;
}

}  // namespace

Result<WarningRulesRecord> SqlTx::current_warning_rules() {
    if (rules_) return *rules_;
    return guarded([&]() -> Result<WarningRulesRecord> {
        auto q = conn_.prepare(kRulesColumns);
        WarningRulesRecord r;
        // m0017 seeds version 1; a database loaded from rows that carried none has the same defaults.
        if (!q->step()) {
            rules_ = r;
            return r;
        }
        Row row(*q);
        r.rules.version = row.int64();
        for (const auto& s : domain::warning_settings()) r.rules.*s.member = static_cast<std::int32_t>(row.int64());
        r.created_by = row.optional_int64();
        r.created_by_name = row.optional_text().value_or("");
        r.created_at = row.int64();
        rules_ = r;
        return r;
    });
}

Result<void> SqlTx::insert_warning_rules(const WarningRulesRecord& record) {
    ForeignKeys refs;
    if (record.created_by) refs.push_back({"user_id", users::kUserExists, *record.created_by, "用户", "user"});
    auto done = atomically(
        [&]() -> Result<void> {
            auto q = conn_.prepare(kInsertRules);
            int index = bind_from(*q, 1, record.rules.version);
            for (const auto& s : domain::warning_settings()) bind_one(*q, index++, record.rules.*s.member);
            bind_from(*q, index, record.created_by, record.created_at);
            run(*q);
            return {};
        },
        refs);
    if (!done && done.error().code == ErrorCode::kConflict) {
        return Error::conflict("预警规则已被他人修改，请刷新后重试",
                               "the warning rules were changed by someone else; reload and retry");
    }
    rules_.reset();
    return done;
}

Result<std::optional<LightFactsRecord>> SqlTx::light_facts(std::int64_t project_id, domain::Date today) {
    return guarded([&]() -> Result<std::optional<LightFactsRecord>> {
        auto q = conn_.prepare(std::string(kFactsSelect) + std::string(kFactsOfProject));
        bind_all(*q, today, today, project_id);
        if (!q->step()) return std::optional<LightFactsRecord>();
        Row row(*q);
        return std::optional(read_facts(row));
    });
}

Result<std::vector<LightFactsRecord>> SqlTx::light_facts_after(std::int64_t after_id, std::int64_t limit,
                                                               domain::Date today) {
    return guarded([&]() -> Result<std::vector<LightFactsRecord>> {
        auto q = conn_.prepare(std::string(kFactsSelect) + std::string(kFactsAfter));
        bind_all(*q, today, today, after_id, limit);
        std::vector<LightFactsRecord> out;
        while (q->step()) {
            Row row(*q);
            out.push_back(read_facts(row));
        }
        return out;
    });
}

Result<std::vector<LightFactsRecord>> SqlTx::light_facts_locked(const std::vector<std::int64_t>& project_ids,
                                                                domain::Date today) {
    return guarded([&]() -> Result<std::vector<LightFactsRecord>> {
        std::vector<LightFactsRecord> out;
        out.reserve(project_ids.size());
        for_each_chunk(std::span(project_ids), [&](std::span<const std::int64_t> ids) {
            auto q = prepare_rows(std::string(kFactsSelect) + std::string(kFactsOfProjects) +
                                      repeated_rows(kListItem, ids.size()) + std::string(kFactsOfProjectsEnd),
                                  ids.size());
            int index = bind_from(*q, 1, today, today);
            for (const auto id : ids) bind_one(*q, index++, id);
            while (q->step()) {
                Row row(*q);
                out.push_back(read_facts(row));
            }
        });
        return out;
    });
}

Result<void> SqlTx::save_light(const LightWrite& write) { return save_lights({write}); }

// A few statements for the whole batch, whatever its size, sent with the next statement
// (write_rows_later): a batch of lights costs the sweep no round trip of its own.
Result<void> SqlTx::save_lights(const std::vector<LightWrite>& writes) {
    return guarded([&]() -> Result<void> {
        using Rule = std::pair<std::int64_t, const domain::LightReason*>;
        std::vector<const LightWrite*> all, lit, greened, recoloured;
        std::vector<Rule> rules;
        for (const auto& w : writes) {
            all.push_back(&w);
            (w.light.light == domain::Light::kGreen ? greened : lit).push_back(&w);
            if (w.light.light != w.before.light) recoloured.push_back(&w);
            if (w.light.light != domain::Light::kGreen) {
                for (const auto& reason : w.light.reasons) rules.emplace_back(w.project_id, &reason);
            }
        }
        const auto by_id = [](Statement& q, int index, const LightWrite* w) {
            return bind_from(q, index, w->project_id);
        };
        write_rows_later(kDeleteLightRules, kListItem, kListEnd, std::span(std::as_const(all)), by_id);
        write_rows_later(kDeleteLights, kListItem, kListEnd, std::span(std::as_const(greened)), by_id);
        write_rows_later(kUpsertLights, kLightRow, kUpsertLightsEnd, std::span(std::as_const(lit)),
                         [](Statement& q, int index, const LightWrite* w) {
                             const bool recolour = w->light.light != w->before.light;
                             const domain::Date since = recolour || !w->before.since ? w->on : *w->before.since;
                             return bind_from(q, index, w->project_id, domain::to_string(w->light.light),
                                              domain::encode_reasons(w->light.reasons), since, w->rule_version);
                         });
        write_rows_later(kInsertLightRules, kLightRuleRow, "", std::span(std::as_const(rules)),
                         [](Statement& q, int index, const Rule& r) {
                             return bind_from(q, index, r.first, domain::to_string(r.second->rule),
                                              domain::to_string(r.second->light));
                         });
        write_rows_later(kInsertHistories, kHistoryRow, "", std::span(std::as_const(recoloured)),
                         [](Statement& q, int index, const LightWrite* w) {
                             return bind_from(q, index, w->project_id, domain::to_string(w->before.light),
                                              domain::to_string(w->light.light), w->on, w->rule_version);
                         });
        return {};
    });
}

StoredLight SqlTx::read_stored_light(Statement& q) {
    if (!q.step()) return StoredLight{};
    Row row(q);
    return read_stored(row);
}

Result<StoredLight> SqlTx::stored_light(std::int64_t project_id) {
    return guarded([&]() -> Result<StoredLight> {
        auto q = conn_.prepare(kStoredLight);
        bind_all(*q, project_id);
        return read_stored_light(*q);
    });
}

Result<std::vector<std::pair<std::int64_t, StoredLight>>> SqlTx::all_stored_lights() {
    return guarded([&]() -> Result<std::vector<std::pair<std::int64_t, StoredLight>>> {
        auto q = conn_.prepare(kAllStoredLights);
        std::vector<std::pair<std::int64_t, StoredLight>> out;
        while (q->step()) {
            Row row(*q);
            const auto id = row.int64();
            out.emplace_back(id, read_stored(row));
        }
        return out;
    });
}

Result<std::vector<LightHistoryEntry>> SqlTx::light_history(std::int64_t project_id) {
    return guarded([&]() -> Result<std::vector<LightHistoryEntry>> {
        auto q = conn_.prepare(kHistory);
        bind_all(*q, project_id);
        std::vector<LightHistoryEntry> out;
        while (q->step()) {
            Row row(*q);
            LightHistoryEntry e;
            e.id = row.int64();
            e.from = read_light(row);
            e.to = read_light(row);
            e.on = row.date();
            e.rule_version = row.int64();
            out.push_back(e);
        }
        return out;
    });
}

Result<bool> SqlTx::claim_sweep(domain::Date day, Timestamp at) {
    return atomically([&]() -> Result<bool> {
        auto q = conn_.prepare(kClaimSweep);
        bind_all(*q, day, at);
        run(*q);
        return q->rows_affected() == 1;
    });
}

Result<void> SqlTx::finish_sweep(domain::Date day, Timestamp at, std::int64_t projects, std::int64_t changed) {
    return guarded([&]() -> Result<void> {
        auto q = conn_.prepare(kFinishSweep);
        bind_all(*q, at, projects, changed, day);
        run(*q);
        return {};
    });
}

}  // namespace sanpi::store::sql
