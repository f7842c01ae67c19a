// Zone rankings (开发区排名): a period's ranking now or as of a day, as JSON or a workbook; and the
// province's indicator weights (read by all, changed by the province with If-Match).
#include "http/codec.hpp"
#include "http/codec_rankings.hpp"
#include "http/export_params.hpp"
#include "http/export_support.hpp"
#include "http/handlers.hpp"
#include "http/if_match.hpp"
#include "http/ranking_query.hpp"
#include "http/scope_title.hpp"
#include "report/ranking_table.hpp"

namespace sanpi::http {

namespace {

Response weights_response(const store::RankingWeightsRecord& record) {
    auto res = json_response(200, to_json(record));
    res.set("ETag", strong_etag(record.weights.version));
    return res;
}

Response get_weights(Context& ctx) {
    auto weights = ctx.services.rankings.weights(ctx.who());
    if (!weights) return fail(ctx, weights.error());
    return weights_response(*weights);
}

Response put_weights(Context& ctx) {
    auto version = required_version(ctx, {"排名权重", "ranking weights"});
    if (auto* p = problem_in(version)) return fail(ctx, *p);
    if (auto p = require_json_body(ctx)) return fail(ctx, *p);
    auto weights = decode_ranking_weights(ctx.request.body);
    if (auto* p = problem_in(weights)) return fail(ctx, *p);
    auto stored = ctx.services.rankings.update_weights(ctx.who(), std::get<std::int64_t>(version),
                                                       std::get<domain::RankingWeights>(weights));
    if (!stored) return fail(ctx, stored.error());
    return weights_response(*stored);
}

Response get_ranking(Context& ctx) {
    auto query = parse_ranking_query(ctx.query);
    if (auto* p = problem_in(query)) return fail(ctx, *p);
    auto ranking = ctx.services.rankings.rank(ctx.who(), std::get<service::RankingQuery>(query));
    if (!ranking) return fail(ctx, ranking.error());
    return json_response(200, ranking_json(*ranking, ctx.lang));
}

Response export_ranking(Context& ctx) {
    auto query = parse_ranking_query(ctx.query);
    if (auto* p = problem_in(query)) return fail(ctx, *p);
    const auto lang = ctx.lang == Lang::kEn ? domain::BulletinLang::kEn : domain::BulletinLang::kZh;
    auto ranking = ctx.services.rankings.rank(ctx.who(), std::get<service::RankingQuery>(query));
    if (!ranking) return fail(ctx, ranking.error());
    auto scope = caller_scope_title(ctx, lang);
    if (!scope) return fail(ctx, scope.error());
    auto names = table_names(ctx, lang);
    if (!names) return fail(ctx, names.error());
    const auto stands_at = ranking->as_of ? ranking->as_of->day : ctx.services.projects.today();
    auto table = report::XlsxTable::open(
        report::ranking_table_spec(lang, domain::MoneyUnit::kYi, scope->name, ranking->period, stands_at));
    if (!table) return fail(ctx, table.error());
    for (const auto& line : ranking->items) {
        report::RankingTableLine row{
            line.zone_name,
            line.city_code,
            line.ranked.rank,
            line.previous_rank,
            domain::score_text(line.ranked.score_micro),
            domain::Money::from_fen(line.measure[domain::RankingIndicator::kSignedInvestment].numerator),
            {}};
        if (auto city = names->cities.find(line.city_code); city != names->cities.end()) row.city_name = city->second;
        for (const auto& f : domain::ranking_indicators()) {
            if (f.indicator != domain::RankingIndicator::kSignedInvestment) {
                row.shown.push_back(indicator_text(f.indicator, line.measure[f.indicator]));
            }
        }
        if (auto added = (*table)->add_row(report::ranking_table_row(row)); !added) return fail(ctx, added.error());
    }
    auto bytes = (*table)->finish();
    if (!bytes) return fail(ctx, bytes.error());
    return xlsx_response(std::move(*bytes), report::ranking_table_file_name(lang, ranking->period, stands_at));
}

}  // namespace

void add_ranking_routes(Router& router) {
    router.add("GET", "/api/v1/ranking-weights", get_weights);
    router.add("PUT", "/api/v1/ranking-weights", put_weights);
    router.add("GET", "/api/v1/rankings", get_ranking);
    router.add("GET", "/api/v1/rankings/export.xlsx", export_ranking);
}

}  // namespace sanpi::http
