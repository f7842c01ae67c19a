#include "service/secrets.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace sanpi::service::secrets {

namespace {

void ensure_sodium() {
    // sodium_init is idempotent and thread-safe; failure means no usable randomness at all.
    static const int rc = sodium_init();
    if (rc < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string to_hex(const unsigned char* bytes, std::size_t n) {
    std::string hex(n * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, n);
    hex.pop_back();
    return hex;
}

}  // namespace

Result<std::string> hash_password(std::string_view password) {
    ensure_sodium();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return Error::unavailable("服务器内存不足，无法处理密码", "not enough memory to hash the password");
    }
    return std::string(out.data());
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
    ensure_sodium();
    std::string h(stored_hash);  // crypto_pwhash_str_verify wants a NUL-terminated string
    return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
    ensure_sodium();
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return to_hex(bytes.data(), bytes.size());
}

std::string token_hash(std::string_view token) { return blake2b_256_hex(token); }

std::string blake2b_256_hex(std::string_view bytes) {
    ensure_sodium();
    static_assert(crypto_generichash_BYTES == 32, "BLAKE2b-256: the audit chain's hashes are 64 hex digits");
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size(), nullptr, 0);
    return to_hex(digest.data(), digest.size());
}

}  // namespace sanpi::service::secrets
