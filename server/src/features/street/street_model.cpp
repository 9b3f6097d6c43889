#include "features/street/street_model.hpp"

namespace liandong::street {

std::optional<std::size_t> PowerIndex(std::string_view power) {
  for (std::size_t i = 0; i < kStreetPowers.size(); ++i) {
    if (kStreetPowers[i] == power) return i;
  }
  return std::nullopt;
}

}  // namespace liandong::street
