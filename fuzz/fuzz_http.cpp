// libFuzzer: bytes as the first request on a connection, read as the session reads it (Beast's
// parser with the server's limits, in src/http/raw_request.cpp) and answered by the real App —
// target and query parsing, path parameters, cookies, Authorization, If-Match, Content-Type,
// Accept-Language, routing, the handlers — over a real SQLite store migrated once per process.
//
// A fuzzer cannot guess a credential, so three markers in the input are replaced before parsing:
// "@B" by the province user's bearer token, "@S" by a session token of the same user (its cookie
// value) and "@C" by that session's CSRF token. The server must never answer 500 (nor any 5xx but
// 503): bad input is the client's fault.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz_file.hpp"
#include "http/app.hpp"
#include "http/raw_request.hpp"
#include "service/clock.hpp"
#include "service/gen.hpp"
#include "store/open_store.hpp"

namespace {

using namespace sanpi;

// 2024-01-15 08:00 in Beijing, as the HTTP tests: deterministic "today" checks.
constexpr store::Timestamp kFuzzNow = 1705276800;

template <class T>
T must(Result<T> r, const char* what) {
    if (!r) {
        std::fprintf(stderr, "fuzz_http: %s: %s\n", what, r.error().message.en.c_str());
        std::abort();
    }
    return std::move(*r);
}

struct World {
    std::string path = fuzz::memory_dir() + "/sanpi-fuzz-http-" + std::to_string(getpid()) + ".db";
    std::unique_ptr<store::Store> db = open_migrated();
    service::FixedClock clock{kFuzzNow};
    service::AuthService auth{*db, clock};
    service::CatalogService catalog{*db};
    service::ProjectService projects{*db, clock};
    service::CampaignService campaigns{*db, clock};
    service::ReportService reports{*db, clock};
    service::CoordinationService coordination{*db, clock};
    service::AuditService audit{*db};
    service::PhotoService photos{*db, clock};
    service::EnterpriseService enterprises{*db, clock};
    service::ProjectImportService imports{*db, clock, projects, enterprises};
    service::WarningService warnings{*db, clock};
    service::NoticeService notices{*db, clock};
    service::RankingService rankings{*db, clock};
    service::ChainService chains{*db, clock};
    http::App app{config(), http::Services{auth, catalog, projects, campaigns, reports, coordination, audit, photos,
                                           enterprises, imports, warnings, notices, rankings, chains}};
    std::string bearer;
    service::LoginResult session;

    World() {
        // A small national dataset (regions, zones, enterprises, 20 projects with reports, the
        // demo accounts) so that ids in paths find rows and handlers go past "not found".
        must(service::generate_national(*db, {20, 2, 1}), "generate");
        bearer = must(auth.create_api_token("province", "fuzz"), "token");
        session = must(auth.login("province", "sanpi-demo-2022"), "login");
    }

    std::unique_ptr<store::Store> open_migrated() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
        auto opened = must(store::open_store("sqlite:" + path, 2), "open store");
        must(opened->migrate(), "migrate");
        return opened;
    }

    static http::ServerConfig config() {
        http::ServerConfig c;
        c.body_limit = 64 * 1024;
        return c;
    }
};

void replace_all(std::string& text, std::string_view marker, const std::string& with) {
    for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + with.size())) {
        text.replace(at, marker.size(), with);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static World* world = [] {
        spdlog::set_level(spdlog::level::off);
        static World kept;  // to the end of the process, as the server keeps its store
        std::atexit([] {
            for (const char* suffix : {"", "-wal", "-shm"}) std::remove((kept.path + suffix).c_str());
        });
        return &kept;
    }();
    std::string bytes(reinterpret_cast<const char*>(data), size);
    replace_all(bytes, "@B", world->bearer);
    replace_all(bytes, "@S", world->session.session_token);
    replace_all(bytes, "@C", world->session.csrf_token);
    const auto response = http::answer_raw_request(world->app, bytes, {16 * 1024, 64 * 1024});
    if (response && response->status >= 500 && response->status != 503) {
        std::fprintf(stderr, "fuzz_http: status %d\n%s\n", response->status, response->body.c_str());
        std::abort();
    }
    return 0;
}
