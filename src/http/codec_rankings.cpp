// Zone rankings as JSON, and the body of PUT /ranking-weights.
#include "http/codec_rankings.hpp"

#include <limits>
#include <string>

#include "domain/capacity_agreement.hpp"
#include "domain/rates.hpp"
#include "http/codec.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

using domain::RankingIndicator;

bool is_rate(RankingIndicator i) {
    return i != RankingIndicator::kSignedInvestment && i != RankingIndicator::kOutputPerMu &&
           i != RankingIndicator::kTaxPerMu;
}

std::optional<domain::Money> per_mu_value(const domain::IndicatorValue& v) {
    if (v.denominator == 0) return std::nullopt;
    return domain::per_mu(domain::Money::from_fen(v.numerator), v.denominator);
}

// The amount in `fen_per_unit`, rounded half up to the hundredth: "6799.81" (万元), "12.35" (亿元).
std::string hundredths(domain::Money m, std::int64_t fen_per_unit) {
    const auto h = (domain::WideFen{m.fen()} * 100 + fen_per_unit / 2) / fen_per_unit;
    const auto whole = static_cast<std::int64_t>(h / 100);
    const auto frac = static_cast<int>(h % 100);
    return std::to_string(whole) + (frac < 10 ? ".0" : ".") + std::to_string(frac);
}

constexpr std::int64_t kFenPerWan = 1'000'000;

json::object correction_json(const service::Correction& c) {
    json::array changes;
    for (const auto& change : c.changes) {
        changes.push_back(
            json::object{{"field", change.field},
                         {"before", change.before ? json::value(json::string(*change.before)) : json::value(nullptr)},
                         {"after", change.after ? json::value(json::string(*change.after)) : json::value(nullptr)}});
    }
    return {{"seq", c.seq},
            {"at", china_time(c.at)},
            {"actor", c.actor},
            {"action", c.action},
            {"entity_type", c.entity_type},
            {"entity_id", c.entity_id},
            {"project_id", c.project_id},
            {"changes", std::move(changes)}};
}

Problem bad_weights(std::vector<FieldError> fields) {
    return bad_request({"排名权重有缺失、类型错误或未知项", "the ranking weights are missing, mistyped or unknown"},
                       std::move(fields));
}

}  // namespace

std::string indicator_text(RankingIndicator indicator, const domain::IndicatorValue& v) {
    if (is_rate(indicator)) return domain::Rate{v.numerator, v.denominator}.percent_text();
    if (indicator == RankingIndicator::kSignedInvestment) {
        return hundredths(domain::Money::from_fen(v.numerator), domain::Money::kFenPerYi);
    }
    const auto amount = per_mu_value(v);
    return amount ? hundredths(*amount, kFenPerWan) : "—";
}

json::object indicator_json(RankingIndicator indicator, const domain::IndicatorValue& v) {
    json::object out{{"numerator", v.numerator}, {"denominator", v.denominator}};
    if (is_rate(indicator)) {
        const auto permille = domain::Rate{v.numerator, v.denominator}.permille();
        out["value"] = permille ? json::value(*permille) : json::value(nullptr);
    } else if (indicator == RankingIndicator::kSignedInvestment) {
        out["value"] = money_json(domain::Money::from_fen(v.numerator));
    } else {
        const auto amount = per_mu_value(v);
        out["value"] = amount ? json::value(money_json(*amount)) : json::value(nullptr);
    }
    out["text"] = indicator_text(indicator, v);
    return out;
}

