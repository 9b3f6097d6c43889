#include "core/xlsx.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/error.hpp"

namespace liandong::core {

std::string WriteWorkbook(const Sheet& sheet) {
  // libxlsxwriter writes to a file: a private temporary one, removed before returning.
  const auto path = std::filesystem::temp_directory_path() / ("liandong-export-" + RandomHex(8) + ".xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) throw AppError(ErrorKind::kInternal, "server.internal", "cannot create the workbook");
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sheet.name.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* title = workbook_add_format(workbook);
  format_set_bold(title);
  format_set_font_size(title, 14);

  lxw_row_t row_number = 0;
  for (std::size_t line = 0; line < sheet.preamble.size(); ++line) {
    worksheet_write_string(worksheet, row_number++, 0, sheet.preamble[line].c_str(), line == 0 ? title : nullptr);
  }
  if (!sheet.preamble.empty()) ++row_number;  // a blank row before the table
  for (std::size_t column = 0; column < sheet.headers.size(); ++column) {
    worksheet_write_string(worksheet, row_number, static_cast<lxw_col_t>(column), sheet.headers[column].c_str(), bold);
  }
  // The header stays in view while scrolling.
  if (!sheet.headers.empty()) worksheet_freeze_panes(worksheet, row_number + 1, 0);
  ++row_number;
  for (const auto& row : sheet.rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      const auto at = static_cast<lxw_col_t>(column);
      if (const auto* text = std::get_if<std::string>(&row[column])) {
        worksheet_write_string(worksheet, row_number, at, text->c_str(), nullptr);
      } else if (const auto* number = std::get_if<double>(&row[column])) {
        worksheet_write_number(worksheet, row_number, at, *number, nullptr);
      }
    }
    ++row_number;
  }
  if (!sheet.headers.empty()) {
    worksheet_set_column(worksheet, 0, static_cast<lxw_col_t>(sheet.headers.size() - 1), sheet.column_width, nullptr);
  }
  const lxw_error closed = workbook_close(workbook);
  std::ifstream file(path, std::ios::binary);
  std::ostringstream contents;
  contents << file.rdbuf();
  std::filesystem::remove(path);
  if (closed != LXW_NO_ERROR) throw AppError(ErrorKind::kInternal, "server.internal", lxw_strerror(closed));
  return std::move(contents).str();
}

}  // namespace liandong::core
