#include "support/demo_store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "store/open_store.hpp"

namespace sanpi::testing {
namespace {

namespace fs = std::filesystem;

std::atomic<int> demo_copies{0};

// Held for the life of the object: one process makes a template, the others wait for it.
class FileLock {
public:
    explicit FileLock(const fs::path& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
        if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) throw std::runtime_error("cannot lock " + path.string());
    }
    ~FileLock() { ::close(fd_); }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int fd_;
};

// "http" for sanpi_http_tests: names stay short enough for PostgreSQL's 63-byte identifiers.
std::string binary_tag(const fs::path& exe) {
    std::string name = exe.filename().string();
    if (name.rfind("sanpi_", 0) == 0) name.erase(0, 6);
    if (const auto at = name.find("_tests"); at != std::string::npos) name.erase(at);
    for (auto& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return name;
}

struct TemplateKey {
    fs::path dir;      // where SQLite templates, reports and locks live
    std::string tag;   // binary and backend; a new key replaces the old ones of its tag
    std::string name;  // tag + hash of the binary's identity and the clock
};

// A relinked binary has a new inode or mtime, so its templates are made afresh.
TemplateKey template_key(Backend b, const service::Clock& clock) {
    const fs::path exe = fs::read_symlink("/proc/self/exe");
    struct stat st {};
    if (::stat(exe.c_str(), &st) != 0) throw std::runtime_error("cannot stat " + exe.string());
    std::ostringstream identity;
    identity << exe.string() << '|' << st.st_ino << '|' << st.st_size << '|' << st.st_mtim.tv_sec << '.'
             << st.st_mtim.tv_nsec << '|' << clock.now() << '|' << backend_name(b);
    const std::string prefix =
        "sanpi_tpl_" + binary_tag(exe) + (b == Backend::kSqlite ? "_s_" : "_p_");  // one backend never removes the other's
    std::ostringstream name;
    name << prefix << std::hex << std::hash<std::string>{}(identity.str());
    const fs::path dir = exe.parent_path() / "demo-templates";
    fs::create_directories(dir);
    return {dir, prefix, name.str()};
}

void write_report(const fs::path& path, const service::DemoReport& r) {
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp);
        out << r.zones << ' ' << r.enterprises << ' ' << r.projects << ' ' << r.users << ' ' << r.campaign_id << ' '
            << r.progress_reports << ' ' << r.coordination_items << ' ' << r.created << '\n';
        if (!out) throw std::runtime_error("cannot write " + tmp.string());
    }
    fs::rename(tmp, path);
}

service::DemoReport read_report(const fs::path& path) {
    std::ifstream in(path);
    service::DemoReport r;
    in >> r.zones >> r.enterprises >> r.projects >> r.users >> r.campaign_id >> r.progress_reports >>
        r.coordination_items >> r.created;
    if (!in) throw std::runtime_error("cannot read " + path.string());
    return r;
}

std::unique_ptr<store::Store> open_migrated(const std::string& url) {
    auto opened = store::open_store(url);
    if (!opened) throw std::runtime_error("open_store " + url + ": " + opened.error().message.en);
    auto migrated = (*opened)->migrate();
    if (!migrated) throw std::runtime_error("migrate " + url + ": " + migrated.error().message.en);
    return std::move(*opened);
}

service::DemoReport load_into(const std::string& url, const service::Clock& clock) {
    auto s = open_migrated(url);
    auto loaded = service::load_demo(*s, clock);
    if (!loaded) throw std::runtime_error("load_demo: " + loaded.error().message.en);
    return *loaded;  // the store closes here, so the template has no open connection
}

// Templates of earlier builds of the same binary are never used again.
void remove_stale_files(const TemplateKey& key) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(key.dir, ec)) {
        const std::string file = entry.path().filename().string();
        if (file.rfind(key.tag, 0) == 0 && file.rfind(key.name, 0) != 0) fs::remove(entry.path(), ec);
    }
}

DemoStore sqlite_copy(const TemplateKey& key, const service::Clock& clock) {
    const fs::path tpl = key.dir / (key.name + ".db");
    const fs::path report = key.dir / (key.name + ".demo");
    {
        FileLock lock(key.dir / (key.name + ".lock"));
        if (!fs::exists(report)) {
            remove_stale_files(key);
            const fs::path building = key.dir / (key.name + ".building.db");
            fs::remove(building);
            const auto demo = load_into("sqlite:" + building.string(), clock);
            fs::rename(building, tpl);
            write_report(report, demo);
        }
    }
    auto ts = std::make_unique<TestStore>();
    const auto path = fs::temp_directory_path() /
                      ("sanpi-test-" + std::to_string(::getpid()) + "-demo-" + std::to_string(demo_copies++) + ".db");
    // A file of an earlier run whose process id came round again may have left its journal
    // beside the name: SQLite would replay that stale WAL over the fresh copy.
    for (const char* suffix : {"-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix);
    fs::copy_file(tpl, path, fs::copy_options::overwrite_existing);
    ts->url = "sqlite:" + path.string();
    ts->store = open_migrated(ts->url);
    return {std::move(ts), read_report(report)};
}

bool database_exists(const std::string& name) {
    return postgres_admin("SELECT 1 FROM pg_database WHERE datname = '" + name + "'") == "1";
}

DemoStore postgres_copy(const TemplateKey& key, const service::Clock& clock) {
    const fs::path report = key.dir / (key.name + ".demo");
    {
        FileLock lock(key.dir / (key.name + ".lock"));
        // The report file may outlive the cluster of an earlier run; the database decides.
        if (!database_exists(key.name)) {
            const auto stale = postgres_admin("SELECT string_agg(datname, ',') FROM pg_database WHERE starts_with(datname, '" +
                                              key.tag + "')");
            std::istringstream names(stale);
            for (std::string name; std::getline(names, name, ',');) {
                postgres_admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            const std::string building = key.name + "_b";
            postgres_admin("CREATE DATABASE " + building);
            const auto demo = load_into(postgres_database_url(building), clock);
            postgres_admin("ALTER DATABASE " + building + " RENAME TO " + key.name);
            write_report(report, demo);
        }
    }
    auto ts = std::make_unique<TestStore>();
    ts->pg_database = "sanpi_t_" + std::to_string(::getpid()) + "_demo_" + std::to_string(demo_copies++);
    postgres_admin("DROP DATABASE IF EXISTS " + ts->pg_database + " WITH (FORCE)");
    postgres_admin("CREATE DATABASE " + ts->pg_database + " TEMPLATE " + key.name);
    ts->url = postgres_database_url(ts->pg_database);
    ts->store = open_migrated(ts->url);
    return {std::move(ts), read_report(report)};
}

}  // namespace

DemoStore make_demo_store(Backend b, const service::Clock& clock) {
    const auto key = template_key(b, clock);
    return b == Backend::kSqlite ? sqlite_copy(key, clock) : postgres_copy(key, clock);
}

}  // namespace sanpi::testing
