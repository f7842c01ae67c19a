#include "service/warning_service.hpp"

#include <string>

#include "service/audit_trail.hpp"
#include "service/project_identity.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

namespace {

domain::FieldValues rule_fields(const domain::WarningRules& r) {
    domain::FieldValues out;
    for (const auto& s : domain::warning_settings()) out[std::string(s.name)] = std::to_string(r.*s.member);
    return out;
}

// A code name stands in for the name where GET /projects/{id} would show it.
void mask_names(const Principal& who, store::Page<store::WarningItem>& page) {
    if (sees_every_name(who)) return;
    for (auto& item : page.items) {
        const domain::CodeNameSubject subject{item.zone_id, item.region_code, item.stage, item.code_name};
        if (shows_code_name(who, subject)) item.name = item.code_name;
        item.code_name.clear();
    }
}

}  // namespace

Result<store::WarningRulesRecord> WarningService::rules(const Principal&) {
    return store::read_value<store::WarningRulesRecord>(store_, [&](store::Tx& tx) { return tx.current_warning_rules(); });
}

Result<store::WarningRulesRecord> WarningService::update_rules(const Principal& who, std::int64_t expected_version,
                                                               const domain::WarningRules& rules) {
    if (who.user.role != domain::Role::kProvince) {
        return Error::forbidden("只有省级用户可以修改预警规则", "only province users may change the warning rules");
    }
    if (auto problems = domain::validate_warning_rules(rules); !problems.empty()) return Error::invalid(std::move(problems));
    const domain::Date today = clock_.today();
    return store::write_value<store::WarningRulesRecord>(store_, [&](store::Tx& tx) -> Result<store::WarningRulesRecord> {
        auto current = tx.current_warning_rules();
        if (!current) return current.error();
        if (current->rules.version != expected_version) {
            return Error::conflict("预警规则已被他人修改，请刷新后重试",
                                   "the warning rules were changed by someone else; reload and retry");
        }
        store::WarningRulesRecord next{rules, who.user.id, who.user.name, clock_.now()};
        next.rules.version = expected_version + 1;
        if (auto r = tx.insert_warning_rules(next); !r) return r.error();
        if (auto r = AuditTrail(clock_).record_change(tx, Actor::of(who), "warning_rules.update", "warning_rules",
                                                      next.rules.version, rule_fields(current->rules),
                                                      rule_fields(next.rules));
            !r) {
            return r.error();
        }
        if (auto r = refresh_all_lights(tx, today); !r) return r.error();
        return tx.current_warning_rules();
    });
}

Result<WarningList> WarningService::list(const Principal& who, const store::WarningQuery& q) {
    return store::read_value<WarningList>(store_, [&](store::Tx& tx) -> Result<WarningList> {
        auto page = tx.list_warnings(who.scope, q);
        if (!page) return page.error();
        auto counts = tx.warning_counts(who.scope, q);
        if (!counts) return counts.error();
        mask_names(who, *page);
        return WarningList{std::move(*page), std::move(*counts)};
    });
}

Result<ProjectLightView> WarningService::project_light(const Principal& who, std::int64_t project_id) {
    return store::read_value<ProjectLightView>(store_, [&](store::Tx& tx) -> Result<ProjectLightView> {
        auto project = tx.get_project(who.scope, project_id);
        if (!project) return project.error();
        if (!*project) return Error::not_found("项目", "project");
        auto stored = tx.stored_light(project_id);
        if (!stored) return stored.error();
        auto history = tx.light_history(project_id);
        if (!history) return history.error();
        return ProjectLightView{stored->light, domain::decode_reasons(stored->reasons), stored->since,
                                stored->rule_version, std::move(*history)};
    });
}

Result<SweepResult> WarningService::sweep(std::optional<domain::Date> day, bool force) {
    return sweep_lights(store_, clock_, day, force);
}

}  // namespace sanpi::service
