#include "service/light_keeper.hpp"

#include "service/notice_sweep.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

namespace {

bool same_as_stored(const domain::ProjectLight& light, const store::StoredLight& stored) {
    return light.light == stored.light && domain::encode_reasons(light.reasons) == stored.reasons;
}

}  // namespace

Result<domain::ProjectLight> refresh_light(store::Tx& tx, std::int64_t project_id, domain::Date today) {
    auto rules = tx.current_warning_rules();
    if (!rules) return rules.error();
    auto facts = tx.light_facts(project_id, today);
    if (!facts) return facts.error();
    if (!*facts) return domain::ProjectLight{};
    auto light = domain::evaluate_light((*facts)->facts, rules->rules, today);
    if (same_as_stored(light, (*facts)->stored)) return light;
    if (auto r = tx.save_light({project_id, light, (*facts)->stored, today, rules->rules.version}); !r) return r.error();
    return light;
}

Result<domain::ProjectLight> light_new_project(store::Tx& tx, const domain::Project& p, domain::Date today) {
    auto rules = tx.current_warning_rules();
    if (!rules) return rules.error();
    auto light = domain::evaluate_light(domain::facts_of_new(p), rules->rules, today);
    if (light.light == domain::Light::kGreen) return light;
    if (auto r = tx.save_light({p.id, light, store::StoredLight{}, today, rules->rules.version}); !r) return r.error();
    return light;
}

Result<LightBatch> refresh_lights_after(store::Tx& tx, std::int64_t after_id, std::int64_t limit, domain::Date today) {
    auto rules = tx.current_warning_rules();
    if (!rules) return rules.error();
    auto facts = tx.light_facts_after(after_id, limit, today);
    if (!facts) return facts.error();
    LightBatch out{after_id, 0, 0};
    std::vector<std::int64_t> moved;
    for (const auto& f : *facts) {
        out.last_id = f.facts.project_id;
        ++out.projects;
        if (!same_as_stored(domain::evaluate_light(f.facts, rules->rules, today), f.stored)) {
            moved.push_back(f.facts.project_id);
        }
    }
    if (moved.empty()) return out;
    // Read again with the rows locked: a write since the batch's read has the last word.
    auto locked = tx.light_facts_locked(moved, today);
    if (!locked) return locked.error();
    std::vector<store::LightWrite> writes;
    for (const auto& f : *locked) {
        auto light = domain::evaluate_light(f.facts, rules->rules, today);
        if (same_as_stored(light, f.stored)) continue;
        writes.push_back({f.facts.project_id, std::move(light), f.stored, today, rules->rules.version});
    }
    if (auto r = tx.save_lights(writes); !r) return r.error();
    out.changed = static_cast<std::int64_t>(writes.size());
    return out;
}

Result<LightBatch> refresh_all_lights(store::Tx& tx, domain::Date today) {
    constexpr std::int64_t kBatch = 1000;
    LightBatch total;
    for (std::int64_t after = 0;;) {
        auto batch = refresh_lights_after(tx, after, kBatch, today);
        if (!batch) return batch.error();
        total.projects += batch->projects;
        total.changed += batch->changed;
        total.last_id = batch->last_id;
        if (batch->projects < kBatch) return total;
        after = batch->last_id;
    }
}

Result<std::vector<std::pair<std::int64_t, domain::ProjectLight>>> recomputed_lights(store::Tx& tx, domain::Date today) {
    constexpr std::int64_t kBatch = 1000;
    auto rules = tx.current_warning_rules();
    if (!rules) return rules.error();
    std::vector<std::pair<std::int64_t, domain::ProjectLight>> out;
    for (std::int64_t after = 0;;) {
        auto facts = tx.light_facts_after(after, kBatch, today);
        if (!facts) return facts.error();
        for (const auto& f : *facts) {
            out.emplace_back(f.facts.project_id, domain::evaluate_light(f.facts, rules->rules, today));
            after = f.facts.project_id;
        }
        if (static_cast<std::int64_t>(facts->size()) < kBatch) return out;
    }
}

Result<SweepResult> sweep_lights(store::Store& store, const Clock& clock, std::optional<domain::Date> day, bool force,
                                 std::int64_t batch) {
    SweepResult out;
    out.day = day.value_or(clock.today());
    auto claimed = store::write_value<bool>(store, [&](store::Tx& tx) { return tx.claim_sweep(out.day, clock.now()); });
    if (!claimed) return claimed.error();
    if (!*claimed && !force) return out;
    out.ran = true;
    for (std::int64_t after = 0;;) {
        auto done = store::write_value<LightBatch>(
            store, [&](store::Tx& tx) { return refresh_lights_after(tx, after, batch, out.day); });
        if (!done) return done.error();
        out.projects += done->projects;
        out.changed += done->changed;
        if (done->projects < batch) break;
        after = done->last_id;
    }
    auto notices = sweep_notices(store, clock, out.day, batch);
    if (!notices) return notices.error();
    out.notices_escalated = notices->escalated;
    out.ladder_notices = notices->ladder_issued;
    auto finished = store.write([&](store::Tx& tx) {
        return tx.finish_sweep(out.day, clock.now(), out.projects, out.changed);
    });
    if (!finished) return finished.error();
    return out;
}

}  // namespace sanpi::service