json::object ranking_json(const service::Ranking& r, Lang lang) {
    json::array indicators;
    for (const auto& f : domain::ranking_indicators()) {
        indicators.push_back(json::object{{"name", f.name},
                                          {"group", f.group},
                                          {"group_label", lang == Lang::kEn ? domain::ranking_group_label_en(f.group)
                                                                            : domain::ranking_group_label_zh(f.group)},
                                          {"label", lang == Lang::kEn ? f.label_en : f.label_zh},
                                          {"weight", r.weights.weights[f.indicator]}});
    }
    json::array items;
    for (const auto& line : r.items) {
        json::object values;
        for (const auto& f : domain::ranking_indicators()) {
            auto v = indicator_json(f.indicator, line.measure[f.indicator]);
            v["points"] = domain::score_text(line.ranked.points_micro[static_cast<std::size_t>(f.indicator)]);
            values[f.name] = std::move(v);
        }
        json::value previous = nullptr, change = nullptr;
        if (line.previous_rank) {
            previous = *line.previous_rank;
            change = *line.previous_rank - line.ranked.rank;  // up is positive
        }
        items.push_back(json::object{{"zone_id", line.ranked.zone_id},
                                     {"zone_name", line.zone_name},
                                     {"city_code", line.city_code},
                                     {"rank", line.ranked.rank},
                                     {"score", domain::score_text(line.ranked.score_micro)},
                                     {"previous_rank", std::move(previous)},
                                     {"rank_change", std::move(change)},
                                     {"indicators", std::move(values)}});
    }
    json::object out{{"period", r.period.to_string()},
                     {"from", r.period.first_day().iso()},
                     {"to", r.period.last_day().iso()},
                     {"counted_until", r.counted_until.iso()},
                     {"previous_period", r.previous.to_string()},
                     {"as_of", r.as_of ? json::value(json::string(r.as_of->day.iso())) : json::value(nullptr)},
                     {"weights_version", r.weights.weights.version},
                     {"indicators", std::move(indicators)},
                     {"items", std::move(items)}};
    out["corrections"] = r.as_of ? json::value(corrections_json(r.corrections)) : json::value(nullptr);
    return out;
}

json::object corrections_json(const std::vector<service::Correction>& corrections) {
    json::array listed;
    for (std::size_t i = 0; i < corrections.size() && i < kMaxCorrectionsListed; ++i) {
        listed.push_back(correction_json(corrections[i]));
    }
    return {{"total", corrections.size()}, {"items", std::move(listed)}};
}

json::object to_json(const store::RankingWeightsRecord& record) {
    json::object weights;
    for (const auto& f : domain::ranking_indicators()) weights[f.name] = record.weights[f.indicator];
    json::value by = nullptr;
    if (record.created_by) by = json::object{{"id", *record.created_by}, {"name", record.created_by_name}};
    json::value at = nullptr;
    if (record.created_at > 0) at = json::string(china_time(record.created_at));
    return {{"version", record.weights.version},
            {"weights", std::move(weights)},
            {"created_by", std::move(by)},
            {"created_at", std::move(at)}};
}

std::variant<domain::RankingWeights, Problem> decode_ranking_weights(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* p = std::get_if<Problem>(&parsed)) return *p;
    const auto& object = std::get<json::object>(parsed);
    std::vector<FieldError> errors;
    for (const auto& [key, value] : object) {
        if (key != "weights") errors.push_back({std::string(key), {"未知字段", "unknown field"}});
    }
    const auto* given = object.if_contains("weights");
    if (!given || !given->is_object()) {
        errors.push_back({"weights", {"须为对象", "must be an object"}});
        return bad_weights(std::move(errors));
    }
    domain::RankingWeights weights;
    std::vector<FieldError> out_of_range;
    for (const auto& f : domain::ranking_indicators()) {
        const std::string field = "weights." + std::string(f.name);
        const auto* v = given->as_object().if_contains(f.name);
        if (!v) {
            errors.push_back({field, {"缺少此项权重", "this weight is missing"}});
        } else if (!v->is_int64()) {
            errors.push_back({field, {"须为整数", "must be a whole number"}});
        } else if (v->as_int64() < std::numeric_limits<std::int32_t>::min() ||
                   v->as_int64() > std::numeric_limits<std::int32_t>::max()) {
            out_of_range.push_back({field, {"数值超出范围", "the number is out of range"}});
        } else {
            weights.weights[static_cast<std::size_t>(f.indicator)] = static_cast<std::int32_t>(v->as_int64());
        }
    }
    for (const auto& [key, value] : given->as_object()) {
        if (!domain::ranking_indicator_from_string(key)) {
            errors.push_back({"weights." + std::string(key), {"未知的指标", "unknown indicator"}});
        }
    }
    if (!errors.empty()) return bad_weights(std::move(errors));
    if (!out_of_range.empty()) return problem_for(Error::invalid(std::move(out_of_range)));
    return weights;
}

}  // namespace sanpi::http
