#include "core/keys.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sodium.h>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/field_cipher.hpp"

namespace liandong::core {
namespace {

std::string FromHex(const std::string& hex) {
  std::string bytes(hex.size() / 2, '\0');
  std::size_t length = 0;
  if (hex.size() != 64 || sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(),
                                         hex.size(), nullptr, &length, nullptr) != 0 ||
      length != 32) {
    throw std::runtime_error("a master key is 64 hex digits");
  }
  return bytes;
}

void RequireOwnerOnly(const std::filesystem::path& key_file) {
  namespace fs = std::filesystem;
  const auto permissions = fs::status(key_file).permissions();
  if ((permissions & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none) {
    throw std::runtime_error("the key file " + key_file.string() + " must be readable by its owner only (chmod 600)");
  }
}

}  // namespace

Keys KeysFromMaster(const std::string& master) { return Keys{master, HmacSm3(master, "liandong/audit")}; }

Keys LoadKeys(const std::filesystem::path& key_file) {
  Keys keys = KeysFromMaster(LoadMasterKey(key_file));
  if (const char* audit = std::getenv("LIANDONG_AUDIT_KEY"); audit && *audit) {
    keys.audit = FromHex(audit);
  } else if (!std::getenv("LIANDONG_MASTER_KEY") || !*std::getenv("LIANDONG_MASTER_KEY")) {
    std::ifstream in(key_file);
    std::string master_hex;
    std::string label;
    std::string audit_hex;
    in >> master_hex >> label >> audit_hex;
    if (label == "audit") keys.audit = FromHex(audit_hex);
  }
  return keys;
}

void WriteKeyFile(const std::filesystem::path& key_file, const Keys& keys) {
  namespace fs = std::filesystem;
  if (fs::exists(key_file)) throw std::runtime_error("will not overwrite " + key_file.string());
  const mode_t previous = ::umask(077);
  {
    std::ofstream out(key_file, std::ios::trunc);
    out << ToHex(keys.master) << "\naudit " << ToHex(keys.audit) << "\n";
    out.flush();
    if (!out) {
      ::umask(previous);
      throw std::runtime_error("cannot write " + key_file.string());
    }
  }
  ::umask(previous);
  fs::permissions(key_file, fs::perms::owner_read | fs::perms::owner_write);
}

std::string LoadMasterKey(const std::filesystem::path& key_file) {
  if (const char* from_environment = std::getenv("LIANDONG_MASTER_KEY"); from_environment && *from_environment) {
    return FromHex(from_environment);
  }
  namespace fs = std::filesystem;
  if (!fs::exists(key_file)) {
    if (key_file.has_parent_path()) fs::create_directories(key_file.parent_path());
    const mode_t previous = ::umask(077);
    {
      std::ofstream out(key_file, std::ios::trunc);
      out << ToHex(RandomBytes(32)) << "\n";
    }
    ::umask(previous);
    fs::permissions(key_file, fs::perms::owner_read | fs::perms::owner_write);
  }
  RequireOwnerOnly(key_file);
  std::ifstream in(key_file);
  std::string hex;
  in >> hex;
  return FromHex(hex);
}

}  // namespace liandong::core
