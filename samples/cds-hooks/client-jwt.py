#!/usr/bin/env python3
"""An EHR's CDS Hooks client key and tokens with nothing but python3 and openssl (docs/cds-hooks.md, "First call").

  python3 client-jwt.py jwks KEY.pem KID                 > ehr-jwks.json   (the public JWKS to give KetamineCds)
  python3 client-jwt.py token KEY.pem KID ISSUER AUDIENCE                  (one ES384 JWT for one call)

KEY.pem is a P-384 private key (openssl ecparam -name secp384r1 -genkey -noout -out KEY.pem). The token carries
what KetamineCds checks: header alg ES384, typ JWT, kid; claims iss, sub (= iss), aud (exactly the URL called),
iat (now), exp (now + 5 minutes), jti (new, random). A token is for one call: its jti is refused the second time.
openssl signs; this script only turns its DER signature into the JWS form (r || s) and encodes. No other package.
"""
import base64
import json
import secrets
import subprocess
import sys
import time

SIZE = 48  # bytes of each P-384 coordinate, and of r and s


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def der_length(data: bytes, i: int):
    first = data[i]
    if first < 0x80:
        return first, i + 1
    count = first & 0x7F
    return int.from_bytes(data[i + 1:i + 1 + count], "big"), i + 1 + count


def der_integer(data: bytes, i: int):
    if data[i] != 0x02:
        raise ValueError("not an INTEGER")
    length, i = der_length(data, i + 1)
    value = int.from_bytes(data[i:i + length], "big")
    return value, i + length


def public_point(key_path: str) -> bytes:
    # SubjectPublicKeyInfo of a P-384 key ends with the uncompressed point 04 || X || Y.
    der = subprocess.run(["openssl", "ec", "-in", key_path, "-pubout", "-outform", "DER"],
                         check=True, capture_output=True).stdout
    point = der[-(1 + 2 * SIZE):]
    if point[0] != 0x04 or b"\x06\x05\x2b\x81\x04\x00\x22" not in der:  # OID 1.3.132.0.34 = secp384r1
        sys.exit("The key is not a P-384 (secp384r1) EC key.")
    return point[1:]


def jwks(key_path: str, kid: str) -> str:
    point = public_point(key_path)
    key = {"kty": "EC", "crv": "P-384", "alg": "ES384", "use": "sig", "kid": kid,
           "x": b64url(point[:SIZE]), "y": b64url(point[SIZE:])}
    return json.dumps({"keys": [key]}, indent=2)


def token(key_path: str, kid: str, issuer: str, audience: str) -> str:
    now = int(time.time())
    header = {"alg": "ES384", "typ": "JWT", "kid": kid}
    claims = {"iss": issuer, "sub": issuer, "aud": audience, "iat": now, "exp": now + 300, "jti": secrets.token_hex(16)}
    signing_input = (b64url(json.dumps(header, separators=(",", ":")).encode()) + "." +
                     b64url(json.dumps(claims, separators=(",", ":")).encode()))
    der = subprocess.run(["openssl", "dgst", "-sha384", "-sign", key_path], input=signing_input.encode(),
                         check=True, capture_output=True).stdout
    # ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }
    if der[0] != 0x30:
        sys.exit("openssl did not return an ECDSA signature.")
    _, i = der_length(der, 1)
    r, i = der_integer(der, i)
    s, _ = der_integer(der, i)
    return signing_input + "." + b64url(r.to_bytes(SIZE, "big") + s.to_bytes(SIZE, "big"))


def main(args):
    if len(args) == 3 and args[0] == "jwks":
        print(jwks(args[1], args[2]))
    elif len(args) == 5 and args[0] == "token":
        print(token(*args[1:]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
