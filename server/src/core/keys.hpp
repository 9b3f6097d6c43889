// The master key that encrypts personal data and signs the audit chain. It lives outside the
// database: in the environment variable LIANDONG_MASTER_KEY (64 hex digits), or in a key file
// created on first use with permissions 0600.
#pragma once

#include <filesystem>
#include <string>

namespace liandong::core {

// The 32-byte master key: from LIANDONG_MASTER_KEY if set, else from `key_file`, which is created
// with a new random key if it does not exist. Throws std::runtime_error on a malformed key or a
// key file others can read.
std::string LoadMasterKey(const std::filesystem::path& key_file);

}  // namespace liandong::core
