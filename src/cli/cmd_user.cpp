#include <iostream>

#include "cli/commands.hpp"
#include "cli/store_config.hpp"
#include "service/auth_service.hpp"
#include "service/password_policy.hpp"
#include "service/secrets.hpp"

namespace sanpi::cli {

namespace {

struct UserArgs {
    std::string user;
    std::string role;
    std::string scope;
    std::string password;
    std::string label = "cli";
    std::string token;
    int days = 0;
};

// Runs one account change through AuthService (which records it in the audit trail). A running
// server sees it within its credential cache's bound (two seconds).
template <class Change>
int change_account(const GlobalOptions& global, const std::string& done, Change change) {
    auto store = open_configured_store(global.db, false);
    if (!store) return report_error(store.error());
    service::SystemClock clock;
    service::AuthService auth(**store, clock);
    if (auto r = change(auth); !r) return report_error(r.error());
    std::cout << done << "\n";
    return 0;
}

int add_user(const GlobalOptions& global, const UserArgs& a) {
    auto role = domain::role_from_string(a.role);
    if (!role) {
        return report_error(Error::invalid_field("role", "角色须为 province/city/zone/supervisor/viewer",
                                                 "role must be one of province, city, zone, supervisor, viewer"));
    }
    auto store = open_configured_store(global.db, true);
    if (!store) return report_error(store.error());
    service::SystemClock clock;
    service::AuthService auth(**store, clock);
    const bool generated = a.password.empty();
    const std::string password = generated ? service::temporary_password() : a.password;
    // A generated password is temporary: the person changes it at first log-in.
    auto user = auth.add_user(a.user, *role, a.scope, password, generated);
    if (!user) return report_error(user.error());
    std::cout << "user " << user->name << " (" << domain::to_string(user->role) << ") added\n";
    if (generated) std::cout << "password: " << password << "\n";
    return 0;
}

int create_token(const GlobalOptions& global, const UserArgs& a) {
    auto store = open_configured_store(global.db, false);
    if (!store) return report_error(store.error());
    service::SystemClock clock;
    service::AuthService auth(**store, clock);
    auto token = auth.create_api_token(a.user, a.label, a.days);
    if (!token) return report_error(token.error());
    std::cout << *token << "\n";  // last line: scripts read it
    return 0;
}

int reset_password(const GlobalOptions& global, const UserArgs& a) {
    auto store = open_configured_store(global.db, false);
    if (!store) return report_error(store.error());
    service::SystemClock clock;
    service::AuthService auth(**store, clock);
    auto password = auth.reset_password(a.user);
    if (!password) return report_error(password.error());
    std::cout << "user " << a.user << " must change this temporary password at the next log-in; sessions ended\n"
              << "password: " << *password << "\n";
    return 0;
}

int list_users(const GlobalOptions& global) {
    auto store = open_configured_store(global.db, false);
    if (!store) return report_error(store.error());
    service::SystemClock clock;
    service::AuthService auth(**store, clock);
    auto users = auth.all_users();
    if (!users) return report_error(users.error());
    std::cout << "name\trole\tscope\tactive\tmust_change_password\tdisplay_name\n";
    for (const auto& u : *users) {
        auto scope = auth.scope_text(u);
        if (!scope) return report_error(scope.error());
        std::cout << u.name << '\t' << domain::to_string(u.role) << '\t' << *scope << '\t' << (u.active ? "yes" : "no")
                  << '\t' << (u.must_change_password ? "yes" : "no") << '\t' << u.display_name << '\n';
    }
    return 0;
}

int set_role(const GlobalOptions& global, const UserArgs& a) {
    auto role = domain::role_from_string(a.role);
    if (!role) {
        return report_error(Error::invalid_field("role", "角色须为 province/city/zone/supervisor/viewer",
                                                 "role must be one of province, city, zone, supervisor, viewer"));
    }
    return change_account(global, "user " + a.user + " is now " + a.role,
                          [&](service::AuthService& auth) { return auth.set_role(a.user, *role, a.scope); });
}

}  // namespace

void add_user_commands(CLI::App& app, const GlobalOptions& global, Action& action) {
    auto* user = app.add_subcommand("user", "Manage accounts / 账号管理");
    user->require_subcommand(1);
    auto args = std::make_shared<UserArgs>();

    auto* add = user->add_subcommand("add", "Add an account / 新增账号");
    add->add_option("--user", args->user, "Account name: 2-64 of a-z 0-9 . _ -")->required();
    add->add_option("--role", args->role, "province | city | zone | supervisor | viewer")->required();
    add->add_option("--scope", args->scope, "Region code (e.g. 140100), for zone accounts the zone code, or `national` "
                    "(supervisor and viewer accounts: every province)")
        ->required();
    add->add_option("--password", args->password,
                    "Password (12+ characters, not a common one); default $SANPI_PASSWORD, else a temporary one is "
                    "generated, printed, and must be changed at first log-in")
        ->envname("SANPI_PASSWORD");
    add->callback([&action, &global, args] { action = [&global, args] { return add_user(global, *args); }; });

    auto* token = user->add_subcommand("token", "Print a new API token for scripts / 生成接口令牌");
    token->add_option("--user", args->user, "Account name")->required();
    token->add_option("--label", args->label, "What the token is for");
    token->add_option("--days", args->days, "Days until it expires (0: never, for scripts the operator manages)")
        ->check(CLI::Range(0, service::AuthService::kMaxTokenDays));
    token->callback([&action, &global, args] { action = [&global, args] { return create_token(global, *args); }; });

    for (const bool active : {false, true}) {
        auto* cmd = user->add_subcommand(active ? "enable" : "disable",
                                         active ? "Let an account sign in again / 启用账号"
                                                : "Stop an account: sessions and tokens stop working / 停用账号");
        cmd->add_option("--user", args->user, "Account name")->required();
        cmd->callback([&action, &global, args, active] {
            action = [&global, args, active] {
                return change_account(global, "user " + args->user + (active ? " enabled" : " disabled"),
                                      [&](service::AuthService& auth) { return auth.set_active(args->user, active); });
            };
        });
    }

    auto* reset = user->add_subcommand("reset-password",
                                       "Give an account a new temporary password, changed at its next log-in / 重置密码");
    reset->add_option("--user", args->user, "Account name")->required();
    reset->callback([&action, &global, args] { action = [&global, args] { return reset_password(global, *args); }; });

    auto* list = user->add_subcommand("list", "List every account (tab-separated) / 账号列表");
    list->callback([&action, &global] { action = [&global] { return list_users(global); }; });

    auto* role = user->add_subcommand("role", "Change an account's role and scope / 变更角色");
    role->add_option("--user", args->user, "Account name")->required();
    role->add_option("--role", args->role, "province | city | zone | supervisor | viewer")->required();
    role->add_option("--scope", args->scope, "Region code or, for zone accounts, the zone code")->required();
    role->callback([&action, &global, args] { action = [&global, args] { return set_role(global, *args); }; });

    auto* revoke = user->add_subcommand("revoke-token", "Revoke an API token / 吊销接口令牌");
    revoke->add_option("--token", args->token, "The token (default $SANPI_TOKEN)")->envname("SANPI_TOKEN")->required();
    revoke->callback([&action, &global, args] {
        action = [&global, args] {
            return change_account(global, "token revoked",
                                  [&](service::AuthService& auth) { return auth.revoke_api_token(args->token); });
        };
    });
}

}  // namespace sanpi::cli
