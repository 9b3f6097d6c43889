#include "core/field_cipher.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <memory>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/error.hpp"

namespace liandong::core {
namespace {

constexpr std::size_t kBlockSize = 16;
constexpr std::size_t kMacSize = 32;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

std::string Sm4Cbc(bool encrypt, std::string_view key, std::string_view iv, std::string_view input) {
  CipherContext context(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  const EVP_CIPHER* cipher = EVP_sm4_cbc();
  if (!context || cipher == nullptr ||
      EVP_CipherInit_ex(context.get(), cipher, nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                        reinterpret_cast<const unsigned char*>(iv.data()), encrypt ? 1 : 0) != 1) {
    throw std::runtime_error("SM4 is not available");
  }
  std::string output(input.size() + kBlockSize, '\0');
  int written = 0;
  int final_written = 0;
  auto* out = reinterpret_cast<unsigned char*>(output.data());
  if (EVP_CipherUpdate(context.get(), out, &written, reinterpret_cast<const unsigned char*>(input.data()),
                       static_cast<int>(input.size())) != 1 ||
      EVP_CipherFinal_ex(context.get(), out + written, &final_written) != 1) {
    throw std::runtime_error("SM4 failed");
  }
  output.resize(static_cast<std::size_t>(written + final_written));
  return output;
}

std::string Base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

std::optional<std::string> FromBase64(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

}  // namespace

std::string HmacSm3(std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sm3(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
           data.size(), out, &length) == nullptr) {
    throw std::runtime_error("HMAC-SM3 failed");
  }
  return std::string(reinterpret_cast<const char*>(out), length);
}

FieldCipher::FieldCipher(std::string_view master_key) {
  if (master_key.size() < 32) throw std::invalid_argument("the master key must be at least 32 bytes");
  // Separate keys for separate purposes, derived with HMAC-SM3 under fixed labels.
  encryption_key_ = HmacSm3(master_key, "liandong/field/sm4").substr(0, 16);
  mac_key_ = HmacSm3(master_key, "liandong/field/mac");
  index_key_ = HmacSm3(master_key, "liandong/field/index");
}

std::string FieldCipher::Encrypt(std::string_view plaintext) const {
  const std::string iv = RandomBytes(kBlockSize);
  std::string sealed = iv + Sm4Cbc(true, encryption_key_, iv, plaintext);
  sealed += HmacSm3(mac_key_, sealed);
  return Base64(sealed);
}

std::optional<std::string> FieldCipher::Decrypt(std::string_view text) const {
  const auto sealed = FromBase64(text);
  if (!sealed || sealed->size() < kBlockSize * 2 + kMacSize) return std::nullopt;
  const std::string_view body(sealed->data(), sealed->size() - kMacSize);
  const std::string_view mac(sealed->data() + body.size(), kMacSize);
  if (!ConstantTimeEquals(HmacSm3(mac_key_, body), mac)) return std::nullopt;
  try {
    return Sm4Cbc(false, encryption_key_, body.substr(0, kBlockSize), body.substr(kBlockSize));
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
}

std::string FieldCipher::BlindIndex(std::string_view value) const { return ToHex(HmacSm3(index_key_, value)); }

Resealed Reseal(const FieldCipher& from, const FieldCipher& to, const std::string& sealed) {
  if (sealed.empty()) return {};
  const std::optional<std::string> plaintext = from.Decrypt(sealed);
  if (!plaintext) {
    throw AppError(ErrorKind::kInternal, "server.internal", "a value does not decrypt with the current key");
  }
  return Resealed{to.Encrypt(*plaintext), to.BlindIndex(*plaintext)};
}

}  // namespace liandong::core
