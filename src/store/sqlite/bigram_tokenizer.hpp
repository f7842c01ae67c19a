#pragma once
// The FTS5 tokenizer of the project search index (m0010): every two consecutive characters of
// the text (one for a one-character text), ASCII letters in lower case. A quoted query of two or
// more characters becomes the phrase of its own character pairs, which a text contains exactly
// where it contains the query: so two-character Chinese words (光伏, 太原), too short for a
// trigram index, are looked up through the index too.
//
// FTS5 finds tokenizers by name per connection: every connection that touches project_search
// (including through the projects triggers) must register it first (Connection::open does).
struct sqlite3;

namespace sanpi::store::sqlite {

inline constexpr const char* kBigramTokenizer = "sanpi_bigram";

// Registers kBigramTokenizer on `db`; throws SqliteError if FTS5 is missing.
void register_bigram_tokenizer(sqlite3* db);

}  // namespace sanpi::store::sqlite
