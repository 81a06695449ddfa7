/// Real public keys made for these tests with openssl (private halves discarded):
///   openssl genrsa BITS | openssl rsa -pubout -outform DER | base64
///   openssl rsa -RSAPublicKey_out -outform DER   (bare PKCS#1, as some services publish)
///   openssl genpkey -algorithm ed25519 | openssl pkey -pubout -outform DER | tail -c 32 | base64
public enum TestKeys {
    public static let rsa512 =
        "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBANLvzOQPL/sa6RGPImQ/9NpTt6bVCZ3jJ8xQ/XH7j3dXHFIXdDmoiatj6hsOKeKa56fchWi3qs6yrMvksm2+Y1cCAwEAAQ=="
    public static let rsa1024 =
        "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDDoCY7AsFgm1TkYvcBBlwW9vjASopL38ZNV2k8mp2FQ5bxaBzz0Hh6ISX6HaEm9oJtDAR71bs43tYard+prhoYA0rvo654KuHSkY+Wqpycf2L8A+N3mxuvObrfAFtzSaF45vbPUJMkTbYNsOCYUWve/B5kVwMJwZDGk08h5ZOYIwIDAQAB"
    public static let rsa2048 =
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7+RoMWV1sSrcwIIEHIZBHxAOesfmcwdfXwXJxkMUN3bsCrykMvYnTNXh2u8bl4n2haRE3kJ51wBfQtZS/F0wVau7Ff/NZpS6/P6Z2Zz3CEIR+84O/ithF/fl3HeaNcLT77MB5bjS1OXg8XiIjw3EXNRMjKnTLhV5svYLjo8W/s1nA0Isst1xwWZk943WO6TsBB4n2H3dGuI+N8XSp7iDdRj1dS5M794HYuR9ya7dc7o16RrQOW0MPjUdTZiMnBbvQTXm+87Dey4rbp73q2Veocb54vqsyMaYfIPaUxy861TPF5D+H8AGbf9UbUO2s+0pGg5JVcmbKADKRzAZkGNWiwIDAQAB"
    public static let rsa4096 =
        "MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAju7J/hybPT6UNxS846SuiKncr6ZKbYYmEAsPmBGkf9WpOHp3Hn3Bo8q9Kbg78O5FMzlAxElJ7QVpuUG4RNA8LanQ/hZ39ybgv5SHKxzMYcI1yJJh98OtG5wHkQDTjSDVJCcuU7zG2aLEXd9p5wTqJogeFqDNrYC/7sr0hJo4BsHWgPTM+j9ukjZ2SEUh3aZHOniR5xtC1vm5F6rXSpoFUuQ2jiX744/BqYES7xkA+0tvgf0ah31eKuehMKWWswtzQDa+ZjBIDJSr/uGBMhZ48ZUTEkY7YON8ep66ZTlzQsVkKsgg52+BJ+Rnwqf4pWDNITLLDToB2RNTuD6rZkv3n0RSb56Kd+K3YWUNQAtoSeLdFARuXaQ9LMKT84Ifwx64eLkRykwQNmWOdsi/3SowihQGIEgvwkpk1R8h2oh82PQWYvRRAwE9MjSsLwvE7sLVjFploaW3JfBxTl/G0XnNWSbKQ4xATzcHSutQVeyECl9LG29H9Yr0S3pzLAqmIGTgQwVaq6C3Ro0RRDeYJNr5blK05Gq3PVYgoxTC55GudwLfgPIvtnK7/TWKPfHCWoIJfwdHP24Kpa8+CSjCtce55829z7BjeEuwj7XTXJMo9xiRpo5hznTPsA7Ycb+GLN7UTajIMN2iuE4iZySOJSmUPTEUKxzMogvvPr7iQrWGD88CAwEAAQ=="
    public static let rsa1024PKCS1 =
        "MIGJAoGBAMOgJjsCwWCbVORi9wEGXBb2+MBKikvfxk1XaTyanYVDlvFoHPPQeHohJfodoSb2gm0MBHvVuzje1hqt36muGhgDSu+jrngq4dKRj5aqnJx/YvwD43ebG685ut8AW3NJoXjm9s9QkyRNtg2w4JhRa978HmRXAwnBkMaTTyHlk5gjAgMBAAE="
    public static let ed25519 = "lhy87l6fxehHiGNLStPhhJl19s2MyCdBSkYc+7UpcwY="
    /// The same Ed25519 key wrapped in SubjectPublicKeyInfo, which RFC 8463 does not allow.
    public static let ed25519SPKI = "MCowBQYDK2VwAyEAlhy87l6fxehHiGNLStPhhJl19s2MyCdBSkYc+7UpcwY="
}
