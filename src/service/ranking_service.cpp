#include "service/ranking_service.hpp"

#include <algorithm>
#include <unordered_map>

#include "service/audit_trail.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

namespace {

domain::FieldValues weight_fields(const domain::RankingWeights& w) {
    domain::FieldValues out;
    for (const auto& f : domain::ranking_indicators()) out[std::string(f.name)] = std::to_string(w[f.indicator]);
    return out;
}

std::string city_of(const domain::Zone& z) { return z.region.city().str(); }

}  // namespace

Result<Ranking> RankingService::rank(const Principal& who, const RankingQuery& q) {
    const domain::Date today = clock_.today();
    if (q.as_of && today < *q.as_of) {
        return Error::invalid_field("as_of", "不能晚于今天（" + today.iso() + "）",
                                    "cannot be after today (" + today.iso() + ")");
    }
    Ranking out;
    out.period = q.period;
    out.previous = q.period.previous();
    if (q.as_of) out.as_of = as_of_end_of(*q.as_of);
    out.counted_until = std::min(q.period.last_day(), q.as_of.value_or(today));
    if (out.counted_until < q.period.first_day()) {
        return Error::invalid_field("period", "该期间在 " + q.as_of.value_or(today).iso() + " 尚未开始",
                                    "the period had not begun by " + q.as_of.value_or(today).iso());
    }
    return store::read_value<Ranking>(store_, [&](store::Tx& tx) -> Result<Ranking> {
        auto zones = tx.list_zones(who.scope);
        if (!zones) return zones.error();
        if (q.city_code) {
            const bool known = std::any_of(zones->begin(), zones->end(),
                                           [&](const domain::Zone& z) { return city_of(z) == *q.city_code; });
            if (!known) {
                return Error::invalid_field("city", "该城市不在您的范围内或没有开发区",
                                            "the city is outside your scope or has no zone");
            }
            std::erase_if(*zones, [&](const domain::Zone& z) { return city_of(z) != *q.city_code; });
        }
        std::vector<std::int64_t> zone_ids;
        std::unordered_map<std::int64_t, const domain::Zone*> zone_by_id;
        for (const auto& z : *zones) {
            zone_ids.push_back(z.id);
            zone_by_id[z.id] = &z;
        }
        auto weights = tx.ranking_weights(out.as_of ? std::optional(out.as_of->cutoff) : std::nullopt);
        if (!weights) return weights.error();
        out.weights = *weights;
        auto facts = figure_facts(tx, who.scope, zone_ids, *domain::Month::from_ym(out.previous.year, 1), out.as_of);
        if (!facts) return facts.error();

        const auto measures =
            domain::measure_zones(zone_ids, q.period, out.counted_until, facts->projects, facts->reports, facts->items);
        const auto before = domain::measure_zones(zone_ids, out.previous, out.previous.last_day(), facts->projects,
                                                  facts->reports, facts->items);
        std::unordered_map<std::int64_t, int> previous_rank;
        for (const auto& r : domain::rank_zones(before, out.weights.weights)) previous_rank[r.zone_id] = r.rank;
        std::unordered_map<std::int64_t, const domain::ZoneMeasure*> measure_of;
        for (const auto& m : measures) measure_of[m.zone_id] = &m;

        for (const auto& r : domain::rank_zones(measures, out.weights.weights)) {
            const domain::Zone& z = *zone_by_id.at(r.zone_id);
            RankingLine line{r, *measure_of.at(r.zone_id), z.name, city_of(z), std::nullopt};
            if (auto p = previous_rank.find(r.zone_id); p != previous_rank.end()) line.previous_rank = p->second;
            out.items.push_back(std::move(line));
        }
        out.corrections = std::move(facts->corrections);
        return out;
    });
}

Result<store::RankingWeightsRecord> RankingService::weights(const Principal&) {
    return store::read_value<store::RankingWeightsRecord>(
        store_, [&](store::Tx& tx) { return tx.ranking_weights(std::nullopt); });
}

Result<store::RankingWeightsRecord> RankingService::update_weights(const Principal& who, std::int64_t expected_version,
                                                                   const domain::RankingWeights& weights) {
    if (who.user.role != domain::Role::kProvince) {
        return Error::forbidden("只有省级用户可以修改排名权重", "only province users may change the ranking weights");
    }
    if (auto problems = domain::validate_ranking_weights(weights); !problems.empty()) {
        return Error::invalid(std::move(problems));
    }
    return store::write_value<store::RankingWeightsRecord>(
        store_, [&](store::Tx& tx) -> Result<store::RankingWeightsRecord> {
            auto current = tx.ranking_weights(std::nullopt);
            if (!current) return current.error();
            if (current->weights.version != expected_version) {
                return Error::conflict("排名权重已被他人修改，请刷新后重试",
                                       "the ranking weights were changed by someone else; reload and retry");
            }
            store::RankingWeightsRecord next{weights, who.user.id, who.user.name, clock_.now()};
            next.weights.version = expected_version + 1;
            if (auto r = tx.insert_ranking_weights(next); !r) return r.error();
            if (auto r = AuditTrail(clock_).record_change(tx, Actor::of(who), "ranking_weights.update",
                                                          "ranking_weights", next.weights.version,
                                                          weight_fields(current->weights), weight_fields(next.weights));
                !r) {
                return r.error();
            }
            return tx.ranking_weights(std::nullopt);
        });
}

}  // namespace sanpi::service
