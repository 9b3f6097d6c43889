// A one-sheet .xlsx workbook (libxlsxwriter) from a header row and rows of text, as bytes: what
// every export hands the browser.
#pragma once

#include <string>
#include <vector>

namespace liandong::core {

struct Sheet {
  std::string name;
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  double column_width = 16;
};

// Throws AppError(internal) if the workbook cannot be written.
std::string WriteWorkbook(const Sheet& sheet);

}  // namespace liandong::core
