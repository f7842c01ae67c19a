// Request body -> the identity and commitment fields of a ProjectPatch. Nested objects are read
// key by key like the body itself: a wrong JSON type or an unknown key is a 400, a missing
// required key or an unacceptable value a 422, each named by its path ("approval.date").
#include <functional>
#include <string>

#include "domain/approval.hpp"
#include "domain/funding.hpp"
#include "http/codec_identity.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

std::string at(std::string_view field, std::size_t i) { return std::string(field) + "[" + std::to_string(i) + "]"; }
std::string dot(std::string_view field, std::string_view key) { return std::string(field) + "." + std::string(key); }

const json::object* object_of(FieldReader& r, const json::value& v, std::string_view field) {
    if (!v.is_object()) {
        r.wrong_type(field, "须为对象", "must be an object");
        return nullptr;
    }
    return &v.get_object();
}

const json::array* array_of(FieldReader& r, const json::value& v, std::string_view field) {
    if (!v.is_array()) {
        r.wrong_type(field, "须为数组", "must be an array");
        return nullptr;
    }
    return &v.get_array();
}

// Keys the answer carries but a body may not set.
bool derived(std::string_view key) {
    return key == "start_deadline" || key == "lapse_date" || key == "output_per_mu" || key == "tax_per_mu" ||
           key == "output_share_bp" || key == "tax_share_bp" || key == "jobs_share_bp";
}

void unknown_key(FieldReader& r, std::string_view field, std::string_view key) {
    if (derived(key)) return r.wrong_type(dot(field, key), "只读字段，不能修改", "read-only field");
    r.wrong_type(dot(field, key), "未知字段", "unknown field");
}

void require(FieldReader& r, const json::object& o, std::string_view field, std::string_view key) {
    if (!o.contains(key)) r.invalid(dot(field, key), "须填写", "is required");
}

std::optional<int> year_of(FieldReader& r, const json::value& v, std::string_view field) {
    auto n = r.count(v, field);
    if (n && (*n < 1900 || *n > 9999)) {
        r.invalid(field, "年份须为四位数", "must be a four-digit year");
        return std::nullopt;
    }
    return n;
}

std::optional<domain::ApprovalExtension> read_extension(FieldReader& r, const json::value& v, std::string_view field) {
    const auto* o = object_of(r, v, field);
    if (!o) return std::nullopt;
    std::optional<domain::Date> granted_on, start_by;
    for (const auto& [key, value] : *o) {
        if (key == "granted_on") {
            granted_on = r.date(value, dot(field, key));
        } else if (key == "start_by") {
            start_by = r.date(value, dot(field, key));
        } else {
            unknown_key(r, field, key);
        }
    }
    require(r, *o, field, "granted_on");
    require(r, *o, field, "start_by");
    if (!granted_on || !start_by) return std::nullopt;
    return domain::ApprovalExtension{*granted_on, *start_by};
}

std::optional<domain::ApprovalKind> read_kind(FieldReader& r, const json::value& v, std::string_view field) {
    auto text = r.code(v, field);
    if (!text) return std::nullopt;
    auto kind = domain::approval_kind_from_string(*text);
    if (!kind) {
        r.invalid(field, "须为 approval（审批）、verification（核准）、filing（备案）之一",
                  "must be one of approval, verification, filing");
    }
    return kind;
}

std::optional<domain::Approval> read_approval(FieldReader& r, const json::value& v) {
    constexpr std::string_view kField = "approval";
    const auto* o = object_of(r, v, kField);
    if (!o) return std::nullopt;
    std::optional<domain::ApprovalKind> kind;
    std::optional<domain::Date> date;
    std::optional<std::string> authority, document_number;
    std::optional<domain::ApprovalExtension> extension;
    bool extension_ok = true;
    for (const auto& [key, value] : *o) {
        const std::string field = dot(kField, key);
        if (key == "kind") {
            kind = read_kind(r, value, field);
        } else if (key == "date") {
            date = r.date(value, field);
        } else if (key == "authority") {
            authority = r.string(value, field);
        } else if (key == "document_number") {
            document_number = value.is_null() ? std::optional<std::string>("") : r.string(value, field);
        } else if (key == "extension") {
            if (!value.is_null()) extension = read_extension(r, value, field);
            extension_ok = value.is_null() || extension.has_value();
        } else {
            unknown_key(r, kField, key);
        }
    }
    for (const char* key : {"kind", "date", "authority"}) require(r, *o, kField, key);
    if (!kind || !date || !authority || !extension_ok) return std::nullopt;
    return domain::Approval{*kind, *date, *authority, document_number.value_or(""), extension};
}

std::optional<domain::FundingPart> read_funding_part(FieldReader& r, const json::value& v, const std::string& field) {
    const auto* o = object_of(r, v, field);
    if (!o) return std::nullopt;
    std::optional<domain::FundingSource> source;
    std::optional<domain::Money> amount;
    for (const auto& [key, value] : *o) {
        if (key == "source") {
            auto text = r.code(value, dot(field, key));
            if (text && !(source = domain::funding_source_from_string(*text))) {
                r.invalid(dot(field, key),
                          "须为 central_budget、provincial_budget、special_bonds、bank_loans、own_funds、"
                          "foreign_capital、other 之一",
                          "must be one of central_budget, provincial_budget, special_bonds, bank_loans, own_funds, "
                          "foreign_capital, other");
            }
        } else if (key == "amount") {
            amount = r.money(value, dot(field, key));
        } else {
            unknown_key(r, field, key);
        }
    }
    require(r, *o, field, "source");
    require(r, *o, field, "amount");
    if (!source || !amount) return std::nullopt;
    return domain::FundingPart{*source, *amount};
}

