#include "domain/code_name.hpp"

#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

constexpr std::size_t kMaxLength = 50;

bool own_zone(const CodeNameSubject& p, Role role, const Scope& scope) {
    return role == Role::kZone && scope.kind == Scope::Kind::kZone && scope.zone_id == p.zone_id;
}

bool province_over(const CodeNameSubject& p, Role role, const Scope& scope) {
    if (role != Role::kProvince) return false;
    switch (scope.kind) {
        case Scope::Kind::kAll:
            return true;
        case Scope::Kind::kRegion:
            return p.zone_region_code.substr(0, scope.region_prefix.size()) == scope.region_prefix;
        case Scope::Kind::kZone:
            return false;
    }
    return false;
}

}  // namespace

ShownName shown_name(const CodeNameSubject& project, Role viewer_role, const Scope& viewer_scope) {
    const bool confidential = !project.code_name.empty() && project.stage < Stage::kSigned;
    if (!confidential || own_zone(project, viewer_role, viewer_scope) ||
        province_over(project, viewer_role, viewer_scope)) {
        return ShownName::kName;
    }
    return ShownName::kCodeName;
}

bool sees_every_name(Role viewer_role, const Scope& viewer_scope) {
    switch (viewer_role) {
        case Role::kZone:
            return viewer_scope.kind == Scope::Kind::kZone;
        case Role::kProvince:
            return viewer_scope.kind != Scope::Kind::kZone;
        default:
            return false;
    }
}

const std::string& displayed_name(const ProjectView& view, Role viewer_role, const Scope& viewer_scope) {
    const Project& p = view.project;
    const CodeNameSubject subject{p.zone_id, view.region_code, p.stage, p.code_name};
    return shown_name(subject, viewer_role, viewer_scope) == ShownName::kName ? p.name : p.code_name;
}

std::vector<FieldError> validate_code_name(std::string_view code_name, std::string_view name, std::string_view field) {
    std::vector<FieldError> out;
    const auto add = [&](std::string zh, std::string en) {
        out.push_back(FieldError{std::string(field), {std::move(zh), std::move(en)}});
    };
    if (code_name.empty()) {
        return out;
    }
    if (!is_valid_utf8(code_name)) {
        add("含有无效字符（不是有效的 UTF-8）", "contains invalid characters (not valid UTF-8)");
    } else if (normalize_input(code_name).empty()) {
        add("代号不能只有空格；不用代号时请留空", "a code name cannot be only spaces; leave it empty for none");
    } else if (utf8_length(code_name) > kMaxLength) {
        add("代号不能超过50个字", "a code name must not be longer than 50 characters");
    } else if (normalize_input(code_name) == normalize_input(name)) {
        add("代号不能与项目名称相同", "the code name cannot be the project's name");
    }
    return out;
}

}  // namespace sanpi::domain
