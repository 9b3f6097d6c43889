// One paging style for every list: ?page=1&page_size=20 in, {"items", "total", "page",
// "page_size"} out. The older ?offset=&limit= still works for one release; the pipeline marks such
// responses with a Deprecation header.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>

#include "core/page.hpp"
#include "http/request.hpp"

namespace liandong::http {

inline constexpr std::int64_t kMaxPageSize = 200;

// The page a list request asks for (invalid_argument when page or page_size is out of range).
core::PageRequest ParsePage(const Request& request, std::int64_t default_page_size,
                            std::int64_t max_page_size = kMaxPageSize);

// True when the request pages the deprecated way (offset/limit).
bool UsesDeprecatedPaging(const Request& request);

// The body of a page: its items, the total that matches, and the page asked for.
boost::json::object PageJson(boost::json::array items, std::int64_t total, const core::PageRequest& request);

// The same from a core::Page, each item written by `to_json`.
template <typename Item, typename ToJson>
boost::json::object PageJson(const core::Page<Item>& page, ToJson to_json) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const Item& item : page.items) items.push_back(to_json(item));
  return PageJson(std::move(items), page.total, page.request);
}

}  // namespace liandong::http
