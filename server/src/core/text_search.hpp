// Chinese full-text search on both databases: text is indexed as overlapping two-character grams
// ("和平街道" → "和平 平街 街道"), which FTS5 (SQLite) and tsvector 'simple' (PostgreSQL) index as
// words. A two-character query is then one gram, and longer queries are all of theirs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace liandong::core {

// The grams of `text`, space-separated: runs of CJK characters become overlapping pairs (a lone
// character stays itself); runs of ASCII letters and digits become one lower-case word each;
// everything else separates runs.
std::string SearchGrams(std::string_view text);

// The grams a query must all match, without duplicates; empty when the query has no letters.
std::vector<std::string> QueryGrams(std::string_view query);

// True when the query is a single CJK character, which grams cannot find (use a LIKE instead).
bool IsSingleCharacterQuery(std::string_view query);

}  // namespace liandong::core