std::optional<domain::FundingBreakdown> read_funding(FieldReader& r, const json::value& v) {
    const auto* parts = array_of(r, v, "funding");
    if (!parts) return std::nullopt;
    domain::FundingBreakdown out;
    bool good = true;
    for (std::size_t i = 0; i < parts->size(); ++i) {
        auto part = read_funding_part(r, (*parts)[i], at("funding", i));
        if (part) out.push_back(*part);
        good = good && part.has_value();
    }
    return good ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<domain::CapacityAgreement> read_agreement(FieldReader& r, const json::value& v) {
    constexpr std::string_view kField = "capacity_agreement";
    const auto* o = object_of(r, v, kField);
    if (!o) return std::nullopt;
    std::optional<domain::Money> output, tax;
    std::optional<std::int32_t> jobs = 0;
    std::optional<std::int64_t> land = 0;
    for (const auto& [key, value] : *o) {
        const std::string field = dot(kField, key);
        if (key == "output_value") {
            output = r.money(value, field);
        } else if (key == "tax") {
            tax = r.money(value, field);
        } else if (key == "jobs") {
            jobs = r.count(value, field);
        } else if (key == "land_area_mu") {
            land = r.centimu(value, field);
        } else {
            unknown_key(r, kField, key);
        }
    }
    require(r, *o, kField, "output_value");
    require(r, *o, kField, "tax");
    if (!output || !tax || !jobs || !land) return std::nullopt;
    return domain::CapacityAgreement{*output, *tax, *jobs, *land};
}

std::optional<domain::AnnualRealisation> read_year(FieldReader& r, const json::value& v, const std::string& field) {
    const auto* o = object_of(r, v, field);
    if (!o) return std::nullopt;
    std::optional<int> year;
    std::optional<domain::Money> output, tax;
    std::optional<std::int32_t> jobs = 0;
    for (const auto& [key, value] : *o) {
        if (key == "year") {
            year = year_of(r, value, dot(field, key));
        } else if (key == "output_value") {
            output = r.money(value, dot(field, key));
        } else if (key == "tax") {
            tax = r.money(value, dot(field, key));
        } else if (key == "jobs") {
            jobs = r.count(value, dot(field, key));
        } else {
            unknown_key(r, field, key);
        }
    }
    for (const char* key : {"year", "output_value", "tax"}) require(r, *o, field, key);
    if (!year || !output || !tax || !jobs) return std::nullopt;
    return domain::AnnualRealisation{*year, *output, *tax, *jobs};
}

std::optional<std::vector<domain::AnnualRealisation>> read_realised(FieldReader& r, const json::value& v) {
    const auto* years = array_of(r, v, "realised");
    if (!years) return std::nullopt;
    std::vector<domain::AnnualRealisation> out;
    bool good = true;
    for (std::size_t i = 0; i < years->size(); ++i) {
        auto year = read_year(r, (*years)[i], at("realised", i));
        if (year) out.push_back(*year);
        good = good && year.has_value();
    }
    return good ? std::optional(std::move(out)) : std::nullopt;
}

// null, like "", clears a text.
std::optional<std::string> text_or_clear(FieldReader& r, const json::value& v, std::string_view field) {
    if (v.is_null()) return std::string();
    return r.string(v, field);
}

template <class T>
service::Nullable<T> nullable(const json::value& v, const std::function<std::optional<T>()>& read) {
    if (v.is_null()) return std::optional<T>{};
    if (auto value = read()) return std::optional<T>{std::move(*value)};
    return std::nullopt;
}

}  // namespace

bool read_identity_field(FieldReader& r, std::string_view key, const json::value& v, service::ProjectPatch& patch) {
    if (key == "national_code") {
        patch.national_code = text_or_clear(r, v, key);
    } else if (key == "approval") {
        patch.approval = nullable<domain::Approval>(v, [&] { return read_approval(r, v); });
    } else if (key == "stats_entry_date") {
        patch.stats_entry_date = nullable<domain::Date>(v, [&] { return r.date(v, key); });
    } else if (key == "code_name") {
        patch.code_name = text_or_clear(r, v, key);
    } else if (key == "funding") {
        patch.funding = v.is_null() ? domain::FundingBreakdown{} : read_funding(r, v);
    } else if (key == "capacity_agreement") {
        patch.capacity_agreement = nullable<domain::CapacityAgreement>(v, [&] { return read_agreement(r, v); });
    } else if (key == "realised") {
        patch.realised = v.is_null() ? std::vector<domain::AnnualRealisation>{} : read_realised(r, v);
    } else if (key == "planned_reason") {
        patch.planned_reason = r.string(v, key).value_or("");
    } else {
        return false;
    }
    return true;
}

}  // namespace sanpi::http
