#include "store/sql/conditions.hpp"

#include <stdexcept>

namespace sanpi::store::sql {

std::string number_placeholders(std::string_view term, std::size_t first, std::size_t count) {
    std::string out;
    std::size_t next = first;
    for (char c : term) {
        if (c == '?') {
            out += '$' + std::to_string(next++);
        } else {
            out += c;
        }
    }
    if (next - first != count) throw std::logic_error("placeholder count mismatch in " + std::string(term));
    return out;
}

std::string Conditions::placed(std::string_view term, std::size_t count) const {
    if (style_ == Placeholders::kQuestionMark) return std::string(term);
    return number_placeholders(term, values_.size() + 1, count);
}

void Conditions::add(std::string_view term, SqlValue value) {
    terms_.push_back(placed(term, 1));
    values_.push_back(std::move(value));
}

void Conditions::add(std::string_view term, SqlValue first, SqlValue second) {
    terms_.push_back(placed(term, 2));
    values_.push_back(std::move(first));
    values_.push_back(std::move(second));
}

std::string Conditions::where() const {
    std::string out;
    for (const auto& t : terms_) {
        out += out.empty() ? " WHERE " : " AND ";
        out += t;
    }
    return out;
}

std::string Conditions::append(SqlValue value) {
    auto placeholder = placed("?", 1);
    values_.push_back(std::move(value));
    return placeholder;
}

bool is_digits(std::string_view s, std::size_t max) {
    if (s.empty() || s.size() > max) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

Result<void> add_scope(Conditions& where, const domain::Scope& scope, std::string_view zone_id_column,
                       std::string_view region_column) {
    switch (scope.kind) {
        case domain::Scope::Kind::kAll:
            return {};
        case domain::Scope::Kind::kZone:
            where.add(std::string(zone_id_column) + " = ?", scope.zone_id);
            return {};
        case domain::Scope::Kind::kRegion:
            // Digits only, so the prefix cannot carry LIKE wildcards.
            if (!is_digits(scope.region_prefix, 6)) return Error::forbidden("权限范围无效", "invalid access scope");
            where.add(std::string(region_column) + " LIKE ?", scope.region_prefix + "%");
            return {};
    }
    return Error::forbidden("权限范围无效", "invalid access scope");
}

std::string like_contains_pattern(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '!') out += '!';
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    out += '%';
    return out;
}

}  // namespace sanpi::store::sql
