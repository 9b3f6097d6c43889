// The request target and headers as a handler reads them: Boost.URL's origin-form parse in
// Request, routing to path parameters, each query parameter through the reader the list routes
// use for it, the name search's grams, cookies and the language.
//
// Input: the target, then optionally "\n" and the Cookie header, then "\n" and Accept-Language.
#include <algorithm>

#include "core/text.hpp"
#include "core/text_search.hpp"
#include "features/unit/unit_model.hpp"
#include "fuzz_support.hpp"
#include "http/json_input.hpp"
#include "http/router.hpp"

namespace liandong::fuzz {
namespace {

bool IsDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80           ? 1
                               : (byte >> 5) == 0x6  ? 2
                               : (byte >> 4) == 0xe  ? 3
                               : (byte >> 3) == 0x1e ? 4
                                                     : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

// Routes with path parameters, as the features register them.
const http::Router& Routes() {
  static const http::Router router = [] {
    http::Router routes;
    const auto none = [](http::Request&) { return http::Response{}; };
    for (const char* pattern :
         {"/api/v1/orgs", "/api/v1/orgs/{id}", "/api/v1/orgs/{id}/children", "/api/v1/orgs/{id}/street-profile",
          "/api/v1/orgs/{id}/joint-committee/members", "/api/v1/members/import", "/api/v1/members/{id}",
          "/api/v1/members/{id}/identifiers", "/api/v1/transfers/{id}/accept", "/api/v1/units/{id}",
          "/api/v1/joint-committee-members/{member_id}", "/api/v1/units/{id}/joint-committee-seats"}) {
      routes.Add(http::Verb::get, pattern, "fuzz:read", none);
    }
    return routes;
  }();
  return router;
}

void ReadPathParameters(http::Request& request) {
  const http::RouteMatch match = Routes().Find(http::Verb::get, request.segments());
  if (match.route == nullptr) return;
  request.SetPathParameters(match.parameters);
  for (const auto& parameter : match.parameters) {
    ParsesOrRefuses([&] {
      Require(request.PathId(parameter.first) > 0 && IsDigits(parameter.second), "a path id is not a positive number");
    });
  }
}

void ReadQuery(const http::Request& request) {
  ParsesOrRefuses([&] {
    if (auto org = request.Query("org"); org && !org->empty()) {
      Require(http::ParseId(*org, "org") > 0 && IsDigits(*org), "an org id is not a positive number");
    }
  });
  const struct {
    const char* name;
    std::int64_t min, max, fallback;
  } integers[] = {{"page", 1, 1'000'000, 1}, {"page_size", 1, 200, 20}, {"limit", 1, 100, 20}};
  for (const auto& integer : integers) {
    ParsesOrRefuses([&] {
      const auto value =
          http::ParseInteger(request.Query(integer.name), integer.name, integer.min, integer.max, integer.fallback);
      Require(value >= integer.min && value <= integer.max, "a query integer is out of its range");
    });
  }
  for (const char* name : {"in_service", "eligible", "anywhere"}) {
    ParsesOrRefuses([&] {
      const auto text = request.Query(name);
      if (const auto value = http::ParseBool(text, name)) {
        Require(*value == (*text == "true" || *text == "1"), "a query flag reads the wrong way");
      }
    });
  }
  // A parameter that is not clean UTF-8 text is refused (400 request.invalid_text) as it is read.
  ParsesOrRefuses([&] {
    if (const auto coverage = request.Query("coverage")) {
      if (const auto parsed = unit::ParseCoverage(*coverage)) {
        Require(unit::ToString(*parsed) == *coverage, "a coverage filter does not read back");
      }
    }
  });
  ParsesOrRefuses([&] {
    if (const auto kind = request.Query("unit_kind")) unit::IsUnitKind(*kind);
  });
  // The name search: grams are what goes into the LIKE pattern and the full-text index.
  ParsesOrRefuses([&] {
    const std::string query = request.Query("q").value_or("");
    Require(core::IsCleanText(query), "a query parameter read back is not clean text");
    const std::string grams = core::SearchGrams(query);
    Require(IsValidUtf8(grams), "search grams are not UTF-8");
    const std::vector<std::string> query_grams = core::QueryGrams(query);
    for (const std::string& gram : query_grams) {
      Require(!gram.empty() && gram.find(' ') == std::string::npos && IsValidUtf8(gram), "a query gram is malformed");
    }
    if (core::IsSingleCharacterQuery(query)) Require(query_grams.size() == 1, "one character makes one gram");
  });
}

void ReadHeaders(const http::Request& request) {
  for (const char* name : {"liandong_session", "lang"}) {
    if (const auto value = request.Cookie(name)) {
      Require(value->find(';') == std::string::npos, "a cookie value runs into the next cookie");
      Require(value->empty() || (value->front() != ' ' && value->back() != ' '), "a cookie value is untrimmed");
    }
  }
  request.language();
}

}  // namespace
}  // namespace liandong::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace liandong;
  std::string_view rest = fuzz::Text(data, size);
  std::string_view lines[3];
  for (auto& line : lines) {
    const auto end = rest.find('\n');
    line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  }
  // Beast's parser never hands over a header value with CR, LF or NUL in it.
  for (std::string_view* header : {&lines[1], &lines[2]}) {
    if (header->find_first_of(std::string_view("\r\0", 2)) != std::string_view::npos) return 0;
  }
  std::optional<http::Request> request;
  const bool parsed = fuzz::ParsesOrRefuses(
      [&] { request.emplace(fuzz::MakeRequest(boost::beast::http::verb::get, lines[0], {}, lines[1], lines[2])); });
  if (!parsed) return 0;
  fuzz::Require(request->path().starts_with('/'), "an origin-form path does not start with /");
  fuzz::ReadPathParameters(*request);
  fuzz::ReadQuery(*request);
  fuzz::ReadHeaders(*request);
  return 0;
}
