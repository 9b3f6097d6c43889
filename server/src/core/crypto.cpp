#include "core/crypto.hpp"

#include <openssl/evp.h>
#include <sodium.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace liandong::core {
namespace {

// OWASP's argon2id floor (19 MiB, 2 passes): strong enough, and a login stays well under 100 ms.
constexpr unsigned long long kPasswordOps = 2;
constexpr std::size_t kPasswordMemory = 19 * 1024 * 1024;

}  // namespace

void InitCrypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string RandomBytes(std::size_t count) {
  std::string bytes(count, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  return bytes;
}

std::string RandomToken() {
  const std::string bytes = RandomBytes(32);
  std::array<char, sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> out{};
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(out.data());
}

std::string ToHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    hex.push_back(kDigits[byte >> 4]);
    hex.push_back(kDigits[byte & 0x0f]);
  }
  return hex;
}

std::string RandomHex(std::size_t count) { return ToHex(RandomBytes(count)); }

std::string RandomPassword(std::size_t length) {
  static constexpr std::string_view kClasses[] = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789",
                                                  "!@#%^*-_=+"};
  if (length < 12) length = 12;
  std::string password;
  // One of each class first, then any class, then shuffle so the classes are not in order.
  for (std::string_view chars : kClasses) password.push_back(chars[randombytes_uniform(chars.size())]);
  while (password.size() < length) {
    std::string_view chars = kClasses[randombytes_uniform(std::size(kClasses))];
    password.push_back(chars[randombytes_uniform(chars.size())]);
  }
  for (std::size_t i = password.size() - 1; i > 0; --i) {
    std::swap(password[i], password[randombytes_uniform(static_cast<std::uint32_t>(i + 1))]);
  }
  return password;
}

std::string Sm3Hex(std::string_view data) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sm3(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1) {
    throw std::runtime_error("SM3 digest failed");
  }
  return ToHex(std::string_view(reinterpret_cast<const char*>(digest.data()), length));
}

std::string HashPassword(std::string_view password) {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), kPasswordOps, kPasswordMemory,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("argon2id hashing ran out of memory");
  }
  return std::string(out.data());
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace liandong::core
