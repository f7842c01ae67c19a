#include "support/private_cluster.hpp"

#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace sanpi::testing {

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr ? v : "";
}

// A port nothing listens on right now: the kernel's pick for a socket bound to port 0.
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

}  // namespace

bool PrivateCluster::available() { return !env("SANPI_TEST_PG_BIN").empty(); }

PrivateCluster::PrivateCluster() : bin_(env("SANPI_TEST_PG_BIN")), port_(free_port()) {
    char dir[] = "/tmp/sanpi-pgprivate.XXXXXX";
    data_ = ::mkdtemp(dir) != nullptr ? dir : "";
    if (::geteuid() == 0) {
        owner_ = env("SANPI_TEST_PG_USER").empty() ? "postgres" : env("SANPI_TEST_PG_USER");
        if (const passwd* pw = ::getpwnam(owner_.c_str())) (void)::chown(data_.c_str(), pw->pw_uid, pw->pw_gid);
    }
    ok_ = !data_.empty() && run("'" + bin_ + "/initdb' -D '" + data_ +
                                "' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync");
    if (ok_) {
        std::ofstream conf(data_ + "/postgresql.conf", std::ios::app);
        conf << "listen_addresses = '127.0.0.1'\nport = " << port_ << "\nunix_socket_directories = '" << data_
             << "'\nfsync = off\n";
        ok_ = conf.good();
    }
    ok_ = ok_ && pg_ctl("start");
}

PrivateCluster::~PrivateCluster() {
    run("'" + bin_ + "/pg_ctl' -D '" + data_ + "' -m immediate stop");
    std::error_code ec;
    if (!data_.empty()) std::filesystem::remove_all(data_, ec);
}

std::string PrivateCluster::url() const {
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/postgres";
}

bool PrivateCluster::pg_ctl(const std::string& action) {
    std::string options = " -m fast -w -t 60 ";
    if (action != "stop") options += "-l '" + data_ + "/server.log' ";
    return run("'" + bin_ + "/pg_ctl' -D '" + data_ + "'" + options + action);
}

bool PrivateCluster::kill_postmaster() {
    std::ifstream pid_file(data_ + "/postmaster.pid");
    pid_t pid = 0;
    if (!(pid_file >> pid) || pid <= 0) return false;
    return ::kill(pid, SIGKILL) == 0;
}

bool PrivateCluster::start_after_crash() {
    for (int attempt = 0; attempt < 150; ++attempt) {
        if (pg_ctl("start")) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return false;
}

bool PrivateCluster::run(std::string cmd) const {
    if (!owner_.empty()) cmd = "runuser -u '" + owner_ + "' -- " + cmd;
    return std::system((cmd + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace sanpi::testing
