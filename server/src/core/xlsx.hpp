// A one-sheet .xlsx workbook (libxlsxwriter) as bytes: what every export hands the browser. Above
// the header row it may carry lines that say what the sheet is (its title, the period it covers,
// when it was counted); numbers are written as numbers, so that a spreadsheet sums and sorts them.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace liandong::core {

// An empty cell, a text, or a number.
using Cell = std::variant<std::monostate, std::string, double>;

struct Sheet {
  std::string name;
  // Lines above the table, the first in large bold (a title), then a blank row.
  std::vector<std::string> preamble;
  std::vector<std::string> headers;
  std::vector<std::vector<Cell>> rows;
  double column_width = 16;
};

// A number cell, from any arithmetic value (a Cell does not take integers implicitly).
template <typename T>
Cell NumberCell(T value) {
  return Cell{static_cast<double>(value)};
}

// Throws AppError(internal) if the workbook cannot be written.
std::string WriteWorkbook(const Sheet& sheet);

}  // namespace liandong::core
