#pragma once
// Passwords (Argon2id) and opaque tokens. Only hashes of tokens are ever stored.
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace sanpi::service::secrets {

Result<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view stored_hash, std::string_view password);
// 32 random bytes as 64 hex characters.
std::string random_token();
// Hex BLAKE2b-256 of a token, the form kept in the database.
std::string token_hash(std::string_view token);
// Unkeyed BLAKE2b-256 (crypto_generichash, 32 bytes) of any bytes, as 64 lower-case hex digits.
std::string blake2b_256_hex(std::string_view bytes);

}  // namespace sanpi::service::secrets
