// seal_cryptopp: Crypto++'s SEAL behind a C call, so that tests/check_seal.c
// can compare iosh's SEAL (crypto/seal.c) with an implementation that is
// not iosh's.  Crypto++'s conventions, as its seal.h/seal.cpp define them:
//  - SEAL<BigEndian> ("SEAL-3.0-BE") writes each 32-bit keystream word
//    big-endian; SEAL<LittleEndian> little-endian.  iosh uses BE.
//  - the key is 20 bytes, read as five big-endian words (the SHA-1
//    chaining value of the key schedule);
//  - the IV is 4 bytes: the position n, read big-endian;
//  - L is 32768 bits unless "NumberOfOutputBitsPerPositionIndex" says
//    otherwise; past L bytes the keystream goes on with position n + 1;
//  - the cipher is random access: Seek(off) moves within that stream.
#include <cstring>

#include <cryptopp/seal.h>

extern "C" int
cryptopp_seal_keystream(const unsigned char *key, unsigned n,
    unsigned long off, unsigned char *out, unsigned long len)
{
	try {
		CryptoPP::SEAL<CryptoPP::BigEndian>::Encryption enc;
		unsigned char iv[4] = {
			(unsigned char)(n >> 24), (unsigned char)(n >> 16),
			(unsigned char)(n >> 8), (unsigned char)n
		};

		enc.SetKeyWithIV(key, 20, iv, sizeof(iv));
		enc.Seek(off);
		std::memset(out, 0, len);
		enc.ProcessData(out, out, len);
		return 0;
	} catch (...) {
		return -1;
	}
}

// A keyed SEAL kept across calls (bench/seal_bench.c: the key schedule is
// not per packet), resynchronised to position N for each buffer.
extern "C" void *
cryptopp_seal_new(const unsigned char *key)
{
	CryptoPP::SEAL<CryptoPP::BigEndian>::Encryption *enc;
	unsigned char iv[4] = { 0, 0, 0, 0 };

	enc = new CryptoPP::SEAL<CryptoPP::BigEndian>::Encryption;
	enc->SetKeyWithIV(key, 20, iv, sizeof(iv));
	return enc;
}

extern "C" void
cryptopp_seal_xor(void *ctx, unsigned n, unsigned char *buf,
    unsigned long len)
{
	CryptoPP::SEAL<CryptoPP::BigEndian>::Encryption *enc =
	    static_cast<CryptoPP::SEAL<CryptoPP::BigEndian>::Encryption *>(ctx);
	unsigned char iv[4] = {
		(unsigned char)(n >> 24), (unsigned char)(n >> 16),
		(unsigned char)(n >> 8), (unsigned char)n
	};

	enc->Resynchronize(iv, sizeof(iv));
	enc->ProcessData(buf, buf, len);
}

extern "C" void
cryptopp_seal_free(void *ctx)
{
	delete static_cast<CryptoPP::SEAL<CryptoPP::BigEndian>::Encryption *>(
	    ctx);
}
