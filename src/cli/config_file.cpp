#include "cli/config_file.hpp"

#include <filesystem>

namespace sanpi::cli {

namespace {

CLI::Option* find_option(CLI::App& app, const CLI::ConfigItem& item) {
    CLI::App* scope = &app;
    for (const auto& parent : item.parents) {
        auto subs = scope->get_subcommands([&](const CLI::App* sub) { return sub->get_name() == parent; });
        if (subs.empty()) return nullptr;
        scope = subs.front();
    }
    return scope->get_option_no_throw("--" + item.name);
}

Error config_error(const std::string& key, const std::string& zh, const std::string& en) {
    return Error::invalid_field("config." + key, zh, en);
}

}  // namespace

Result<void> apply_config_file(CLI::App& app, const std::string& path, bool required) {
    if (path.empty() || !std::filesystem::exists(path)) {
        if (!required) return {};
        return Error::invalid_field("config", "找不到配置文件 " + path, "config file not found: " + path);
    }
    std::vector<CLI::ConfigItem> items;
    try {
        items = CLI::ConfigTOML().from_file(path);
    } catch (const CLI::ParseError& e) {
        return Error::invalid_field("config", "配置文件格式错误：" + std::string(e.what()),
                                    "config file is malformed: " + std::string(e.what()));
    }
    for (const auto& item : items) {
        // CLI11's reader marks the start and end of a [section] with these pseudo-items.
        if (item.name == "++" || item.name == "--") continue;
        CLI::Option* option = find_option(app, item);
        if (option == nullptr || option->get_configurable() == false) {
            return config_error(item.fullname(), "未知的配置项", "unknown setting");
        }
        if (option->count() > 0) continue;  // a flag or environment variable already set it
        try {
            option->add_result(item.inputs);
            option->run_callback();
        } catch (const CLI::Error& e) {
            return config_error(item.fullname(), "配置值无效：" + std::string(e.what()),
                                "invalid value: " + std::string(e.what()));
        }
    }
    return {};
}

}  // namespace sanpi::cli
