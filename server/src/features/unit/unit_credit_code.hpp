// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
// "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, S, V, Z), an administrative division code in
// characters 3–8, and a check character computed modulo 31 over the first 17.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace liandong::unit {

// The code upper-cased with surrounding spaces removed, or nullopt if it is not a valid one:
// wrong length or characters, a division code that is not six digits, or a wrong check character.
std::optional<std::string> NormaliseCreditCode(std::string_view text);

// The first 17 characters followed by their check character (for demo data and tests). The
// characters must come from the code's alphabet.
std::string CompleteCreditCode(std::string_view first_17);

}  // namespace liandong::unit
