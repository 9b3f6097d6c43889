// What the fuzz targets share: a property that fails aborts (libFuzzer then saves the input as a
// crash), and a parser may refuse input only with the AppError the server answers with 400.
#pragma once

#include <boost/json/parse.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/identity.hpp"
#include "features/member/member_validation.hpp"
#include "features/unit/unit_credit_code.hpp"
#include "features/unit/unit_model.hpp"
#include "http/errors.hpp"
#include "http/request.hpp"

namespace liandong::fuzz {

// Aborts with `what` unless `condition` holds.
inline void Require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "property failed: %s\n", what);
    std::abort();
  }
}

// The fuzz input as text.
inline std::string_view Text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// True when the server has a message of its own for `code`, not just the one of its kind: every
// code a client can receive must be one the web app can translate.
inline bool HasOwnMessage(std::string_view code, core::ErrorKind kind) {
  const auto message = http::ErrorMessage(code, kind, http::Language::kChinese);
  return code == "request.invalid_argument" ||
         message != http::ErrorMessage("fuzz.no_such_code", kind, http::Language::kChinese);
}

// A refusal as a client sees it: a 400 with a known code, and an error body that is JSON naming it.
inline void RequireBadRequest(const core::AppError& error) {
  Require(error.kind() == core::ErrorKind::kInvalidArgument, "input was refused with a status other than 400");
  Require(HasOwnMessage(error.code(), error.kind()), "an error code has no message");
  const http::Response response = http::ErrorResponse(error, http::Language::kEnglish, "fuzz");
  boost::system::error_code parse_error;
  const boost::json::value body = boost::json::parse(response.body, parse_error);
  Require(!parse_error, "an error body is not JSON");
  Require(body.at("error").at("code").as_string() == error.code(), "an error body names another code");
}

// Runs `parse`: true when it returns, false when it refuses the input with a 400 AppError. Anything
// else it throws aborts: a 500 for a client's mistake.
template <typename Parse>
bool ParsesOrRefuses(Parse&& parse) {
  try {
    parse();
    return true;
  } catch (const core::AppError& error) {
    RequireBadRequest(error);
    return false;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "a parser threw %s\n", error.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "a parser threw something that is not an exception\n");
    std::abort();
  }
}

// A request as the server hands it to a handler: `target`, a body and two headers.
inline http::Request MakeRequest(boost::beast::http::verb method, std::string_view target, std::string_view body,
                                 std::string_view cookie = {}, std::string_view accept_language = {}) {
  boost::beast::http::request<boost::beast::http::string_body> message{method, target, 11};
  message.body() = std::string(body);
  if (!cookie.empty()) message.set(boost::beast::http::field::cookie, cookie);
  if (!accept_language.empty()) message.set(boost::beast::http::field::accept_language, accept_language);
  message.prepare_payload();
  return http::Request(std::move(message), "127.0.0.1", "fuzz");
}

// The number of characters of `masked` that are not '*'.
inline std::size_t ShownCharacters(std::string_view masked) {
  std::size_t shown = 0;
  for (char c : masked) shown += c != '*' ? 1 : 0;
  return shown;
}

// What must hold of a member input that ValidateMemberInput accepted, and of its masks.
inline void RequireValidMember(const member::MemberInput& input, const member::ValidIdentifiers& valid) {
  Require(!input.name.empty() && input.name.size() <= 100, "an accepted member name is empty or too long");
  Require(input.gender == "male" || input.gender == "female", "an accepted gender is unknown");
  Require(core::NormaliseIdNumber(valid.id_number) == valid.id_number, "an accepted ID number is not normalised");
  Require(valid.birth_date == core::BirthDateOfIdNumber(valid.id_number) && core::IsIsoDate(valid.birth_date),
          "the birth date is not the ID number's");
  const std::string masked_id = core::MaskIdNumber(valid.id_number);
  Require(masked_id.size() == 18 && ShownCharacters(masked_id) <= 10, "a masked ID number shows too much");
  Require(input.phone.empty() == !valid.phone, "a phone was dropped or invented");
  if (valid.phone) {
    Require(core::NormalisePhone(*valid.phone) == valid.phone, "an accepted phone is not normalised");
    Require(ShownCharacters(core::MaskPhone(*valid.phone)) <= 7, "a masked phone shows too much");
  }
  for (const auto& date : {input.joined_on, input.full_member_on}) {
    Require(!date || (core::IsIsoDate(*date) && *date >= valid.birth_date), "an accepted date is before birth");
  }
  Require(input.status == "full" || input.status == "probationary", "an accepted status is unknown");
}

// What must hold of unit fields that CheckUnitValues found nothing wrong with.
inline void RequireValidUnit(const unit::UnitFields& fields) {
  Require(!fields.name.empty(), "an accepted unit has no name");
  Require(unit::NormaliseCreditCode(fields.credit_code) == fields.credit_code,
          "an accepted credit code is not normalised");
  Require(unit::CompleteCreditCode(std::string_view(fields.credit_code).substr(0, 17)) == fields.credit_code,
          "an accepted credit code has a wrong check character");
  Require(unit::IsUnitKind(fields.unit_kind), "an accepted unit kind is unknown");
  Require(fields.staff_count >= 0, "an accepted staff count is negative");
}

}  // namespace liandong::fuzz
