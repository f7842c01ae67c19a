#include "domain/enterprise_registration.hpp"

#include <string>
#include <vector>

#include "domain/field_checks.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

constexpr std::string_view kIdeographicSpace = "\u3000";

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

void check_enterprise_name(std::string_view name, std::vector<FieldError>& errors) {
    if (!is_valid_utf8(name)) {
        add_field_error(errors, "name", "企业名称含有无效字符（不是有效的 UTF-8）",
                        "the enterprise name contains invalid characters (not valid UTF-8)");
    } else if (name.empty()) {
        add_field_error(errors, "name", "企业名称不能为空", "the enterprise name is required");
    } else if (utf8_length(name) > kMaxEnterpriseNameLength) {
        const std::string n = std::to_string(kMaxEnterpriseNameLength);
        add_field_error(errors, "name", "企业名称不能超过" + n + "个字",
                        "the enterprise name must not be longer than " + n + " characters");
    }
}

}  // namespace

std::string trim_enterprise_name(std::string_view name) {
    for (bool trimmed = true; trimmed;) {
        trimmed = false;
        if (!name.empty() && is_ascii_space(name.front())) {
            name.remove_prefix(1);
            trimmed = true;
        } else if (name.starts_with(kIdeographicSpace)) {
            name.remove_prefix(kIdeographicSpace.size());
            trimmed = true;
        }
        if (!name.empty() && is_ascii_space(name.back())) {
            name.remove_suffix(1);
            trimmed = true;
        } else if (name.ends_with(kIdeographicSpace)) {
            name.remove_suffix(kIdeographicSpace.size());
            trimmed = true;
        }
    }
    return std::string(name);
}

Result<Enterprise> register_enterprise(std::string_view name, std::string_view credit_code) {
    std::vector<FieldError> errors;
    std::string trimmed = trim_enterprise_name(name);
    check_enterprise_name(trimmed, errors);
    auto code = CreditCode::parse(credit_code, "credit_code");
    if (!code) {
        const Error refused = code.error();  // a copy: error() answers by value
        errors.insert(errors.end(), refused.fields.begin(), refused.fields.end());
    }
    if (!errors.empty()) return Error::invalid(std::move(errors));
    return Enterprise{.id = 0,
                      .name = std::move(trimmed),
                      .credit_code = *code,
                      .ownership = Ownership::kOther,
                      .chain_role = ChainRole::kNone,
                      .synthetic = false};
}

}  // namespace sanpi::domain
