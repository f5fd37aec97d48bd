/*
 * crypto_transform: the rows of `crypto ipsec transform-set NAME t1 [t2
 * [t3]]`.  IOS offers after each transform only the kinds not yet used
 * (one AH, one ESP encryption, one ESP authentication, one compression),
 * so `? ` lists exactly what may follow and a second encryption transform
 * gets the caret.  The engine's syntax has no such memory, so there is one
 * row per ordered choice of kinds: 4 + 12 + 24 rows, and 11 more for
 * esp-gcm/esp-gmac, which take AH and compression but no ESP
 * authentication transform (RFC 4106 §5 needs none), so one after them
 * gets the caret too.
 */
#ifndef IOSH_GRAMMAR_CRYPTO_TRANSFORM_H
#define IOSH_GRAMMAR_CRYPTO_TRANSFORM_H

#define TS_AH_S							\
	"(ah-md5-hmac|ah-sha-hmac|ah-sha256-hmac|ah-sha384-hmac|"	\
	"ah-sha512-hmac)"
#define TS_AH_H							\
	"\nAH-HMAC-MD5 transform"					\
	"\nAH-HMAC-SHA transform"					\
	"\nAH-HMAC-SHA256 transform"					\
	"\nAH-HMAC-SHA384 transform"					\
	"\nAH-HMAC-SHA512 transform"
#define TS_EN_S	"(esp-3des|esp-aes [128|192|256]|esp-des|esp-null|esp-seal)"
#define TS_EN_H							\
	"\nESP transform using 3DES(EDE) cipher (168 bits)"		\
	"\nESP transform using AES cipher"				\
	"\n128 bit keys."						\
	"\n192 bit keys."						\
	"\n256 bit keys."						\
	"\nESP transform using DES cipher (56 bits)"			\
	"\nESP transform w/o cipher"					\
	"\nESP transform using SEAL cipher (160 bits)"
#define TS_AU_S							\
	"(esp-md5-hmac|esp-sha-hmac|esp-sha256-hmac|esp-sha384-hmac|"	\
	"esp-sha512-hmac)"
#define TS_AU_H							\
	"\nESP transform using HMAC-MD5 auth"				\
	"\nESP transform using HMAC-SHA auth"				\
	"\nESP transform using HMAC-SHA256 auth"			\
	"\nESP transform using HMAC-SHA384 auth"			\
	"\nESP transform using HMAC-SHA512 auth"
/* The combined-mode ciphers (RFC 4106, 4543) authenticate by
 * themselves: a kind of their own that excludes ESP authentication. */
#define TS_AE_S							\
	"(esp-gcm [128|192|256]|esp-gmac [128|192|256])"
#define TS_AE_H							\
	"\nESP transform using GCM cipher"				\
	"\n128 bit keys."						\
	"\n192 bit keys."						\
	"\n256 bit keys."						\
	"\nESP transform using GMAC cipher"				\
	"\n128 bit keys."						\
	"\n192 bit keys."						\
	"\n256 bit keys."
#define TS_CO_S	"comp-lzs"
#define TS_CO_H							\
	"\nIP Compression using the LZS compression algorithm"

#define TS_ROW(syn, help)						\
	{ "crypto ipsec transform-set WORD$name " syn,			\
	  "Encryption module\n"						\
	  "Configure IPSEC policy\n"					\
	  "Define transform and settings\n"				\
	  "Transform set tag" help,					\
	  crypto_transform_set_cmd, CMD_NO | CMD_DEFAULT, NULL }
#define TS1(x)		TS_ROW(TS_##x##_S, TS_##x##_H)
#define TS2(x, y)	TS_ROW(TS_##x##_S " " TS_##y##_S, TS_##x##_H TS_##y##_H)
#define TS3(x, y, z)							\
	TS_ROW(TS_##x##_S " " TS_##y##_S " " TS_##z##_S,		\
	    TS_##x##_H TS_##y##_H TS_##z##_H)
/* Every ordered choice of 2 of the kinds after X. */
#define TS3_FROM(x, a, b, c)						\
	TS3(x, a, b), TS3(x, a, c), TS3(x, b, a), TS3(x, b, c),	\
	TS3(x, c, a), TS3(x, c, b)

#define TRANSFORM_SET_ROWS						\
	TS1(AH), TS1(EN), TS1(AU), TS1(CO),				\
	TS2(AH, EN), TS2(AH, AU), TS2(AH, CO),				\
	TS2(EN, AH), TS2(EN, AU), TS2(EN, CO),				\
	TS2(AU, AH), TS2(AU, EN), TS2(AU, CO),				\
	TS2(CO, AH), TS2(CO, EN), TS2(CO, AU),				\
	TS3_FROM(AH, EN, AU, CO), TS3_FROM(EN, AH, AU, CO),		\
	TS3_FROM(AU, AH, EN, CO), TS3_FROM(CO, AH, EN, AU),		\
	TS1(AE), TS2(AE, AH), TS2(AE, CO), TS2(AH, AE), TS2(CO, AE),	\
	TS3(AE, AH, CO), TS3(AE, CO, AH), TS3(AH, AE, CO),		\
	TS3(AH, CO, AE), TS3(CO, AE, AH), TS3(CO, AH, AE)

#endif
