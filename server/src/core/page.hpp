// Paging of every list: the client asks for a page (1-based) of page_size rows, and gets the rows
// with the total that matches, so that nothing is cut off silently.
#pragma once

#include <cstdint>
#include <vector>

namespace liandong::core {

struct PageRequest {
  std::int64_t page = 1;
  std::int64_t page_size = 20;

  std::int64_t Offset() const { return (page - 1) * page_size; }
  std::int64_t Limit() const { return page_size; }
};

template <typename Item>
struct Page {
  std::vector<Item> items;
  std::int64_t total = 0;
  PageRequest request;
};

}  // namespace liandong::core
