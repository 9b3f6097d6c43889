#include "http/paging.hpp"

#include "core/error.hpp"
#include "http/json_input.hpp"

namespace liandong::http {
namespace {

// offset/limit without page/page_size; throws when a parameter is not text.
bool DeprecatedStyle(const Request& request) {
  return (request.Query("offset") || request.Query("limit")) && !request.Query("page") && !request.Query("page_size");
}

}  // namespace

core::PageRequest ParsePage(const Request& request, std::int64_t default_page_size, std::int64_t max_page_size) {
  core::PageRequest page;
  const auto offset = request.Query("offset");
  const auto limit = request.Query("limit");
  if (DeprecatedStyle(request)) {
    // Deprecated: an offset that is not a whole number of pages is refused rather than rounded.
    page.page_size = ParseInteger(limit, "limit", 1, max_page_size, default_page_size);
    const std::int64_t skip = ParseInteger(offset, "offset", 0, 1'000'000'000, 0);
    if (skip % page.page_size != 0) {
      throw core::AppError(core::ErrorKind::kInvalidArgument, "request.invalid_argument",
                           "offset must be a multiple of limit; use page and page_size");
    }
    page.page = skip / page.page_size + 1;
    return page;
  }
  page.page = ParseInteger(request.Query("page"), "page", 1, 1'000'000'000, 1);
  page.page_size = ParseInteger(request.Query("page_size"), "page_size", 1, max_page_size, default_page_size);
  return page;
}

bool UsesDeprecatedPaging(const Request& request) {
  try {
    return DeprecatedStyle(request);
  } catch (const core::AppError&) {
    return false;  // a parameter that is not text: the request was refused for it already
  }
}

boost::json::object PageJson(boost::json::array items, std::int64_t total, const core::PageRequest& request) {
  return boost::json::object{
      {"items", std::move(items)}, {"total", total}, {"page", request.page}, {"page_size", request.page_size}};
}

}  // namespace liandong::http
