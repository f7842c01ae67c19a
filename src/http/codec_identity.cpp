// A project's identity and commitments as JSON, and the planned-date history.
#include "http/codec_identity.hpp"

#include <cstdio>

#include "domain/approval.hpp"
#include "domain/capacity_agreement.hpp"
#include "domain/funding.hpp"
#include "domain/planned_date_change.hpp"
#include "http/codec.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

json::value text_or_null(const std::string& s) {
    if (s.empty()) return nullptr;
    return json::string(s);
}

json::value money_or_null(const std::optional<domain::Money>& m) {
    if (!m) return nullptr;
    return money_json(*m);
}

// Unix seconds -> "2024-01-15T00:00:00Z" (UTC).
std::string timestamp_iso(std::int64_t seconds) {
    constexpr std::int64_t kDay = 86400;
    std::int64_t days = seconds / kDay, rest = seconds % kDay;
    if (rest < 0) {
        rest += kDay;
        --days;
    }
    char clock[16];
    std::snprintf(clock, sizeof clock, "T%02d:%02d:%02dZ", static_cast<int>(rest / 3600),
                  static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
    return domain::Date::from_days(static_cast<std::int32_t>(days)).iso() + clock;
}

json::value share_or_null(const std::optional<std::int64_t>& bp) {
    if (!bp) return nullptr;
    return *bp;
}

json::value approval_json(const std::optional<domain::Approval>& a) {
    if (!a) return nullptr;
    json::object out{{"kind", domain::to_string(a->kind)},
                     {"date", a->date.iso()},
                     {"authority", a->authority},
                     {"document_number", a->document_number}};
    if (a->extension) {
        out["extension"] = {{"granted_on", a->extension->granted_on.iso()}, {"start_by", a->extension->start_by.iso()}};
    } else {
        out["extension"] = nullptr;
    }
    out["start_deadline"] = domain::start_deadline(*a).iso();
    out["lapse_date"] = domain::lapse_date(*a).iso();
    return out;
}

json::value agreement_json(const std::optional<domain::CapacityAgreement>& a) {
    if (!a) return nullptr;
    return json::object{{"output_value", money_json(a->output_value)},
                        {"tax", money_json(a->tax)},
                        {"jobs", a->jobs},
                        {"land_area_mu", mu_decimal(a->land_area_centimu)},
                        {"output_per_mu", money_or_null(domain::committed_output_per_mu(*a))},
                        {"tax_per_mu", money_or_null(domain::committed_tax_per_mu(*a))}};
}

// The land a year's figures are divided by: the agreement's, else the project's.
std::int64_t realised_land(const domain::Project& p) {
    if (p.capacity_agreement && p.capacity_agreement->land_area_centimu > 0) {
        return p.capacity_agreement->land_area_centimu;
    }
    return p.land_area_centimu;
}

json::object realisation_json(const domain::Project& p, const domain::AnnualRealisation& r) {
    const std::int64_t land = realised_land(p);
    json::object out{{"year", r.year},
                     {"output_value", money_json(r.output_value)},
                     {"tax", money_json(r.tax)},
                     {"jobs", r.jobs},
                     {"output_per_mu", money_or_null(domain::per_mu(r.output_value, land))},
                     {"tax_per_mu", money_or_null(domain::per_mu(r.tax, land))}};
    std::optional<std::int64_t> output_bp, tax_bp, jobs_bp;
    if (p.capacity_agreement) {
        // The threshold only sets the "missed" flags, which are not shown; the shares are.
        const auto c = domain::compare_with_commitments(*p.capacity_agreement, r, 0);
        output_bp = c.output_share_bp;
        tax_bp = c.tax_share_bp;
        jobs_bp = c.jobs_share_bp;
    }
    out["output_share_bp"] = share_or_null(output_bp);
    out["tax_share_bp"] = share_or_null(tax_bp);
    out["jobs_share_bp"] = share_or_null(jobs_bp);
    return out;
}

}  // namespace

void add_identity_json(json::object& out, const domain::Project& p) {
    out["national_code"] = text_or_null(p.national_code);
    out["national_code_legacy"] = p.national_code_legacy;
    out["approval"] = approval_json(p.approval);
    out["stats_entry_date"] = date_json(p.stats_entry_date);
    out["code_name"] = text_or_null(p.code_name);
    out["capacity_agreement"] = agreement_json(p.capacity_agreement);
}

void add_commitments_json(json::object& out, const domain::Project& p) {
    json::array funding;
    for (const auto& part : p.funding) {
        funding.push_back(
            json::object{{"source", domain::to_string(part.source)}, {"amount", money_json(part.amount)}});
    }
    out["funding"] = std::move(funding);
    json::array realised;
    for (const auto& r : p.realised) realised.push_back(realisation_json(p, r));
    out["realised"] = std::move(realised);
}

json::object to_json(const store::PlannedDateChangeEntry& entry) {
    const auto& c = entry.change;
    return {{"project_id", c.project_id},
            {"milestone", domain::to_string(c.milestone)},
            {"field", "planned." + std::string(domain::to_string(c.milestone))},
            {"old_date", date_json(c.old_date)},
            {"new_date", date_json(c.new_date)},
            {"slip", domain::is_slip(c)},
            {"reason", c.reason},
            {"user", text_or_null(entry.user_name)},
            {"changed_at", timestamp_iso(c.at)}};
}

}  // namespace sanpi::http
