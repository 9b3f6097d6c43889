// Encryption of personal identifiers at rest (ID card numbers, phones): SM4-CBC with HMAC-SM3
// (encrypt-then-MAC; Debian's OpenSSL has no SM4-GCM), and a blind index, HMAC-SM3 of the
// normalised value, for exact lookup without decrypting. All keys derive from one 32-byte master
// key that lives outside the database (core/keys.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace liandong::core {

class FieldCipher {
 public:
  explicit FieldCipher(std::string_view master_key);

  // base64 of IV(16) ‖ SM4-CBC ciphertext ‖ HMAC-SM3(IV ‖ ciphertext)(32). A fresh IV each time.
  std::string Encrypt(std::string_view plaintext) const;
  // The plaintext; nullopt if the value was altered or made with another key.
  std::optional<std::string> Decrypt(std::string_view sealed) const;
  // Hex HMAC-SM3 of the value under the index key: equal values give equal indexes.
  std::string BlindIndex(std::string_view value) const;

 private:
  std::string encryption_key_;  // 16 bytes
  std::string mac_key_;         // 32 bytes
  std::string index_key_;       // 32 bytes
};

// A value re-encrypted under another key, with its blind index under that key.
struct Resealed {
  std::string sealed;       // "" when the value was ""
  std::string blind_index;  // "" when the value was ""
};
// Re-encrypts a value sealed by `from` under `to` (key rotation); throws internal when it does not
// decrypt with `from`.
Resealed Reseal(const FieldCipher& from, const FieldCipher& to, const std::string& sealed);

// Raw HMAC-SM3 (32 bytes).
std::string HmacSm3(std::string_view key, std::string_view data);

}  // namespace liandong::core
