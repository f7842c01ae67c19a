#include "server_process.hpp"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "http/client.hpp"

namespace sanpi::testing {

namespace {

// Binds port 0 to let the kernel choose, then releases it for the server to take.
std::uint16_t free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool healthy(std::uint16_t port) {
    try {
        HttpClient client(port);
        return client.get("/healthz").status == 200;
    } catch (const std::exception&) {
        return false;
    }
}

// The server's output goes to a log file, never to the test's stdout: a server outliving a
// crashed test must not keep the test runner's pipe open. It also dies with the test process.
pid_t spawn(const std::vector<std::string>& args, const std::string& log_path) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("cannot fork");
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) ::_exit(1);
        int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            ::dup2(fd, STDOUT_FILENO);
            ::dup2(fd, STDERR_FILENO);
            ::close(fd);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

// waitpid with a deadline; returns the exit code, or -1 if it had to be killed.
int wait_for(pid_t pid, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string sanpi_binary() { return SANPI_BINARY; }

std::string ServerProcess::log_path() const {
    return "/tmp/sanpi-e2e-server-" + std::to_string(::getpid()) + "-" +
           std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".log";
}

ServerProcess::ServerProcess(const std::string& db, const std::vector<std::string>& extra) {
    for (int attempt = 0; attempt < 3 && pid_ < 0; ++attempt) {
        port_ = free_port();
        std::vector<std::string> args{sanpi_binary(), "serve",     "--db",   db,
                                      "--address",    "127.0.0.1", "--port", std::to_string(port_),
                                      "--threads",    "4"};
        args.insert(args.end(), extra.begin(), extra.end());
        pid_ = spawn(args, log_path());
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!healthy(port_) && std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // died: port taken, try another
                pid_ = -1;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    if (pid_ < 0 || !healthy(port_)) throw std::runtime_error("sanpi serve did not become healthy");
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) stop();
}

int ServerProcess::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int code = wait_for(pid_, std::chrono::seconds(15));
    pid_ = -1;
    if (code == 0) std::remove(log_path().c_str());
    return code;
}

void ServerProcess::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    std::remove(log_path().c_str());
}

int run_sanpi(const std::vector<std::string>& args, std::string* output) {
    std::string command = sanpi_binary();
    for (const auto& a : args) command += " '" + a + "'";  // test-controlled arguments, no quotes inside
    command += " 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return -1;
    std::array<char, 4096> buf{};
    std::string out;
    while (std::fgets(buf.data(), buf.size(), pipe) != nullptr) out += buf.data();
    int status = ::pclose(pipe);
    if (output != nullptr) *output = out;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace sanpi::testing
