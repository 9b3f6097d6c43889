// Cryptographic primitives: randomness and argon2id from libsodium, SM3 from OpenSSL 3.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace liandong::core {

// Initialises libsodium; call once before any other function here (idempotent).
void InitCrypto();

// `count` random bytes from the operating system's generator.
std::string RandomBytes(std::size_t count);

// A random 256-bit token, base64url without padding (43 characters): session tokens, CSRF tokens.
std::string RandomToken();

// `count` random bytes as lowercase hex: request ids.
std::string RandomHex(std::size_t count);

// A random password of `length` (at least 12) characters with upper- and lower-case letters,
// digits and symbols, avoiding look-alike characters.
std::string RandomPassword(std::size_t length = 16);

// SM3 digest of `data` as lowercase hex (64 characters).
std::string Sm3Hex(std::string_view data);

// Lowercase hex of arbitrary bytes.
std::string ToHex(std::string_view bytes);

// argon2id hash of `password` in libsodium's self-describing string form.
std::string HashPassword(std::string_view password);

// True when `password` matches `hash` (made by HashPassword); false on any mismatch.
bool VerifyPassword(std::string_view password, const std::string& hash);

// Compares two strings in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace liandong::core
