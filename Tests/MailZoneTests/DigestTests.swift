import Testing
import ZoneFile

@testable import MailZone

/// The digests a plan records of the files it read (and apply compares before writing) are SHA-256 in
/// lower-case hex, the text `sha256sum` prints, whichever way the bytes are held.
@Suite struct DigestTests {
    /// FIPS 180-2's examples and the empty text, as `sha256sum` prints them.
    static let known: [(text: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ]

    @Test func digestsAreSHA256InLowerCaseHex() {
        for (text, digest) in Self.known {
            #expect(Digest.sha256(Array(text.utf8)) == digest, "\(text)")
            #expect(Digest.sha256(SourceBytes(Array(text.utf8))) == digest, "\(text)")
        }
    }
}
