#include "store/sqlite/bigram_tokenizer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {
namespace {

// Bytes in the UTF-8 sequence that starts with `lead`; a stray byte counts as one character, so
// malformed text still tokenizes (and matches itself).
int sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

// The byte offset where each character starts, and the text's length at the end.
std::vector<int> character_starts(const char* text, int length) {
    std::vector<int> starts;
    for (int i = 0; i < length;) {
        starts.push_back(i);
        int n = sequence_length(static_cast<unsigned char>(text[i]));
        for (int k = 1; k < n; ++k) {
            if (i + k >= length || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                n = k;
                break;
            }
        }
        i += n;
    }
    starts.push_back(length);
    return starts;
}

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int tokenize(Fts5Tokenizer*, void* context, int, const char* text, int length, TokenCallback emit) {
    if (text == nullptr || length <= 0) return SQLITE_OK;
    const auto starts = character_starts(text, length);
    const std::size_t characters = starts.size() - 1;
    std::string token;
    // One token for a one-character text; otherwise one per pair of neighbours.
    const std::size_t tokens = characters == 1 ? 1 : characters - 1;
    for (std::size_t i = 0; i < tokens; ++i) {
        const int begin = starts[i];
        const int end = starts[std::min(i + 2, characters)];
        token.assign(text + begin, text + end);
        for (char& c : token) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        if (const int rc = emit(context, 0, token.data(), static_cast<int>(token.size()), begin, end); rc != SQLITE_OK) {
            return rc;
        }
    }
    return SQLITE_OK;
}

// The tokenizer keeps no state: any non-null handle will do.
int create(void*, const char**, int, Fts5Tokenizer** out) {
    static char instance;
    *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer*) {}

fts5_api* fts5_of(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

}  // namespace

void register_bigram_tokenizer(sqlite3* db) {
    fts5_api* api = fts5_of(db);
    if (api == nullptr || api->iVersion < 2) throw SqliteError(SQLITE_ERROR, "this SQLite has no FTS5");
    fts5_tokenizer tokenizer{create, destroy, tokenize};
    const int rc = api->xCreateTokenizer(api, kBigramTokenizer, nullptr, &tokenizer, nullptr);
    if (rc != SQLITE_OK) throw SqliteError(rc, "could not register the search tokenizer");
}

}  // namespace sanpi::store::sqlite
